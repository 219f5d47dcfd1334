"""Word files in the national 公文 format (GB/T 9704-2012), made with python-docx from the
same data as the template pages (macros/content/templatedata.py).

Page: A4 210 mm × 297 mm; 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm, so the right margin is
26 mm and the bottom margin 35 mm. 22 lines of 28 characters: every line is exactly 225 mm / 22
(28.95 pt, 579 twips; 580 would give 21 lines) and Word's line grid says the same. A 3号 (16 pt)
character is wider than 156 mm / 28 (15.79 pt), so the text is set 0.25 pt tighter (15.75 pt a
character: 28 fit, 29 do not) instead of with a character grid, which LibreOffice lays out as two
grid cells per character (14 a line). Type: 3号 仿宋_GB2312 body, 2号 (22 pt) 方正小标宋简体
title, 3号 黑体 / 楷体_GB2312 headings, 4号 (14 pt) 宋体 page numbers "— 1 —" 7 mm below the
版心, odd pages right and even pages left, one character in.

Formats (GB/T 9704-2012 第10章): 文件格式 (red 发文机关标志 35 mm below the top of the 版心,
发文字号 two lines below it, red line 4 mm below the number); 信函格式 (函: the mark 30 mm from
the top edge of the page, red double lines 170 mm long under it and 20 mm above the bottom
edge, 发文字号 flush right, no page number on page 1, no 印发 line); 命令格式 (令: mark 20 mm
below the top of the 版心, 令号 and the text two lines apart, 签发人职务 and 签名章, no red
line); 纪要格式 (出席、请假、列席 lists with hanging indents).

Every property element is written in the order of the Office Open XML schema (ooxml.py)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from .ooxml import PBDR, PPR, RPR, SECTPR, TBLPR, TCPR, borders, drop_styles_with_effects, element, put
from .templatedata import DocType, Document, Entry, Form, docx_names, field_width, form_text

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"

SIZE_MARK = Pt(36)  # 发文机关标志: the standard leaves the size open (醒目、美观、庄重)
SIZE_2 = Pt(22)  # 2号
SIZE_3 = Pt(16)  # 3号
SIZE_4 = Pt(14)  # 4号
SIZE_S4 = Pt(12)  # 小4号
RED = RGBColor(0xFF, 0x00, 0x00)

PAGE_W, PAGE_H = Mm(210), Mm(297)
TOP, LEFT = Mm(37), Mm(28)
TEXT_W, TEXT_H = Mm(156), Mm(225)
LINES, CHARS = 22, 28
LINE_TWIPS = 579  # 22 × 579 twips = 12738 ≤ 225 mm (12756 twips); 580 gives 21 lines
LINE_PITCH = Pt(LINE_TWIPS / 20)  # 28.95 pt
TIGHTEN_TWIPS = -5  # −0.25 pt a character: 28 × 15.75 pt = 441 pt ≤ 442.2 pt (156 mm)
CHAR = SIZE_3  # 一字 = the width of one 3号 character
CHAR4 = SIZE_4  # 一字 in the 4号 版记
TITLE_LINE = Pt(35)  # 2号 title lines
CELL_LINE = Pt(22)  # 4号 text in form cells
FORM_LINE = Pt(22)  # forms: 4号 on 22 pt lines
MARK_TOP = Mm(35)  # 文件格式: 版心 top → top edge of the 发文机关标志 (命令格式 20 mm)
PAGE_NUMBER_FOOT = Mm(24.6)  # bottom edge → the page number line's foot
LETTER_FOOT = Mm(18.6)  # bottom edge → foot of the 信函 second double line (its upper rule 20 mm up)


def set_run_font(run, name: str, size, bold: bool = False, color: RGBColor | None = None):
    """Set every script's font: python-docx's font.name sets only ascii/hAnsi, and Word and
    WPS take Chinese text from w:eastAsia."""
    run.font.size = size
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    rpr = run._element.get_or_add_rPr()
    put(rpr, _fonts(name), RPR)


def _fonts(name: str):
    return element("rFonts", ascii=name, hAnsi=name, eastAsia=name, cs=name)


def text_width(text: str) -> float:
    """Width in 字 (CJK full width = 1, ASCII half width = 0.5)."""
    return field_width(text)


def _ppr(p):
    return p._p.get_or_add_pPr()


class GongwenDocument:
    """A python-docx Document set up for GB/T 9704-2012 (kind="gongwen"), or for an office
    form (kind="form": the same 版心 width, less 天头 and 地脚, no line grid; landscape for
    wide registers), with helpers for its elements."""

    def __init__(self, kind: str = "gongwen", landscape: bool = False, page_numbers: bool = True):
        self.doc = new_document()
        drop_styles_with_effects(self.doc)
        self.kind = kind
        # Forms (not 公文) are set in 4号 on 22 pt lines, so that a blank one fits one page.
        self.size = SIZE_3 if kind == "gongwen" else SIZE_4
        self.char = CHAR if kind == "gongwen" else CHAR4
        self.line = LINE_PITCH if kind == "gongwen" else FORM_LINE
        self.section = self.doc.sections[0]
        self._setup_page(landscape)
        self._setup_styles()
        if page_numbers:
            self._setup_page_numbers()

    @property
    def text_width(self):
        s = self.section
        return Emu((s.page_width or 0) - (s.left_margin or 0) - (s.right_margin or 0))

    def _setup_page(self, landscape: bool):
        s = self.section
        if landscape:
            s.orientation = WD_ORIENT.LANDSCAPE
            s.page_width, s.page_height = PAGE_H, PAGE_W
            s.top_margin = s.bottom_margin = Mm(20)
            s.left_margin = s.right_margin = Mm(20)
        elif self.kind == "form":
            s.page_width, s.page_height = PAGE_W, PAGE_H
            s.left_margin, s.right_margin = LEFT, Mm(210 - 28 - 156)
            s.top_margin, s.bottom_margin = Mm(25), Mm(25)
        else:
            s.page_width, s.page_height = PAGE_W, PAGE_H
            s.top_margin, s.left_margin = TOP, LEFT
            s.right_margin = Mm(210 - 28 - 156)  # 26 mm
            s.bottom_margin = Mm(297 - 37 - 225)  # 35 mm
        s.header_distance = Mm(15)
        # The page number's dash lines sit 7 mm below the 版心: its 4号 line (exact 14 pt,
        # about 4.9 mm) ends about 24.6 mm above the bottom edge.
        s.footer_distance = PAGE_NUMBER_FOOT if self.kind == "gongwen" else Mm(12)
        sect = s._sectPr
        for old in sect.findall(qn("w:docGrid")):
            sect.remove(old)
        if self.kind == "gongwen":
            put(sect, element("docGrid", type="lines", linePitch=LINE_TWIPS), SECTPR)

    def _setup_styles(self):
        normal = self.doc.styles["Normal"]
        normal.font.size = self.size
        rpr = normal.element.get_or_add_rPr()
        put(rpr, _fonts(FANGSONG), RPR)
        put(rpr, element("spacing", val=TIGHTEN_TWIPS), RPR)
        pf = normal.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = self.line
        pf.space_before = pf.space_after = Pt(0)
        pf.widow_control = False
        self.doc.core_properties.language = "zh-CN"

    def _setup_page_numbers(self):
        self.doc.settings.odd_and_even_pages_header_footer = True
        s = self.section
        for footer, align in ((s.footer, WD_ALIGN_PARAGRAPH.RIGHT), (s.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            p.alignment = align
            p.paragraph_format.line_spacing = SIZE_4
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                p.paragraph_format.right_indent = CHAR
            else:
                p.paragraph_format.left_indent = CHAR
            self._run(p, "— ", SONGTI, SIZE_4)
            self._field(p, "PAGE", SONGTI, SIZE_4)
            self._run(p, " —", SONGTI, SIZE_4)

    # ---- low-level helpers ----
    def _run(self, p, text, font, size, bold=False, color=None):
        r = p.add_run(text)
        set_run_font(r, font, size, bold, color)
        return r

    def _field(self, p, code, font, size):
        steps: tuple[tuple[str | None, str], ...] = (
            ("begin", ""),
            (None, f" {code} "),
            ("separate", ""),
            (None, "1"),
            ("end", ""),
        )
        for kind, text in steps:
            r = p.add_run()
            set_run_font(r, font, size)
            if kind:
                r._element.append(element("fldChar", fldCharType=kind))
            elif text.strip() == code:
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = text
                r._element.append(it)
            else:
                r._element.append(_text_el(text))

    def para(
        self,
        text="",
        font=FANGSONG,
        size=None,
        align=None,
        first_indent=None,
        left=None,
        right=None,
        before=None,
        color=None,
        bold=False,
        line=None,
        container=None,
    ):
        p = (container or self.doc).add_paragraph()
        pf = p.paragraph_format
        if align is not None:
            p.alignment = align
        if first_indent is not None:
            pf.first_line_indent = first_indent
        if left is not None:
            pf.left_indent = left
        if right is not None:
            pf.right_indent = right
        if before is not None:
            pf.space_before = before
        if line is not None:
            pf.line_spacing = line
        if text:
            self._run(p, text, font, size or self.size, bold, color)
        return p

    def blank(self, n=1):
        for _ in range(n):
            self.para()

    # ---- GB/T 9704 elements ----
    def org_mark(self, text, below_top=MARK_TOP):
        """发文机关标志: red 小标宋, centred, its top edge `below_top` below the top of the 版心
        (35 mm; 命令格式 20 mm). The exact 46 pt line puts the glyphs' top about 5 pt below the
        line's top."""
        return self.para(
            text, XIAOBIAOSONG, SIZE_MARK, WD_ALIGN_PARAGRAPH.CENTER, before=below_top - Pt(5), color=RED, line=Pt(46)
        )

    def number_line(self, number, signer=None, red_line=True):
        """发文字号 (and 签发人 for 上行文) 下空二行 below the mark, then the red line 4 mm below."""
        self.blank(2)
        if signer:
            # 居左空一字 by a tab, not an indent: the red line under it spans the paragraph
            p = self.para()
            tabs = p.paragraph_format.tab_stops
            tabs.add_tab_stop(CHAR)
            tabs.add_tab_stop(TEXT_W - CHAR, alignment=WD_TAB_ALIGNMENT.RIGHT)  # right-aligned tab, 居右空一字
            self._run(p, f"\t{number}\t签发人：", FANGSONG, SIZE_3)
            self._run(p, signer, KAITI, SIZE_3)
        else:
            p = self.para(number, align=WD_ALIGN_PARAGRAPH.CENTER)
        if red_line:
            # 4 mm below the characters (the 28.95 pt line ends 3 mm under them, then 3 pt), as
            # wide as the 版心; 0.75 pt (sz is in eighths of a point)
            _paragraph_border(p, {"bottom": dict(val="single", sz=6, space=3, color="FF0000")})
        return p

    def letter_head(self, mark):
        """信函格式: the mark 30 mm from the top edge of the page and, 4 mm under it, a red
        double line (thick over thin), 170 mm long, in the first page's header; the second
        double line (thin over thick) 20 mm above the bottom edge in the first page's footer,
        which has no page number. Each double line is two single borders (a compound border
        style is drawn one way up by one program and the other way by another)."""
        s = self.section
        s.different_first_page_header_footer = True
        s.header_distance = Mm(30) - Mm(0.3)
        wide = {"left": -Mm(7), "right": -Mm(7)}  # 170 mm: 7 mm past each side of the 版心
        head = s.first_page_header
        p = head.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.line_spacing = Pt(46)
        self._run(p, mark, XIAOBIAOSONG, SIZE_MARK, color=RED)
        _rule_pair(head, p, wide, upper=12, lower=6, space=2)
        foot = s.first_page_footer
        f = foot.paragraphs[0]
        f.paragraph_format.line_spacing = Pt(1)
        _rule_pair(foot, f, wide, upper=6, lower=12, space=0)
        # The same footer distance for every page: the page numbers of pages 2, 3 … are
        # lifted back to their place (7 mm under the 版心) by space after them.
        s.footer_distance = LETTER_FOOT
        for footer in (s.footer, s.even_page_footer):
            footer.paragraphs[0].paragraph_format.space_after = PAGE_NUMBER_FOOT - LETTER_FOOT

    def title(self, text, blank_before=2):
        """标题: 2号小标宋, centred, two lines below the red line."""
        self.blank(blank_before)
        return self.para(text, XIAOBIAOSONG, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, line=TITLE_LINE)

    def heading(self, level, text):
        font = {1: HEITI, 2: KAITI, 3: FANGSONG}[level]
        return self.para(text, font, SIZE_3, first_indent=2 * CHAR)

    def body(self, text):
        p = self.para(text, first_indent=2 * self.char)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        return p

    def attachments(self, names):
        """附件说明: 正文下空一行左空二字 "附件：", numbered when more than one; a long name
        wraps to the first character of the name (hanging indent, a tab stop at the name)."""
        self.blank(1)
        numbered = len(names) > 1
        num_w = max((text_width(f"{i}.") for i in range(1, len(names) + 1)), default=0) if numbered else 0
        name_at = Pt(CHAR.pt * (2 + 3 + num_w))
        for i, name in enumerate(names, start=1):
            label_at = 2 if i == 1 else 5  # "附件：" starts 2 字 in; later numbers under the first
            p = self.para(left=name_at, first_indent=-(name_at - Pt(CHAR.pt * label_at)))
            if numbered:
                p.paragraph_format.tab_stops.add_tab_stop(name_at)
            text = ("附件：" if i == 1 else "") + (f"{i}.\t" if numbered else "") + name
            self._run(p, text, FANGSONG, SIZE_3)

    def attendance(self, rows):
        """纪要: 出席、请假、列席, each 左空二字, the label in 黑体, names in 仿宋 wrapping to the
        first name (hanging indent after the colon)."""
        self.blank(1)
        for label, names in rows:
            lead = text_width(label) + 1  # the label and its full-width colon
            p = self.para(left=Pt(CHAR.pt * (2 + lead)), first_indent=-Pt(CHAR.pt * lead))
            self._run(p, f"{label}：", HEITI, SIZE_3)
            self._run(p, names, FANGSONG, SIZE_3)

    def signature_block(self, signature, date, blank_before=2, seal=True):
        """加盖印章的公文: 成文日期右空四字, 署名 centred over the date, the lines above left for
        the seal (印章上距正文一行之内). Without a seal (纪要): the date alone, one line below."""
        self.blank(blank_before)
        if signature:
            shift = (text_width(date) - text_width(signature)) / 2
            self.para(signature, align=WD_ALIGN_PARAGRAPH.RIGHT, right=Pt(self.char.pt * max(0.0, 4 + shift)))
        self.para(date, align=WD_ALIGN_PARAGRAPH.RIGHT, right=4 * self.char)

    def order_signature(self, signature, date):
        """命令格式 (GB/T 9704-2012 7.3.5.3): 正文下空二行右空四字 the 签名章, the 签发人职务 two
        字 to its left; 签名章下空一行右空四字 the date."""
        self.blank(2)
        post, _, name = signature.partition("　")
        p = self.para(align=WD_ALIGN_PARAGRAPH.RIGHT, right=4 * CHAR)
        self._run(p, f"{post}　　{name}" if name else post, FANGSONG, SIZE_3)
        self.blank(1)
        self.para(date, align=WD_ALIGN_PARAGRAPH.RIGHT, right=4 * CHAR)

    def record(self, cc, issuer, issue_date):
        """版记 at the foot of the last page: 抄送 (hanging after its colon, 左右各空一字) and
        印发机关 (左空一字) / 印发日期 (右空一字) in 4号仿宋, between rules as wide as the 版心
        (first and last thick, 0.35 mm; the one between thin, 0.25 mm); the last rule on the
        lower edge of the 版心. A table floated to the bottom of the text area, followed by an
        empty paragraph to anchor it: when the last page has no room left, it moves to a page
        of its own. 信函格式: only 抄送, no rules (issuer None)."""
        rows = ([cc] if cc else []) + ([None] if issuer else [])
        if not rows:
            return None
        t = self.doc.add_table(rows=len(rows), cols=1)
        width = round(TEXT_W.pt * 20)
        tblpr = t._tbl.tblPr
        # Anchored to the page horizontally (28 mm, the 订口), to the text area vertically
        # (its bottom): LibreOffice floats a table as wide as the 版心 only when it is
        # positioned against the page, and otherwise lays it inline after the text.
        pos = element("tblpPr", vertAnchor="margin", horzAnchor="page", tblpX=round(LEFT.pt * 20), tblpYSpec="bottom")
        put(tblpr, pos, TBLPR)
        put(tblpr, element("tblW", w=width, type="dxa"), TBLPR)
        rules = {"top": 8, "bottom": 8, "insideH": 6} if issuer else {}
        edges = {
            e: (dict(val="single", sz=rules[e], space=0, color="000000") if e in rules else dict(val="nil"))
            for e in ("top", "left", "bottom", "right", "insideH", "insideV")
        }
        put(tblpr, borders("tblBorders", edges), TBLPR)
        put(tblpr, element("tblLayout", type="fixed"), TBLPR)
        put(tblpr, borders("tblCellMar", {"left": dict(w=0, type="dxa"), "right": dict(w=0, type="dxa")}), TBLPR)
        t._tbl.tblGrid.gridCol_lst[0].set(qn("w:w"), str(width))
        for i, cc_text in enumerate(rows):
            cell = t.rows[i].cells[0]
            _cell_width(cell, width)
            p = cell.paragraphs[0]
            p.paragraph_format.line_spacing = Pt(24)
            if cc_text is not None:
                label = cc_text.split("：", 1)[0] + "：" if "：" in cc_text else ""
                lead = text_width(label)
                p.paragraph_format.left_indent = Pt(CHAR4.pt * (1 + lead))
                p.paragraph_format.first_line_indent = -Pt(CHAR4.pt * lead)
                p.paragraph_format.right_indent = CHAR4
                self._run(p, cc_text, FANGSONG, SIZE_4)
            else:
                p.paragraph_format.left_indent = CHAR4
                p.paragraph_format.tab_stops.add_tab_stop(TEXT_W - CHAR4, alignment=WD_TAB_ALIGNMENT.RIGHT)
                self._run(p, f"{issuer}\t{issue_date}印发", FANGSONG, SIZE_4)
        self.para(line=Pt(1))  # the anchor of the floating table
        return t

    def save(self, path: Path | None = None) -> bytes:
        buf = BytesIO()
        self.doc.save(buf)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(buf.getvalue())
        return buf.getvalue()


