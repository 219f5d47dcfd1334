"""The Word files of the built site as they print: every .docx rendered to PDF by LibreOffice
(tests/harness/rendering.py) and measured — pages, lines per page, characters per line, where
the 版记, the red lines and the page numbers land. GB/T 9704-2012 gives the figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.content.docx import GongwenDocument
from macros.content.templatedata import DocType, Form

from ..harness.project import real_site
from ..harness.rendering import Page, read_pdf, render_pdfs

ENTRIES = real_site().templates
DOCS = sorted(s for s, e in ENTRIES.items() if e.section == "templates")
FORMS = sorted(s for s, e in ENTRIES.items() if e.section == "forms")
TOP, BOTTOM, LEFT, RIGHT = 37.0, 262.0, 28.0, 184.0  # the 版心, mm from the page's top / left edge
PITCH = 225 / 22  # mm a line
CJK = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+$")


def _files(site: Path, slug: str) -> tuple[Path, Path]:
    folder = site / "templates" / ("forms/docx" if ENTRIES[slug].section == "forms" else "docx")
    return folder / f"{slug}.docx", folder / f"{slug}-example.docx"


@pytest.fixture(scope="session")
def rendered(built_site, tmp_path_factory) -> dict[str, list[Page]]:
    """"slug" (the fill-in template or blank form) and "slug-example" → its pages."""
    files = [f for slug in DOCS + FORMS for f in _files(built_site, slug)]
    pdfs = render_pdfs(files, tmp_path_factory.mktemp("pdf"))
    return {docx.stem: read_pdf(pdf) for docx, pdf in pdfs.items()}


@pytest.fixture(scope="session")
def calibration(tmp_path_factory) -> list[Page]:
    """A 公文 page set up by the engine, filled with lines of known length: 23 lines of exactly
    28 characters, then one of 29."""
    g = GongwenDocument()
    text = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁"
    assert len(text) == 28
    for i in range(23):
        g.para(text[i:] + text[:i])
    g.para(text + "律")
    folder = tmp_path_factory.mktemp("calibration")
    g.save(folder / "grid.docx")
    return read_pdf(render_pdfs([folder / "grid.docx"], folder)[folder / "grid.docx"])


def body_lines(page: Page):
    """Lines inside the 版心 (not the page number under it)."""
    return [line for line in page.lines if line.top >= TOP - 1 and line.bottom <= BOTTOM + 1]


def test_22_lines_of_28_characters(calibration):
    """A line of 28 characters stays one line, a 29th wraps; a page holds 22 lines."""
    first, second = calibration[0], calibration[1]
    lines = body_lines(first)
    assert len(lines) == 22, [line.text for line in lines]
    assert all(len(line.text) == 28 for line in lines), [line.text for line in lines if len(line.text) != 28]
    assert abs(lines[0].x0 - LEFT) < 0.5 and all(line.x1 <= RIGHT + 0.3 for line in lines)
    pitches = {round(b.top - a.top, 1) for a, b in zip(lines, lines[1:], strict=False)}
    assert all(abs(p - PITCH) < 0.15 for p in pitches), pitches
    rest = [line.text for line in body_lines(second)]
    assert len(rest) == 3 and rest[1].endswith("岁") and rest[2] == "律", rest  # 23rd line, then 29 = 28 + 1


@pytest.mark.parametrize("slug", DOCS)
def test_full_pages_have_22_lines_and_full_lines_28_characters(rendered, slug):
    for name in (slug, f"{slug}-example"):
        pages = rendered[name]
        for page in pages:
            for line in body_lines(page):
                assert line.x0 >= LEFT - 0.5 and line.x1 <= RIGHT + 0.5, f"{name} 第 {page.number} 页出了版心：{line.text}"
                # a line of Chinese text from the left edge to the right edge: 28 characters, or
                # 27 where the 28th went to the next line with a punctuation mark that may not
                # begin a line (避头尾)
                if CJK.match(line.text) and line.x0 < LEFT + 0.5 and line.x1 > RIGHT - 3:
                    assert len(line.text) in (27, 28), f"{name} 第 {page.number} 页：{line.text}（{len(line.text)} 字）"
        for page, after in zip(pages[1:], pages[2:], strict=False):
            if not [line for line in body_lines(after) if line.top < 200]:
                continue  # the text ended here; only the 版记 is on the next page
            lines = body_lines(page)  # a page the text runs on from and on to: full
            if all(line.bottom - line.top < 6 for line in lines):  # body text only (no title, no 版记)
                assert len(lines) == 22, f"{name} 第 {page.number} 页只有 {len(lines)} 行"


@pytest.mark.parametrize("slug", DOCS)
def test_record_at_the_foot_of_the_last_page(rendered, slug):
    dt = ENTRIES[slug].data
    assert isinstance(dt, DocType)
    for which, name in (("skeleton", slug), ("example", f"{slug}-example")):
        d = getattr(dt, which)
        pages = rendered[name]
        last = pages[-1]
        text = "\n".join(p.text for p in pages)
        if dt.format == "信函格式":
            assert "印发" not in text, f"{name}：信函格式不印“印发”"
        if d.cc:
            label = d.cc.split("：")[0]
            cc = last.find(label + "：")
            assert cc.top > 200, f"{name}：{label}不在最后一页下方（{cc.top:.0f} mm）"
        if d.issuer and dt.format != "信函格式":
            issue = next(line for line in last.lines if line.text.endswith("印发"))
            assert issue.text.startswith(d.issuer.replace(" ", ""))
            rules = [r for r in last.rules if not r.red and r.length > 150]
            assert rules, f"{name}：版记没有分隔线"
            foot = max(r.y for r in rules)
            assert abs(foot - BOTTOM) < 1, f"{name}：版记末条分隔线在 {foot:.1f} mm，应与版心下边缘（{BOTTOM} mm）重合"
            assert issue.bottom < foot and issue.top > foot - 10
            assert max(r.width_pt for r in rules) >= 0.9  # 首条、末条粗线（0.35 mm）
            if d.cc:
                assert min(r.width_pt for r in rules) <= 0.8  # 中间细线（0.25 mm）
        # no page of it is empty but for its number
        for page in pages:
            assert [line for line in body_lines(page)], f"{name} 第 {page.number} 页是空白页"


@pytest.mark.parametrize("slug", DOCS)
def test_page_numbers_outside_seven_mm_below(rendered, slug):
    dt = ENTRIES[slug].data
    for name in (slug, f"{slug}-example"):
        for page in rendered[name]:
            numbers = [line for line in page.lines if re.fullmatch(r"—\d+—", line.text)]
            if page.number == 1 and dt.format == "信函格式":
                assert not numbers, f"{name}：信函格式首页不显示页码"
                continue
            assert len(numbers) == 1 and numbers[0].text == f"—{page.number}—", (name, page.number)
            n = numbers[0]
            middle = (n.top + n.bottom) / 2  # the dash line
            assert abs(middle - (BOTTOM + 7)) < 1.2, f"{name} 第 {page.number} 页页码在 {middle - BOTTOM:.1f} mm"
            if page.number % 2:
                assert abs(n.x1 - (RIGHT - 5.6)) < 1, f"{name}：单页码居右空一字"
            else:
                assert abs(n.x0 - (LEFT + 5.6)) < 1, f"{name}：双页码居左空一字"


def _head(pages: list[Page]) -> Page:
    return pages[0]


@pytest.mark.parametrize("name", ["notice-example", "request-example", "request", "minutes-example"])
def test_document_format_head(rendered, name):
    """文件格式: mark 35 mm below the 版心's top, 发文字号 下空二行, red line 4 mm under it, as
    wide as the 版心; title two lines under the red line; 签发人 on the number's line."""
    page = _head(rendered[name])
    mark = page.lines[0]
    assert mark.red and abs(mark.top - (TOP + 35)) < 1.5, f"发文机关标志上边缘在版心下 {mark.top - TOP:.1f} mm"
    number = page.lines[1]
    assert number.top - mark.bottom > 2 * PITCH, f"发文字号与标志之间只有 {number.top - mark.bottom:.1f} mm（应空二行）"
    if name.startswith("request"):
        assert "签发人：" in number.text and number.x1 > RIGHT - 6, f"签发人换行了：{number.text}"
    red = [r for r in page.rules if r.red]
    assert red and 3 <= red[0].y - number.bottom <= 5, "红色分隔线应在发文字号之下 4 mm"
    assert abs(red[0].x0 - LEFT) < 0.5 and abs(red[0].x1 - RIGHT) < 0.5
    title = page.lines[2]
    assert title.top - red[0].y > 1.5 * PITCH, "标题应在红色分隔线下空二行"


