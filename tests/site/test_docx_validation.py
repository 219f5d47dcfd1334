"""Every generated Word file passes an Office Open XML validator — openxml-audit, a port of the
Open XML SDK's schema and semantic checks with the ECMA-376 schemas — and the validator does
catch the faults the Word files used to have: a property element out of schema order, and the
stylesWithEffects.xml copy of the styles that Word repairs once it differs from styles.xml."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator

from ..harness.templates import FORM_SLUGS, TEMPLATE_SLUGS, docx_dir


def problems(path: Path) -> list[str]:
    result = OpenXmlValidator().validate(str(path))
    return [f"{e.part_uri} {e.path}：{e.description}" for e in result.errors]


def rewritten(src: Path, dst: Path, part: str, change) -> Path:
    """A copy of a .docx with one part's XML changed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return dst


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS + FORM_SLUGS)
def test_every_word_file_passes_the_validator(built_site, slug):
    for name in (f"{slug}.docx", f"{slug}-example.docx"):
        path = docx_dir(built_site, slug) / name
        assert problems(path) == [], name
        with zipfile.ZipFile(path) as z:
            assert "word/stylesWithEffects.xml" not in z.namelist()


def test_the_validator_reports_an_element_out_of_schema_order(built_site, tmp_path):
    good = docx_dir(built_site, "notice") / "notice-example.docx"

    def jc_first(xml: str) -> str:
        # move the first paragraph's alignment in front of its other properties
        m = re.search(r"<w:pPr>(.*?)(<w:jc [^>]*/>)", xml)
        assert m and m.group(1), "示例里没有带其他属性的居中段落"
        return xml[: m.start()] + "<w:pPr>" + m.group(2) + m.group(1) + xml[m.end() :]

    bad = rewritten(good, tmp_path / "bad.docx", "word/document.xml", jc_first)
    found = problems(bad)
    assert found and any("/word/document.xml" in p for p in found), found


def test_the_validator_reports_styles_with_effects_that_differ(built_site, tmp_path):
    """What python-docx's template left in every file until the engine dropped it."""
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    with zipfile.ZipFile(template) as z:
        effects = z.read("word/stylesWithEffects.xml")
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    rel = re.search(r"<Relationship [^>]*stylesWithEffects[^>]*/>", rels)
    override = re.search(r'<Override [^>]*PartName="/word/stylesWithEffects.xml"[^>]*/>', types)
    assert rel and override
    rel_xml = re.sub(r'Id="[^"]*"', 'Id="rIdEffects"', rel.group(0))  # an id the file does not use
    good = docx_dir(built_site, "notice") / "notice.docx"
    bad = tmp_path / "effects.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.decode().replace("</Relationships>", rel_xml + "</Relationships>").encode()
            if item.filename == "[Content_Types].xml":
                data = data.decode().replace("</Types>", override.group(0) + "</Types>").encode()
            zout.writestr(item, data)
        zout.writestr("word/stylesWithEffects.xml", effects)
    assert any("stylesWithEffects" in p for p in problems(bad))