def _text_el(text):
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    return t


def _paragraph_border(p, edges):
    put(_ppr(p), borders("pBdr", edges, PBDR), PPR)


def _rule_pair(container, p, indents, upper: int, lower: int, space: int):
    """Two red rules 170 mm long (`upper` and `lower` thick, in eighths of a point), 2 pt
    apart: the bottom border of `p`, then that of a 2 pt empty paragraph after it."""
    for para in (p, container.add_paragraph()):
        para.paragraph_format.left_indent = indents["left"]
        para.paragraph_format.right_indent = indents["right"]
    q = container.paragraphs[-1]
    q.paragraph_format.line_spacing = Pt(2)
    _paragraph_border(p, {"bottom": dict(val="single", sz=upper, space=space, color="FF0000")})
    _paragraph_border(q, {"bottom": dict(val="single", sz=lower, space=0, color="FF0000")})


def _cell_width(cell, twips: int):
    put(cell._tc.get_or_add_tcPr(), element("tcW", w=twips, type="dxa"), TCPR)


def _grid_table(g: GongwenDocument, rows: int, widths: list[float], container=None):
    """A fixed-layout table across the text area, columns in proportion to `widths`, every
    border a 0.5 pt line; returns the table and the column widths in twips."""
    total = round(g.text_width.pt * 20)
    twips = [round(total * w / sum(widths)) for w in widths]
    twips[-1] = total - sum(twips[:-1])
    t = g.doc.add_table(rows=rows, cols=len(widths))
    tblpr = t._tbl.tblPr
    put(tblpr, element("tblW", w=total, type="dxa"), TBLPR)
    put(tblpr, element("jc", val="center"), TBLPR)
    edges = {
        e: dict(val="single", sz=4, space=0, color="000000")
        for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    }
    put(tblpr, borders("tblBorders", edges), TBLPR)
    put(tblpr, element("tblLayout", type="fixed"), TBLPR)
    margins = {"left": dict(w=85, type="dxa"), "right": dict(w=85, type="dxa")}  # 1.5 mm
    put(tblpr, borders("tblCellMar", margins), TBLPR)
    for col, w in zip(t._tbl.tblGrid.gridCol_lst, twips, strict=True):
        col.set(qn("w:w"), str(w))
    for row in t.rows:
        for cell, w in zip(row.cells, twips, strict=True):
            _cell_width(cell, w)
            _v_center(cell)
            cell.paragraphs[0].paragraph_format.line_spacing = CELL_LINE
    return t, twips


