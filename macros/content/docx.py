"""Word files in the national 公文 format (GB/T 9704-2012), made with python-docx from the
same data as the template pages (macros/templatedata.py).

Page: A4 210 mm × 297 mm; 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm, so the right margin is
26 mm and the bottom margin 35 mm. 22 lines of 28 characters: a document grid with a line pitch
of 225 mm / 22 and a character pitch of 156 mm / 28. Type: 3号 (16 pt) 仿宋_GB2312 body, 2号
(22 pt) 方正小标宋简体 title, 3号 黑体 / 楷体_GB2312 headings, 4号 (14 pt) 宋体 page numbers
"— 1 —" on the outer side (odd pages right, even pages left, one character in)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .templatedata import DocType, Entry, Form, docx_names, form_text

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"

SIZE_2 = Pt(22)  # 2号
SIZE_3 = Pt(16)  # 3号
SIZE_4 = Pt(14)  # 4号
RED = RGBColor(0xFF, 0x00, 0x00)

PAGE_W, PAGE_H = Mm(210), Mm(297)
TOP, LEFT = Mm(37), Mm(28)
TEXT_W, TEXT_H = Mm(156), Mm(225)
LINES, CHARS = 22, 28
LINE_PITCH = Pt(28.95)  # exact line spacing; 22 × 28.95 pt fits the 225 mm (637.8 pt) 版心
CHAR = SIZE_3  # 一字 = the width of one 3号 character


def set_run_font(run, name: str, size, bold: bool = False, color: RGBColor | None = None):
    """Set every script's font: python-docx's font.name sets only ascii/hAnsi, and Word and
    WPS take Chinese text from w:eastAsia."""
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _style_fonts(style, name: str, size):
    style.font.name = name
    style.font.size = size
    fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def text_width(text: str) -> float:
    """Width in 字 (CJK full width = 1, ASCII half width = 0.5)."""
    return sum(0.5 if ord(c) < 128 else 1 for c in text)


class GongwenDocument:
    """A python-docx Document set up for GB/T 9704-2012, with helpers for its elements."""

    def __init__(self):
        self.doc = new_document()
        self._setup_page()
        self._setup_styles()
        self._setup_page_numbers()

    def _setup_page(self):
        s = self.doc.sections[0]
        s.page_width, s.page_height = PAGE_W, PAGE_H
        s.top_margin, s.left_margin = TOP, LEFT
        s.right_margin = Mm(210 - 28 - 156)  # 26 mm
        s.bottom_margin = Mm(297 - 37 - 225)  # 35 mm
        s.header_distance = Mm(15)
        # Page number line about 7 mm below the 版心 (35 mm − 7 mm − one 4号 line ≈ 23 mm).
        s.footer_distance = Mm(23)
        sect = s._sectPr
        grid = sect.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            sect.append(grid)
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:linePitch"), str(round(TEXT_H.pt * 20 / LINES)))  # twips
        # charSpace: 1/4096 pt added to the 3号 default character width to fit 28 per line.
        grid.set(qn("w:charSpace"), str(round((TEXT_W.pt / CHARS - SIZE_3.pt) * 4096)))

    def _setup_styles(self):
        normal = self.doc.styles["Normal"]
        _style_fonts(normal, FANGSONG, SIZE_3)
        pf = normal.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = LINE_PITCH
        pf.space_before = pf.space_after = Pt(0)
        pf.widow_control = False
        self.doc.core_properties.language = "zh-CN"

    def _setup_page_numbers(self):
        self.doc.settings.odd_and_even_pages_header_footer = True
        s = self.doc.sections[0]
        for footer, align in ((s.footer, WD_ALIGN_PARAGRAPH.RIGHT), (s.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            p.alignment = align
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
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), kind)
                r._element.append(fc)
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
        size=SIZE_3,
        align=None,
        first_indent=None,
        left=None,
        right=None,
        before=None,
        color=None,
        bold=False,
        line=None,
    ):
        p = self.doc.add_paragraph()
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
            self._run(p, text, font, size, bold, color)
        return p

    def blank(self, n=1):
        for _ in range(n):
            self.para()

    # ---- GB/T 9704 elements ----
    def org_mark(self, text):
        """发文机关标志: red 小标宋, centred, top edge 35 mm below the top of the 版心."""
        return self.para(
            text, XIAOBIAOSONG, Pt(36), WD_ALIGN_PARAGRAPH.CENTER, before=Mm(35) - Pt(8), color=RED, line=Pt(46)
        )

    def number_line(self, number, signer=None):
        """发文字号 (and 签发人 for 上行文) two lines below the mark, then the red line 4 mm below."""
        self.blank(1)
        if signer:
            p = self.para(number, left=CHAR)
            tabs = p.paragraph_format.tab_stops
            tabs.add_tab_stop(TEXT_W - CHAR, alignment=WD_TAB_ALIGNMENT.RIGHT)  # right-aligned tab, 居右空一字
            self._run(p, "\t签发人：", FANGSONG, SIZE_3)
            self._run(p, signer, KAITI, SIZE_3)
        else:
            p = self.para(number, align=WD_ALIGN_PARAGRAPH.CENTER)
        _bottom_border(p, "FF0000", size=8, space=11)  # 11 pt ≈ 4 mm, width of the 版心
        return p

    def title(self, text):
        """标题: 2号小标宋, centred, two lines below the red line."""
        self.blank(2)
        return self.para(text, XIAOBIAOSONG, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, line=Pt(35))

    def heading(self, level, text):
        font = {1: HEITI, 2: KAITI, 3: FANGSONG}[level]
        return self.para(text, font, SIZE_3, first_indent=2 * CHAR)

    def body(self, text):
        return self.para(text, first_indent=2 * CHAR)

    def signature_block(self, signature, date):
        """成文日期右空四字; 署名 centred over the date (加盖印章的公文)."""
        self.blank(2)
        if signature:
            shift = (text_width(date) - text_width(signature)) / 2
            self.para(signature, align=WD_ALIGN_PARAGRAPH.RIGHT, right=Pt(CHAR.pt * max(0.0, 4 + shift)))
        self.para(date, align=WD_ALIGN_PARAGRAPH.RIGHT, right=4 * CHAR)

    def record(self, cc, issuer, issue_date):
        """版记 at the foot of the last page: 抄送 and 印发机关/印发日期 in 4号仿宋 between
        full-width rules (first and last thick, the one between thin)."""
        rows = ([cc] if cc else []) + [None]
        t = self.doc.add_table(rows=len(rows), cols=1)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        _float_to_page_bottom(t)
        for i, cc_text in enumerate(rows):
            cell = t.rows[i].cells[0]
            p = cell.paragraphs[0]
            if cc_text is not None:
                p.paragraph_format.left_indent = Pt(14)
                p.paragraph_format.right_indent = Pt(14)
                self._run(p, cc_text, FANGSONG, SIZE_4)
            else:
                p.paragraph_format.left_indent = Pt(14)
                p.paragraph_format.tab_stops.add_tab_stop(TEXT_W - Pt(14), alignment=WD_TAB_ALIGNMENT.RIGHT)
                self._run(p, f"{issuer}\t{issue_date}印发", FANGSONG, SIZE_4)
        _table_rules(t, thick=8, thin=6)
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


def _bottom_border(p, color, size, space):
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(size)), ("w:space", str(space)), ("w:color", color)):
        b.set(qn(k), v)
    bdr.append(b)
    ppr.append(bdr)


def _float_to_page_bottom(table):
    """Anchor the table to the bottom of the text area (版记 ends on the 版心's lower edge)."""
    tpr = table._tbl.tblPr
    pos = OxmlElement("w:tblpPr")
    for k, v in (
        ("w:vertAnchor", "margin"),
        ("w:horzAnchor", "margin"),
        ("w:tblpYSpec", "bottom"),
        ("w:tblpXSpec", "center"),
    ):
        pos.set(qn(k), v)
    tpr.append(pos)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(round(TEXT_W.pt * 20)))
    width.set(qn("w:type"), "dxa")
    tpr.append(width)


