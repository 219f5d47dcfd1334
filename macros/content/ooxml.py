"""Writing WordprocessingML property elements in the order the Office Open XML schema requires.

The properties of a paragraph, a table, a cell or a section are each an xsd:sequence in the
schema: Word reports "unreadable content" or drops an element written out of order (a border
after the alignment, table borders after the table look). python-docx keeps the order for the
elements it knows; everything this engine adds by hand goes through put(), which inserts a child
before the first sibling that must follow it.

The orders below are those of the schema's complex types (ECMA-376 Part 1 / ISO/IEC 29500,
WordprocessingML, wml.xsd): CT_PPrBase + CT_PPr (paragraph properties, §17.3.1), CT_PBdr
(paragraph borders), CT_TblPrBase (table properties, §17.4), CT_TblBorders, CT_TcPrBase (cell
properties), CT_TcBorders, EG_SectPrContents (section properties, §17.6). Only the elements this
engine writes need to be here; tests/harness/ooxml_schema.py checks every generated file against
the full sequences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

PPR = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)  # fmt: skip
# EG_RPrBase (run properties, §17.3.2): a sequence in the strict schema, a choice in the
# transitional one; written in this order, a run is valid under both.
RPR = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange",
)  # fmt: skip
PBDR = ("top", "left", "bottom", "right", "between", "bar")
TBLPR = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
    "tblLook", "tblCaption", "tblDescription", "tblPrChange",
)  # fmt: skip
BORDERS = ("top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl")
TCPR = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers",
)  # fmt: skip
SECTPR = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)  # fmt: skip


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def put(parent, child, order: tuple[str, ...], replace: bool = True):
    """Insert `child` into `parent` at its place in the schema sequence `order` (replacing a
    child with the same name unless replace=False); returns the child."""
    name = _local(child)
    if replace:
        for old in parent.findall(qn(f"w:{name}")):
            parent.remove(old)
    later = set(order[order.index(name) + 1 :])
    for i, sibling in enumerate(parent):
        if _local(sibling) in later:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def element(tag: str, **attrs: Any):
    """<w:tag w:key="value" …/>"""
    el = OxmlElement(f"w:{tag}")
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


def borders(tag: str, edges: Mapping[str, Mapping[str, Any]], order: tuple[str, ...] = BORDERS):
    """A border container (<w:pBdr>, <w:tblBorders>, <w:tcBorders>) with its edges in schema order."""
    box = OxmlElement(f"w:{tag}")
    for edge in order:
        if edge in edges:
            box.append(element(edge, **edges[edge]))
    return box


# Word 2010's own copy of the styles, which python-docx's template carries. Word writes it for
# itself; once the document's styles differ from it (ours always do), Word may report
# unreadable content and repair the file (the validator's app-compat rule). Nothing needs it.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def drop_styles_with_effects(document: Any) -> None:
    """Removes stylesWithEffects.xml from a python-docx Document (it is then not saved)."""
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            part.drop_rel(rid)