def _row_props(row, height_pt: float | None = None, header: bool = False):
    """A row that does not split across pages, at least `height_pt` high; header rows repeat
    on every page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(element("cantSplit"))
    if height_pt:
        trpr.append(element("trHeight", val=round(height_pt * 20), hRule="atLeast"))
    if header:
        trpr.append(element("tblHeader"))


def _v_center(cell):
    put(cell._tc.get_or_add_tcPr(), element("vAlign", val="center"), TCPR)


# ---- builders ------------------------------------------------------------------------


def build_document(dt: DocType, which: str) -> GongwenDocument:
    d: Document = dt.example if which == "example" else dt.skeleton
    g = GongwenDocument()
    fmt = dt.format
    if fmt == "信函格式":
        g.letter_head(d.org_mark)
        if d.number:  # 发文字号顶格居版心右边缘 (7/8 of a 3号 character under the double line)
            g.para(d.number, align=WD_ALIGN_PARAGRAPH.RIGHT)
        g.title(d.title, blank_before=2)
    elif fmt == "命令格式":
        g.org_mark(d.org_mark, below_top=Mm(20))
        if d.number:
            g.blank(2)
            g.para(d.number, align=WD_ALIGN_PARAGRAPH.CENTER)
        g.blank(2)  # 令号下空二行编排正文
    elif d.org_mark:
        g.org_mark(d.org_mark)
        if d.number:
            g.number_line(d.number, d.signer)
        g.title(d.title)
    else:  # 公告、决议、公报: no 版头; the number or 通过日期 goes under the title
        g.para(d.title, XIAOBIAOSONG, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, line=TITLE_LINE)
        if d.number:
            g.para(d.number, KAITI, SIZE_3, WD_ALIGN_PARAGRAPH.CENTER)
        g.blank(1)
    if d.to:
        g.blank(1)
        g.para(d.to)
    for block in d.body:
        if isinstance(block, str):
            g.body(block)
        else:
            ((level, text),) = block.items()
            g.heading(int(level[1]), text)
    if d.attachments:
        g.attachments(d.attachments)
    if d.attendance:
        g.attendance(d.attendance)
    if fmt == "命令格式" and d.signature and d.date:
        g.order_signature(d.signature, d.date)
    elif d.date:
        seal = fmt != "纪要格式"
        g.signature_block(d.signature, d.date, blank_before=2 if seal else 1, seal=seal)
    if d.note:
        g.para(d.note, first_indent=2 * CHAR)
    if d.cc or d.issuer:
        issuer = None if fmt == "信函格式" else d.issuer
        g.record(d.cc, issuer, d.issue_date or d.date or "")
    return g


def _sheet_widths(form: Form) -> list[float]:
    return form.widths or [2.0, 3.0, 2.0, 3.0]


def _register_widths(form: Form) -> list[float]:
    return form.widths or [max(2.0, text_width(c)) for c in form.columns]


def build_form(form: Form, blank: bool) -> GongwenDocument:
    g = GongwenDocument("form", landscape=form.landscape, page_numbers=form.layout == "letter")
    ft = lambda s, cell=False: form_text(s, blank, cell)  # noqa: E731
    g.para(ft(form.title), XIAOBIAOSONG, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, line=TITLE_LINE)
    if form.number:
        g.para(ft(form.number), align=WD_ALIGN_PARAGRAPH.RIGHT)
    elif form.layout != "letter":
        g.para(line=Pt(12))
    if form.layout == "sheet":
        t, _ = _grid_table(g, len(form.rows), _sheet_widths(form))
        for r, row in enumerate(form.rows):
            tr = t.rows[r]
            _row_props(tr, height_pt=row.lines * CELL_LINE.pt + 6)
            cells = tr.cells
            if len(row.cells) == 2:
                merged = cells[1].merge(cells[3])
                _cell_text(g, cells[0], ft(row.cells[0]), label=True)
                _cell_text(g, merged, ft(row.cells[1], cell=True))
            else:
                for c in range(4):
                    text = row.cells[c] if c < len(row.cells) else ""
                    _cell_text(g, cells[c], ft(text, cell=c % 2 == 1), label=c % 2 == 0)
    elif form.layout == "register":
        rows = [] if blank else form.example_rows
        n_rows = 1 + len(rows) + (form.blank_rows if blank else 2)
        t, _ = _grid_table(g, n_rows, _register_widths(form))
        _row_props(t.rows[0], header=True)
        for c, name in enumerate(form.columns):
            _cell_text(g, t.rows[0].cells[c], name, label=True, size=SIZE_S4)
        for r in range(1, n_rows):
            _row_props(t.rows[r], height_pt=24)
        for r, values in enumerate(rows, start=1):
            for c, v in enumerate(values):
                _cell_text(g, t.rows[r].cells[c], v, size=SIZE_S4)
    else:
        if form.to:
            g.para(ft(form.to))
        for text in form.body:
            g.body(ft(text))
    if form.layout != "letter":
        for text in form.body:
            g.para(ft(text), before=Pt(4))
    if form.signs:
        g.blank(1)
        for text in form.signs:
            g.para(ft(text), first_indent=2 * g.char)
    if form.date:
        # 盖章的: three lines left for the seal over the 署名 and the date (no “（印章）” printed)
        g.signature_block(
            ft(form.signature) if form.signature else None, ft(form.date), blank_before=3 if form.seal else 1
        )
    return g


def _cell_text(g, cell, text, label=False, size=SIZE_4):
    p = cell.paragraphs[0]
    p.paragraph_format.line_spacing = CELL_LINE
    _v_center(cell)
    if label:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        g._run(p, text, HEITI if label else FANGSONG, size)


def write_entry(entry: Entry, out_dir: Path) -> list[Path]:
    """Write the fill-in template and the worked example of one entry into out_dir."""
    blank_name, example_name = docx_names(entry.slug)
    if isinstance(entry.data, DocType):
        docs = {blank_name: build_document(entry.data, "skeleton"), example_name: build_document(entry.data, "example")}
    else:
        docs = {blank_name: build_form(entry.data, blank=True), example_name: build_form(entry.data, blank=False)}
    written = []
    for name, g in docs.items():
        g.save(out_dir / name)
        written.append(out_dir / name)
    return written


def write_all(entries: dict[str, Entry], site_dir: Path) -> list[Path]:
    """All Word files into the built site: templates/docx/ and templates/forms/docx/."""
    out = []
    for entry in entries.values():
        folder = site_dir / "templates" / ("forms/docx" if entry.section == "forms" else "docx")
        out += write_entry(entry, folder)
    return out