def _table_rules(table, thick, thin):
    tpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge, sz in (("top", thick), ("bottom", thick), ("insideH", thin), ("left", 0), ("right", 0), ("insideV", 0)):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "single" if sz else "nil")
        if sz:
            e.set(qn("w:sz"), str(sz))
            e.set(qn("w:color"), "000000")
        borders.append(e)
    tpr.append(borders)


def _grid_borders(table):
    tpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "6")
        e.set(qn("w:color"), "000000")
        borders.append(e)
    tpr.append(borders)


# ---- builders ------------------------------------------------------------------------


def build_document(dt: DocType, which: str) -> GongwenDocument:
    d = dt.example if which == "example" else dt.skeleton
    g = GongwenDocument()
    if d.org_mark:
        g.org_mark(d.org_mark)
        if d.number:
            g.number_line(d.number, d.signer)
        g.title(d.title)
    else:  # 公告、决议、公报: no 版头; the number or 通过日期 goes under the title
        g.para(d.title, XIAOBIAOSONG, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, line=Pt(35))
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
        g.blank(1)
        for i, name in enumerate(d.attachments):
            label = "附件：" if i == 0 else "　　　"
            num = f"{i + 1}. " if len(d.attachments) > 1 else ""
            g.para(f"{label}{num}{name}", left=2 * CHAR)
    for label, names in d.attendance:
        p = g.para(left=0)
        g._run(p, f"{label}：", HEITI, SIZE_3)
        g._run(p, names, FANGSONG, SIZE_3)
    g.signature_block(d.signature, d.date)
    if d.note:
        g.para(d.note, first_indent=2 * CHAR)
    if d.issuer:
        g.record(d.cc, d.issuer, d.issue_date or d.date)
    return g


