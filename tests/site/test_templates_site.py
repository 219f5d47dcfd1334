"""公文模板与表格 in the built site: the Word files (GB/T 9704-2012 layout, fonts, township name),
the pages' links to them, the township settings flowing into page and Word file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..harness.ooxml_schema import docx_order_problems
from ..harness.templates import ENTRIES, FORM_SLUGS, TEMPLATE_SLUGS, TOWNSHIP, all_text, docx_dir, east_asia
from ..harness.project import ROOT, build_site, make_project, real_site



@pytest.mark.parametrize("slug", TEMPLATE_SLUGS + FORM_SLUGS)
def test_word_files_follow_gbt_9704_and_name_the_township(built_site, slug):
    for name in (f"{slug}.docx", f"{slug}-example.docx"):
        doc = Document(str(docx_dir(built_site, slug) / name))
        s = doc.sections[0]
        form = ENTRIES[slug].section == "forms"
        landscape = form and ENTRIES[slug].data.landscape
        # A4 (Word stores twips: allow the 0.1 mm rounding)
        w, h = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
        assert abs(s.page_width - w) < Mm(0.1) and abs(s.page_height - h) < Mm(0.1)
        if not form:  # 公文: 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm, a line grid of 22
            assert abs(s.top_margin - Mm(37)) < Mm(0.1) and abs(s.left_margin - Mm(28)) < Mm(0.1)
            assert abs(s.page_width - s.left_margin - s.right_margin - Mm(156)) < Mm(0.1)
            assert abs(s.page_height - s.top_margin - s.bottom_margin - Mm(225)) < Mm(0.1)
            grid = s._sectPr.find(qn("w:docGrid"))
            assert grid.get(qn("w:type")) == "lines" and int(grid.get(qn("w:linePitch"))) * 22 <= Mm(225).pt * 20
        elif not landscape:  # forms: the 版心's width
            assert abs(s.page_width - s.left_margin - s.right_margin - Mm(156)) < Mm(0.1)
        normal = doc.styles["Normal"]
        assert normal.font.size == (Pt(14) if form else Pt(16))
        assert normal.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
        # title: 2号 方正小标宋简体, centred (the first 22 pt paragraph)
        if not form and ENTRIES[slug].data.format == "命令格式":
            pass  # 命令格式 has no title: the text follows the 令号
        else:
            title = next(p for p in doc.paragraphs if p.runs and p.runs[0].font.size == Pt(22))
            assert east_asia(title.runs[0]) == "方正小标宋简体" and title.alignment == 1
        # body: 3号 仿宋_GB2312 (forms: 仿宋 text in the table cells or notes, 3号/4号/小4号)
        sizes = {Pt(16)} if ENTRIES[slug].section == "templates" else {Pt(16), Pt(14), Pt(12)}
        paras = doc.paragraphs + [p for t in doc.tables for row in t.rows for c in row.cells
                                  for p in c.paragraphs]
        body_runs = [r for p in paras for r in p.runs if r.text.strip()
                     and r.font.size in sizes and east_asia(r) == "仿宋_GB2312"]
        assert body_runs, "没有仿宋正文"
        assert TOWNSHIP.name in all_text(doc), f"{name} 里没有镇名 {TOWNSHIP.name}"
        assert not docx_order_problems(docx_dir(built_site, slug) / name)
        if form and ENTRIES[slug].data.layout != "letter":
            continue  # a sheet or register has no page numbers
        # page numbers "— 1 —" in 4号 宋体 on the outer side
        odd = s.footer.paragraphs[0]
        assert odd.text.startswith("— ") and odd.text.endswith(" —") and odd.alignment == 2
        assert s.even_page_footer.paragraphs[0].alignment == 0
        assert all(east_asia(r) == "宋体" and r.font.size == Pt(14) for r in odd.runs)


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS)
def test_gongwen_has_red_mark_red_line_and_headings(built_site, slug):
    d = ENTRIES[slug].data.example
    doc = Document(str(docx_dir(built_site, slug) / f"{slug}-example.docx"))
    if d.org_mark and ENTRIES[slug].data.format == "信函格式":  # the mark is in the first page's header
        mark = doc.sections[0].first_page_header.paragraphs[0]
        assert mark.text == d.org_mark and str(mark.runs[0].font.color.rgb) == "FF0000"
    elif d.org_mark:
        mark = doc.paragraphs[0]
        assert mark.text == d.org_mark
        assert str(mark.runs[0].font.color.rgb) == "FF0000"
        if d.number and ENTRIES[slug].data.format in ("文件格式", "纪要格式"):
            line = next(p for p in doc.paragraphs if p.text.strip().startswith(d.number))
            bottom = line._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
            assert bottom.get(qn("w:color")) == "FF0000"
    for block in d.body:
        if isinstance(block, dict):
            (level, text), = block.items()
            run = next(p for p in doc.paragraphs if p.text == text).runs[0]
            assert east_asia(run) == {"h1": "黑体", "h2": "楷体_GB2312", "h3": "仿宋_GB2312"}[level]
            assert run.font.size == Pt(16)


def test_mediation_agreement_has_what_article_10_requires(built_site):
    doc = Document(str(built_site / "templates/forms/docx/mediation-agreement.docx"))
    text = all_text(doc)
    for needed in ("申请人（签名、盖章或按指印）", "被申请人（签名、盖章或按指印）",
                   "调解人员（签名）", "调解组织："):
        assert needed in text


def test_every_template_page_links_its_word_files_and_they_exist(built_site):
    for slug in TEMPLATE_SLUGS + FORM_SLUGS:
        folder = "templates/forms" if ENTRIES[slug].section == "forms" else "templates"
        page = (built_site / folder / f"{slug}.html").read_text(encoding="utf-8")
        for name in (f"{slug}.docx", f"{slug}-example.docx"):
            assert f'href="docx/{name}"' in page, f"{slug} 页没有链接 {name}"
            assert (built_site / folder / "docx" / name).stat().st_size > 5000
        assert 'class="gw-paper' in page
    for folder, slugs in (("templates", TEMPLATE_SLUGS), ("templates/forms", FORM_SLUGS)):
        index = (built_site / folder / "index.html").read_text(encoding="utf-8")
        for slug in slugs:
            assert f'href="{slug}.html"' in index and f'href="docx/{slug}.docx"' in index


def test_page_example_shows_the_township_from_settings(built_site):
    page = (built_site / "templates/notice.html").read_text(encoding="utf-8")
    assert f"{TOWNSHIP.name}人民政府关于做好2026年村民委员会换届选举工作的通知" in page
    assert f"{TOWNSHIP.doc_number_prefix}〔2026〕3号" in page


def test_changing_the_township_changes_page_and_word_file(tmp_path):
    project = make_project(tmp_path / "proj")
    conf = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    conf = re.sub(r"(  township:\n    name: ).*\n(    county: ).*\n(    doc_number_prefix: ).*\n",
                  r"\1青石镇\n\2临川县\n\3青镇发\n", conf)
    assert "青石镇" in conf
    (project / "mkdocs.yml").write_text(conf, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site/templates/request.html").read_text(encoding="utf-8")
    assert "青石镇人民政府关于申请安排2026年农村村民住宅建设用地计划指标的请示" in page
    assert "临川县人民政府：" in page and "青镇发〔2026〕8号" in page
    assert TOWNSHIP.name not in page.split('class="gw-paper', 1)[1].split("</div>", 1)[0]
    doc = Document(str(tmp_path / "site/templates/docx/request-example.docx"))
    assert doc.paragraphs[0].text == "青石镇人民政府文件"
    assert "青镇发〔2026〕8号" in all_text(doc) and TOWNSHIP.name not in all_text(doc)
    blank = Document(str(tmp_path / "site/templates/forms/docx/visit-register.docx"))
    assert blank.paragraphs[0].text == "青石镇群众来访登记表"
