"""Source adapter: LawRefBook-style Markdown, the format of the public corpus LawRefBook/Laws
(one file per version, named `信访工作条例(2022-02-25).md`):

    # 信访工作条例                         the rule's full name
    # 副标题                               optional (a part of a split law)
    2022年2月25日 中共中央、国务院发布        the header: adoption, amendments, one a line
    <!-- INFO END -->
    ## 第一章 总则                          编 / 章 / 节 headings, any number of #
    ### 第一节 一般规定
    第一条 为了……                          an article: its number, a space, its first 款
    第二款……                                each following line is the next 款 or 项 （一）

Files are read as obtained (they are never edited); headings lose only their typesetting spaces
(`第一章  总 则` → `第一章 总则`). Anything the adapter cannot place — text before the first
article, no `<!-- INFO END -->`, numbering gaps or repeats — is refused with the file and line."""

from __future__ import annotations

import re
from pathlib import Path

from ...core.errors import ContentError
from ...core.files import ProjectFiles
from . import ARTICLE_NUMBER, SourceLaw, article_from_number, check_numbering, heading_kind, heading_text

INFO_END = "<!-- INFO END -->"
FORMAT = "LawRefBook 格式的 Markdown"
# 第一条 text: the number, then a space (ASCII or ideographic) or the end of the line; a 款 that
# begins by citing an article (第十条规定的……) has no space there and stays a 款
_ARTICLE_LINE = re.compile(rf"^({ARTICLE_NUMBER.pattern})(?:[ \u3000\t]+(.*)|$)")
_COMMENT = re.compile(r"<!--.*?-->")
# the file name: 信访工作条例(2022-02-25).md — the name and the version date
FILE_NAME = re.compile(r"^(?P<name>.+?)(?:\((?P<date>\d{4}-\d{2}-\d{2})\))?\.md$")


def read_lawrefbook(path: Path, shown: str | None = None, files: ProjectFiles | None = None) -> SourceLaw:
    """The law in a LawRefBook Markdown file. `shown`: the file as the editor knows it."""
    where = shown or str(path)
    if not Path(path).is_file():
        raise ContentError(where, "来源文件不存在：请核对法律清单 source.file 写的路径")
    text = (files or ProjectFiles()).text(path)
    lines = text.split("\n")
    if INFO_END not in (ln.strip() for ln in lines):
        raise ContentError(
            where,
            f"不是{FORMAT}：找不到“{INFO_END}”这一行（它隔开文件开头的标题、沿革和正文）。"
            "请使用 LawRefBook/Laws 项目里原样的文件",
        )
    end = next(i for i, ln in enumerate(lines) if ln.strip() == INFO_END)
    head = [(i + 1, ln.strip()) for i, ln in enumerate(lines[:end]) if _COMMENT.sub("", ln).strip()]
    if not head or not head[0][1].startswith("# "):
        raise ContentError(where, f"不是{FORMAT}：第一行应是“# 法规全称”", line=head[0][0] if head else 1)
    name = head[0][1][2:].strip()
    header = [_COMMENT.sub("", ln).strip() for _, ln in head[1:] if not ln.startswith("#")]
    law = SourceLaw(law_id=Path(path).name, name=name, header=header)

    chapter: str | None = None
    section: str | None = None
    current: list[str] | None = None  # the 款 of the article being read
    bodies: list[list[str]] = []
    for lineno, raw in enumerate(lines[end + 1 :], start=end + 2):
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        if line.startswith("#"):
            title = heading_text(line.lstrip("#"))
            kind = heading_kind(title)
            if kind == "节":
                section = title
            elif kind != "编":  # 编 are not in the law model (a split law's parts are reviewed data)
                chapter, section = title, None
            current = None
            continue
        m = _ARTICLE_LINE.match(line)
        if m:
            try:
                art = article_from_number(m.group(1), "", chapter, section, lineno)
            except ValueError:
                raise ContentError(where, f"无法识别的条号“{m.group(1)}”", line=lineno) from None
            current = [m.group(4).strip()] if m.group(4) else []
            law.articles.append(art)
            bodies.append(current)
            continue
        if current is None:
            raise ContentError(
                where,
                f"“{line[:30]}”不属于任何一条：正文里的文字应在某一条之下（以“第一条 ”这样的条号开头）。"
                "这一行如果是标题，应以 # 开头",
                line=lineno,
            )
        current.append(line)
    for art, body in zip(law.articles, bodies, strict=True):
        art.text = "\n".join(body)
        if not art.text:
            raise ContentError(where, f"{art.number}没有条文", line=art.line)
    check_numbering(law, where)
    return law
