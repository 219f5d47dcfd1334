"""公文模板与表格: the Word files (GB/T 9704-2012 layout, fonts, township name), the pages'
links to them, the township settings flowing into page and Word file, the data checks, and
printing without the site's navigation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from macros.content.templatedata import load_entry
from macros.content.township import TownshipSettings, township_settings
from macros.core.errors import ContentError

from ..harness.project import ROOT, real_site

TOWNSHIP = real_site().township
ENTRIES = real_site().templates
TEMPLATE_SLUGS = sorted(s for s, e in ENTRIES.items() if e.section == "templates")
FORM_SLUGS = sorted(s for s, e in ENTRIES.items() if e.section == "forms")


def docx_dir(site: Path, slug: str) -> Path:
    sub = "templates/forms/docx" if ENTRIES[slug].section == "forms" else "templates/docx"
    return site / sub


def east_asia(run) -> str | None:
    fonts = run._element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_every_slot_has_data_and_the_issue_lists_are_complete():
    assert len(TEMPLATE_SLUGS) == 15 and len(FORM_SLUGS) == 12
    pages = {p.stem for p in (ROOT / "docs/templates").glob("*.md")} - {"index"}
    forms = {p.stem for p in (ROOT / "docs/templates/forms").glob("*.md")} - {"index"}
    assert pages == set(TEMPLATE_SLUGS) and forms == set(FORM_SLUGS)
    for path in [*(ROOT / "docs/templates").rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        assert "本页正在编写中" not in text and "正在编写中" not in text, path
        assert re.search(r"^topics: \[.+\]$", text, re.M), f"{path} 没有 topics"


def test_bad_placeholder_is_a_clear_error(tmp_path):
    path = tmp_path / "notice.yaml"
    text = (ROOT / "docs/templates/notice.yaml").read_text(encoding="utf-8").replace("{县}民政局", "{区}民政局")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_entry(path, "templates", TownshipSettings())
    assert str(e.value) == f"{path}：不认识的占位符 {{区}}：只能用 {{镇}}、{{县}}、{{字号}}、{{办公室}}"


def test_bad_township_setting_is_a_clear_error():
    with pytest.raises(ContentError) as e:
        township_settings({"township": {"name": "青石镇", "town": "x"}})
    assert str(e.value) == "mkdocs.yml：extra.township 有误：字段 town：不认识的字段（请检查拼写，或删除它）"