@pytest.mark.parametrize("name", ["letter", "letter-example"])
def test_letter_format(rendered, name):
    """信函格式: mark 30 mm from the top edge; red double lines 170 mm long, thick over thin
    under the mark, thin over thick 20 mm above the bottom edge; 发文字号 flush right."""
    page = rendered[name][0]
    mark = page.lines[0]
    assert mark.red and abs(mark.top - 30) < 1, f"信函格式标志上边缘距上页边 {mark.top:.1f} mm"
    red = sorted({(round(r.y, 1), round(r.width_pt, 2), round(r.length)) for r in page.rules if r.red})
    assert len(red) == 4, red
    (y1, w1, l1), (y2, w2, _), (y3, w3, _), (y4, w4, _) = red
    assert y1 < y2 < mark.bottom + 8 and w1 > w2, "首条双线应上粗下细"
    assert y3 > 270 and w3 < w4 and abs((page.height - y3) - 20) < 1, "下方双线应上细下粗、距下页边 20 mm"
    assert abs(l1 - 170) < 1, f"双线长 {l1} mm"
    number = page.lines[1]
    assert abs(number.x1 - RIGHT) < 0.5 and number.x0 > 100, "发文字号应顶格居版心右边缘"
    assert 3 < number.top - y2 < 8


@pytest.mark.parametrize("name", ["order", "order-example"])
def test_order_format(rendered, name):
    """命令格式: mark 20 mm below the 版心's top, 令号 two lines under it, no red line."""
    page = rendered[name][0]
    mark, number, first = page.lines[0], page.lines[1], page.lines[2]
    assert mark.red and abs(mark.top - (TOP + 20)) < 1.5, f"命令格式标志在版心下 {mark.top - TOP:.1f} mm"
    assert re.fullmatch(r"第.+号", number.text) and abs((number.x0 + number.x1) / 2 - (LEFT + RIGHT) / 2) < 1
    assert number.top - mark.bottom > 2 * PITCH and first.top - number.bottom > 2 * PITCH
    assert not [r for r in page.rules if r.red], "命令格式没有红色分隔线"


