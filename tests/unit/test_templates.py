"""公文模板与表格, engine only: the template data's checks, the township settings, and the Word
files' XML (element order, fonts) as python-docx writes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.content.docx import write_all
from macros.content.templatedata import form_text, load_entry
from macros.content.township import TownshipSettings, township_settings
from macros.core.errors import ContentError

from ..harness.ooxml_schema import docx_order_problems, order_problems
from ..harness.project import ROOT
from ..harness.templates import ENTRIES, FORM_SLUGS, TEMPLATE_SLUGS


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


def _form_yaml(tmp_path, name: str, old: str, new: str) -> Path:
    path = tmp_path / name
    text = (ROOT / "docs/templates/forms" / name).read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_fixed_year_in_a_form_number_is_a_clear_error(tmp_path):
    path = _form_yaml(tmp_path, "visit-register.yaml", "〔[[2026]]〕", "〔2026〕")
    with pytest.raises(ContentError) as e:
        load_entry(path, "forms", TownshipSettings())
    assert "年份 〔2026〕 写死了：写成 〔[[2026]]〕，空白表才会留空" in str(e.value)


def test_seal_written_as_text_and_wrong_widths_are_clear_errors(tmp_path):
    path = _form_yaml(
        tmp_path, "acceptance-notice.yaml", 'signature: "{镇}人民政府"', 'signature: "{镇}人民政府（印章）"'
    )
    with pytest.raises(ContentError) as e:
        load_entry(path, "forms", TownshipSettings())
    assert "不要写“（印章）”：写 seal: true，表上留出盖章位置" in str(e.value)
    path = _form_yaml(tmp_path, "meeting-sign-in.yaml", "widths: [1.1, 3.6, 2.2, 3.4, 2.8, 1.8]", "widths: [1, 2]")
    with pytest.raises(ContentError) as e:
        load_entry(path, "forms", TownshipSettings())
    assert "widths 应有 6 个数（每列一个），现在是 2 个" in str(e.value)


def test_a_date_written_twice_is_a_clear_error(tmp_path):
    path = tmp_path / "resolution.yaml"
    text = (ROOT / "docs/templates/resolution.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("skeleton:\n", "  date: 2027年1月15日\nskeleton:\n", 1), encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_entry(path, "templates", TownshipSettings())
    assert "日期重复：标题下的“（2027年1月15日" in str(e.value)


def test_blank_form_text_keeps_boxes_and_leaves_cells_empty():
    assert form_text("[[☑交办　□转送]]", blank=True, cell=True) == "□交办　□转送"
    assert form_text("[[镇农业农村综合服务中心]]", blank=True, cell=True) == ""
    line = form_text("你于[[2026年3月30日]]来访", blank=True)
    assert line.startswith("你于____\u200b") and line.endswith("来访")  # a fill-in line that may break
    assert form_text("〔[[2026]]〕[[12]]号", blank=False) == "〔2026〕12号"


def test_every_generated_word_file_keeps_the_schema_order(tmp_path):
    written = write_all(ENTRIES, tmp_path)
    assert len(written) == 2 * len(ENTRIES)
    problems = [p for f in written for p in docx_order_problems(f)]
    assert not problems, "\n".join(problems[:20])


def test_the_order_check_catches_a_border_after_the_alignment():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    bad = f'<w:document {w}><w:body><w:p><w:pPr><w:jc w:val="center"/><w:pBdr><w:bottom w:val="single"/></w:pBdr></w:pPr></w:p></w:body></w:document>'
    assert order_problems(bad.encode(), "document.xml") == [
        "document.xml: <w:pPr> 里 <w:pBdr> 的位置不对（应为 pBdr → jc）"
    ]
    table = f'<w:tbl {w}><w:tblPr><w:tblLook w:val="04A0"/><w:tblBorders/></w:tblPr><w:tblGrid/></w:tbl>'
    assert len(order_problems(table.encode(), "t")) == 1
