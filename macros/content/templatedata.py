"""The 公文 templates and office forms as data: one YAML file per page in
docs/templates/ (公文) and docs/templates/forms/ (表格). The page shows the
example and the skeleton rendered from this data, and the Word files are generated from the
same data, so the page and the .docx can never disagree.

Texts may contain the local settings as placeholders — {镇} {县} {字号} {办公室} — filled
from mkdocs.yml `extra.township` (macros/content/township.py)."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from ..core.datafile import key_lines, raise_all, read_yaml, validation_problems
from ..core.errors import ContentError, ContentProblems
from ..core.files import ProjectFiles
from .township import TownshipSettings

TEMPLATES_DIR = "templates"  # docs-relative; forms in templates/forms/


# ---- 公文 -------------------------------------------------------------------------------

Block = str | dict[Literal["h1", "h2", "h3"], str]


class Document(BaseModel):
    """One 公文 laid out per GB/T 9704-2012: 版头, 主体, 版记."""

    model_config = ConfigDict(extra="forbid")
    org_mark: str | None = None  # 发文机关标志（红色）；公告、决议等无版头的不写
    number: str | None = None  # 发文字号；无版头时为标题下的号、通过日期等
    signer: str | None = None  # 签发人（上行文）
    title: str | None = None  # 标题（命令格式不写：令号下直接是正文）
    to: str | None = None  # 主送机关，以全角冒号结尾
    body: list[Block]  # 正文：段落，或 {h1: 一级标题} {h2: 二级标题} {h3: ...}
    attachments: list[str] = []  # 附件说明
    attendance: list[list[str]] = []  # 纪要：[["出席", "张××、李××"], ...]
    signature: str | None = None  # 发文机关署名；命令格式：签发人职务和姓名，如“县长　×××”
    date: str | None = None  # 成文日期，如 2026年3月2日；题注已写明日期的（决议、公报）不写
    note: str | None = None  # 附注，如 （此件公开发布）
    cc: str | None = None  # 抄送
    issuer: str | None = None  # 印发机关
    issue_date: str | None = None  # 印发日期（不含“印发”二字）

    @model_validator(mode="after")
    def _date_once(self):
        dated_subtitle = bool(self.number and re.search(r"\d{4}年|20××年", self.number))
        if self.date is None and not dated_subtitle:
            raise ValueError("缺少成文日期 date（只有标题下的题注已写明日期的决议、公报才可以不写）")
        if self.date is not None and dated_subtitle and not self.org_mark:
            raise ValueError(f"日期重复：标题下的“{self.number}”已写明日期，请删去 date")
        return self


# GB/T 9704-2012 has three special formats besides the 文件格式 (第10章): 信函格式 (函),
# 命令格式 (令) and 纪要格式 (纪要).
Format = Literal["文件格式", "信函格式", "命令格式", "纪要格式"]


class DocType(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str  # 文种，如 通知
    direction: str  # 行文方向：下行文 / 上行文 / 平行文 / ……
    summary: str  # 一句话：什么时候用
    format: Format = "文件格式"
    example: Document
    skeleton: Document

    @model_validator(mode="after")
    def _format_fits(self):
        for which, d in (("example", self.example), ("skeleton", self.skeleton)):
            if self.format == "信函格式" and (d.issuer or d.issue_date):
                raise ValueError(
                    f"{which}：信函格式的版记不写印发机关和印发日期（GB/T 9704—2012 10.1），请删去 issuer、issue_date"
                )
            if self.format != "文件格式" and not d.org_mark:
                raise ValueError(f"{which}：{self.format}必须有发文机关标志 org_mark")
            if self.format == "命令格式" and d.title:
                raise ValueError(f"{which}：命令格式在令号下空二行直接编排正文，不写标题 title")
            if self.format != "命令格式" and not d.title:
                raise ValueError(f"{which}：缺少标题 title")
        return self


# ---- 表格 -------------------------------------------------------------------------------


class SheetRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cells: list[str]  # 标签、内容交替；两格的行内容跨三列
    lines: int = 1  # 内容栏高度（行）


class Form(BaseModel):
    """An office form. Example values are written as [[值]]: the example shows them, the
    blank form replaces them with an empty space to fill in."""

    model_config = ConfigDict(extra="forbid")
    name: str
    summary: str
    layout: Literal["sheet", "register", "letter"]
    title: str
    number: str | None = None  # 编号行，如 {镇}信转〔[[2026]]〕[[12]]号（年份也写成 [[ ]]，空白表留空）
    widths: list[float] = []  # 各列宽度的比例：sheet 4 列（标签、内容、标签、内容），register 每列一个
    landscape: bool = False  # 横向 A4（列多的登记簿）
    seal: bool = False  # letter：署名处留盖章位置（不印“（印章）”字样）
    to: str | None = None  # letter: 称呼
    rows: list[SheetRow] = []  # sheet
    columns: list[str] = []  # register
    example_rows: list[list[str]] = []  # register
    blank_rows: int = 12  # register: 空白行数
    body: list[str] = []  # letter: 段落；sheet/register: 表下说明
    signs: list[str] = []  # letter: 签名栏，每行一项
    signature: str | None = None  # letter: 署名（机关）
    date: str | None = None  # letter: 日期

    @model_validator(mode="after")
    def _consistent(self):
        want = {"sheet": 4, "register": len(self.columns)}.get(self.layout)
        if self.widths and len(self.widths) != want:
            raise ValueError(f"widths 应有 {want} 个数（每列一个），现在是 {len(self.widths)} 个")
        if any(w <= 0 for w in self.widths):
            raise ValueError("widths 里的每个数都应大于 0")
        for text in filter(None, [self.number, self.title]):
            fixed = _FIXED_YEAR.search(_FIELD.sub("", text))
            if fixed:
                raise ValueError(
                    f"“{text}”里的年份 {fixed.group(0)} 写死了：写成 〔[[{fixed.group(1)}]]〕，空白表才会留空"
                )
        if self.signature and "（印章）" in self.signature:
            raise ValueError(f"署名“{self.signature}”不要写“（印章）”：写 seal: true，表上留出盖章位置")
        return self


_FIELD = re.compile(r"\[\[(.*?)\]\]")
_FIXED_YEAR = re.compile(r"〔(\d{4})〕")
_BOXES = re.compile(r"[☑☐□]")
ZWSP = "\u200b"


def field_width(value: str) -> float:
    """Width of a text in 字 (CJK full width = 1, ASCII half width = 0.5)."""
    return sum(1 if ord(c) > 127 else 0.5 for c in value)


def form_text(text: str, blank: bool, cell: bool = False) -> str:
    """[[值]] → 值 (example). In the blank form: check-box options stay, every box empty
    (☑交办　□转送 → □交办　□转送); a cell whose whole content is one value is left empty
    (cell=True: the cell itself is the space to write in); any other value becomes a fill-in
    line about as wide as the value (at most one line of 28 字), which may break between
    lines like text."""
    if not blank:
        return _FIELD.sub(lambda m: m.group(1), text)

    def repl(m: re.Match) -> str:
        value = m.group(1)
        if _BOXES.search(value):
            return _BOXES.sub("□", value)
        if cell and m.group(0) == text.strip():
            return ""
        n = min(56, max(4, round(field_width(value) * 2)))
        # a zero-width space every 4 underscores: a long fill-in line may break like text
        return ZWSP.join("_" * min(4, n - i) for i in range(0, n, 4))

    return _FIELD.sub(repl, text)


# ---- loading and filling ---------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    slug: str
    section: Literal["templates", "forms"]  # docs/templates/ or docs/templates/forms/
    path: Path
    data: DocType | Form

    @property
    def page(self) -> str:
        """The docs-relative page that shows this entry."""
        return f"templates/forms/{self.slug}.md" if self.section == "forms" else f"templates/{self.slug}.md"


def _fill(value, mapping: dict[str, str], path: Path):
    """Fill {镇}-style placeholders in every string of the (already validated) data."""
    if isinstance(value, str):
        for _, field, _, _ in string.Formatter().parse(value):
            if field is not None and field not in mapping:
                raise ContentError(
                    path, f"不认识的占位符 {{{field}}}：只能用 " + "、".join("{" + k + "}" for k in mapping)
                )
        return value.format_map(mapping)
    if isinstance(value, list):
        return [_fill(v, mapping, path) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, mapping, path) for k, v in value.items()}
    return value


def load_entry(
    path: Path, section: Literal["templates", "forms"], settings: TownshipSettings, files: ProjectFiles | None = None
) -> Entry:
    files = files or ProjectFiles()
    raw = read_yaml(files, path)
    if not isinstance(raw, dict):
        raise ContentError(path, "内容应为“键: 值”的形式")
    raw = _fill(raw, settings.placeholders(), path)
    model = DocType if section == "templates" else Form
    try:
        data = model.model_validate(raw)
    except ValidationError as e:
        raise_all(validation_problems(e, path, key_lines(files.text(path)), ()))
        raise
    return Entry(path.stem, section, path, data)


def load_all(
    settings: TownshipSettings, docs_dir: Path, files: ProjectFiles | None = None
) -> tuple[dict[str, Entry], list[ContentError]]:
    """Every template and form, by slug (the page's file name): the YAML beside each page; and
    the problems of the files that could not be loaded (each file apart: one bad file does not
    take the others with it)."""
    files = files or ProjectFiles()
    entries, problems = {}, []
    folder = docs_dir / TEMPLATES_DIR
    sections: tuple[tuple[Literal["templates", "forms"], Path], ...] = (
        ("templates", folder),
        ("forms", folder / "forms"),
    )
    for section, where in sections:
        for path in sorted(where.glob("*.yaml")):
            try:
                entries[path.stem] = load_entry(path, section, settings, files)
            except ContentError as e:
                problems.append(e)
            except ContentProblems as e:
                problems += e.problems
    return entries, problems


def page_slug(src_uri: str) -> tuple[str, str] | None:
    """docs-relative page path → (section, slug) for a template or form page, else None."""
    m = re.fullmatch(r"templates/(forms/)?([a-z0-9-]+)\.md", src_uri)
    if not m or m.group(2) == "index":
        return None
    return ("forms" if m.group(1) else "templates"), m.group(2)


def docx_names(slug: str) -> tuple[str, str]:
    """(fill-in template, worked example) file names, in a docx/ folder beside the page."""
    return f"{slug}.docx", f"{slug}-example.docx"