def test_minutes_attendance_hangs_after_the_colon(rendered):
    lines = [line for p in rendered["minutes-example"] for line in p.lines]
    labels = {line.text[:3]: line for line in lines if line.text[:3] in ("出席：", "请假：", "列席：")}
    assert set(labels) == {"出席：", "请假：", "列席："}
    assert all(abs(line.x0 - (LEFT + 2 * 5.65)) < 0.6 for line in labels.values()), "出席等左空二字"
    attended = labels["列席："]
    after = lines[lines.index(attended) + 1]
    assert abs(after.x0 - (LEFT + 5 * 5.65)) < 0.6, f"回行应与冒号后的首字对齐（{after.x0:.1f} mm）"


@pytest.mark.parametrize("slug", ["resolution", "communique"])
def test_dated_subtitle_no_second_date(rendered, slug):
    dt = ENTRIES[slug].data
    date = re.search(r"\d{4}年\d+月\d+日", dt.example.number).group(0)
    text = "".join(line.text for p in rendered[f"{slug}-example"] for line in p.lines)
    assert text.count(date) == 1, f"{slug}：日期 {date} 出现了 {text.count(date)} 次"


@pytest.mark.parametrize("slug", FORMS)
def test_blank_form_on_one_a4_page(rendered, slug):
    form = ENTRIES[slug].data
    assert isinstance(form, Form)
    pages = rendered[slug]
    assert len(pages) == 1, f"空白表 {slug} 印出 {len(pages)} 页"
    page = pages[0]
    size = (297, 210) if form.landscape else (210, 297)
    assert (round(page.width), round(page.height)) == size
    for line in page.lines:
        assert line.x0 >= 15 and line.x1 <= page.width - 15, f"{slug}：{line.text} 超出纸边"
    for rule in page.rules:
        assert rule.x0 >= 15 and rule.x1 <= page.width - 15
    text = page.text
    assert "〔2026〕" not in text and "2026" not in text, f"{slug} 空白表里有写死的年份"
    assert "（印章）" not in text
    if form.layout != "letter":  # cells are the space to write in: no underscores in them
        table_top = min(r.y for r in page.rules)
        assert not [line.text for line in page.lines if "_" in line.text and line.top > table_top], slug


def test_blank_forms_keep_check_boxes_and_columns(rendered):
    transfer = rendered["petition-transfer"][0].text
    assert "□交办" in transfer and "□转送" in transfer and "☑" not in transfer
    assert "□按期办结" in rendered["supervision-sheet"][0].text
    header = rendered["incoming-register"][0].find("收文号")
    assert "收文日期" in header.text and "办结及归档" in header.text, f"表头有一格折行了：{header.text}"
    for slug in ("acceptance-notice", "non-acceptance-notice", "petition-handling-opinion"):
        for name in (slug, f"{slug}-example"):
            text = "\n".join(p.text for p in rendered[name])
            assert "（印章）" not in text and "人民政府" in text, name
