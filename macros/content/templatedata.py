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

from pydantic import BaseModel, ConfigDict, ValidationError

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
    title: str  # 标题
    to: str | None = None  # 主送机关，以全角冒号结尾
    body: list[Block]  # 正文：段落，或 {h1: 一级标题} {h2: 二级标题} {h3: ...}
    attachments: list[str] = []  # 附件说明
    attendance: list[list[str]] = []  # 纪要：[["出席", "张××、李××"], ...]
    signature: str | None = None  # 发文机关署名
    date: str  # 成文日期，如 2026年3月2日
    note: str | None = None  # 附注，如 （此件公开发布）
    cc: str | None = None  # 抄送
    issuer: str | None = None  # 印发机关
    issue_date: str | None = None  # 印发日期（不含“印发”二字）


class DocType(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str  # 文种，如 通知
    direction: str  # 行文方向：下行文 / 上行文 / 平行文 / ……
    summary: str  # 一句话：什么时候用
    example: Document
    skeleton: Document


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
    number: str | None = None  # 编号行，如 {字号}信转〔2026〕[[12]]号
    to: str | None = None  # letter: 称呼
    rows: list[SheetRow] = []  # sheet
    columns: list[str] = []  # register
    example_rows: list[list[str]] = []  # register
    blank_rows: int = 12  # register: 空白行数
    body: list[str] = []  # letter: 段落；sheet/register: 表下说明
    signs: list[str] = []  # letter: 签名栏，每行一项
    signature: str | None = None  # letter: 署名（机关）
    date: str | None = None  # letter: 日期


_FIELD = re.compile(r"\[\[(.*?)\]\]")


def form_text(text: str, blank: bool) -> str:
    """[[值]] → 值 (example) or a fill-in space as wide as the value (blank)."""

    def repl(m: re.Match) -> str:
        if not blank:
            return m.group(1)
        width = max(4, round(sum(1 if ord(c) > 127 else 0.5 for c in m.group(1)) * 2))
        return "_" * width

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