def build_form(form: Form, blank: bool) -> GongwenDocument:
    g = GongwenDocument()
    ft = lambda s: form_text(s, blank)  # noqa: E731
    g.para(ft(form.title), XIAOBIAOSONG, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, line=Pt(35))
    if form.number:
        g.para(ft(form.number), align=WD_ALIGN_PARAGRAPH.RIGHT)
    else:
        g.blank(1)
    if form.layout == "sheet":
        t = g.doc.add_table(rows=len(form.rows), cols=4)
        _grid_borders(t)
        for r, row in enumerate(form.rows):
            cells = t.rows[r].cells
            if len(row.cells) == 2:
                merged = cells[1].merge(cells[3])
                _cell_text(g, cells[0], ft(row.cells[0]), label=True)
                _cell_text(g, merged, ft(row.cells[1]), lines=row.lines)
            else:
                for c in range(4):
                    text = row.cells[c] if c < len(row.cells) else ""
                    _cell_text(g, cells[c], ft(text), label=c % 2 == 0, lines=row.lines)
    elif form.layout == "register":
        rows = [] if blank else form.example_rows
        t = g.doc.add_table(rows=1 + len(rows) + (form.blank_rows if blank else 2), cols=len(form.columns))
        _grid_borders(t)
        for c, name in enumerate(form.columns):
            _cell_text(g, t.rows[0].cells[c], name, label=True, size=Pt(12))
        for r, values in enumerate(rows, start=1):
            for c, v in enumerate(values):
                _cell_text(g, t.rows[r].cells[c], v, size=Pt(12))
    else:
        if form.to:
            g.para(ft(form.to))
        for text in form.body:
            g.body(ft(text))
    if form.layout != "letter":
        for text in form.body:
            g.para(ft(text), size=SIZE_4, line=Pt(24))
    if form.signs:
        g.blank(1)
        for text in form.signs:
            g.para(ft(text), first_indent=2 * CHAR)
    if form.date:
        g.signature_block(ft(form.signature) if form.signature else None, ft(form.date))
    return g


def _cell_text(g, cell, text, label=False, lines=1, size=SIZE_4):
    p = cell.paragraphs[0]
    p.paragraph_format.line_spacing = Pt(24)
    if label:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        g._run(p, text, HEITI if label else FANGSONG, size)
    for _ in range(max(0, lines - 1)):
        cell.add_paragraph()


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
