"""The child-element order of WordprocessingML property elements, as the Office Open XML schema
defines it, and a checker for every part of a .docx.

The validator openxml-audit (tests/site/test_docx_validation.py) checks the files against the
ECMA-376 schemas; this is a second, independent check of the order alone, whose messages name
the property element. The sequences below were copied from the schema — ECMA-376 Part 1 /
ISO/IEC 29500 WordprocessingML (wml.xsd), complex types named beside each — not typed from
memory. They are independent of the engine's own list (macros/content/ooxml.py), so a slip in
either is caught. Children not listed (vendor extensions) are ignored; an element of a listed
parent out of its place is an error."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# CT_PPrBase + CT_PPr (§17.3.1.26 pPr): a sequence, each at most once.
P_PR = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
# CT_PBdr (§17.3.1.24 pBdr)
P_BDR = ["top", "left", "bottom", "right", "between", "bar"]
# EG_RPrBase (§17.3.2.28 rPr): a sequence in the strict schema (a choice in the transitional one)
R_PR = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
]
# CT_TblPrBase + CT_TblPr (§17.4 tables, tblPr)
TBL_PR = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
]
# CT_TblBorders, CT_TcBorders
BORDERS = ["top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl"]
# CT_TblCellMar, CT_TcMar
CELL_MAR = ["top", "start", "left", "bottom", "end", "right"]
# CT_TcPrBase + CT_TcPr (tcPr)
TC_PR = [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
]
# CT_Tbl: range markup, tblPr, tblGrid, then rows; CT_Row: tblPrEx, trPr, then cells; CT_Tc: tcPr first
TBL = ["tblPr", "tblGrid", "tr"]
ROW = ["tblPrEx", "trPr", "tc"]
TC = ["tcPr", "p", "tbl"]
# EG_HdrFtrReferences (a choice: header and footer references in any order, up to 6) then
# EG_SectPrContents (§17.6 sections, sectPr)
SECT_PR = [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
]
# CT_Style (styles.xml)
STYLE = [
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
]

ORDER = {
    "pPr": P_PR,
    "pBdr": P_BDR,
    "rPr": R_PR,
    "tblPr": TBL_PR,
    "tblBorders": BORDERS,
    "tcBorders": BORDERS,
    "tblCellMar": CELL_MAR,
    "tcMar": CELL_MAR,
    "tcPr": TC_PR,
    "tbl": TBL,
    "tr": ROW,
    "tc": TC,
    "sectPr": SECT_PR,
    "style": STYLE,
}
REPEATABLE = {("sectPr", "headerReference"), ("sectPr", "footerReference"), ("tbl", "tr"), ("tr", "tc")}
REPEATABLE |= {("tc", "p"), ("tc", "tbl"), ("style", "tblStylePr")}


def order_problems(xml: bytes, part: str) -> list[str]:
    """Every element of `xml` whose children break the schema sequence, as readable lines."""
    problems = []
    root = etree.fromstring(xml)
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.tag.startswith(W):
            continue
        name = el.tag[len(W) :]
        order = ORDER.get(name)
        if order is None or (name == "rPr" and el.getparent() is not None and el.getparent().tag == W + "pPr"):
            continue  # a paragraph mark's rPr (CT_ParaRPr) has its own leading elements
        last, seen = -1, set()
        for child in el:
            if not isinstance(child.tag, str) or not child.tag.startswith(W):
                continue
            cname = child.tag[len(W) :]
            if cname not in order:
                if name in ("tbl", "tc"):
                    continue  # bookmarks and other range markup may sit between
                problems.append(f"{part}: <w:{cname}> 不是 <w:{name}> 允许的子元素")
                continue
            pos = order.index(cname)
            if name == "sectPr" and cname == "footerReference":
                pos = 0  # EG_HdrFtrReferences: header and footer references in any order
            if pos < last or (cname in seen and (name, cname) not in REPEATABLE):
                problems.append(
                    f"{part}: <w:{name}> 里 <w:{cname}> 的位置不对（应为 "
                    + " → ".join(c for c in order if c in {c2.tag[len(W) :] for c2 in el if isinstance(c2.tag, str)})
                    + "）"
                )
            last, seen = max(last, pos), seen | {cname}
    return problems


def docx_order_problems(path: Path) -> list[str]:
    """Check every WordprocessingML part of a .docx (document, styles, headers, footers …)."""
    problems = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                problems += order_problems(z.read(name), f"{path.name}/{name}")
    return problems
