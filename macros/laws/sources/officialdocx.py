"""Source adapter: the Word (.docx) download of 国家法律法规数据库 (flk.npc.gov.cn), what an office
administrator can get on an internet PC and carry in. Read with python-docx.

The official files are laid out as the printed law is (their names carry the version date:
中华人民共和国村民委员会组织法_20181229.docx):

    中华人民共和国村民委员会组织法                   title
    （1998年11月4日……通过　2010年10月28日……修订……）   the adoption and amendments, in brackets
    目　　录                                        a table of contents: the chapter headings,
    第一章　总　　则                                  written exactly as in the body
    ……
    第一章　总　　则                                  the body: 编 / 章 / 节 headings,
    第一条　为了……                                   each article a paragraph that starts with its
    村民委员会……（段首空两格）                      number and an ideographic space; each 款 and
    （一）……                                         项 a paragraph of its own

The body starts at the headings just before the first article (the table of contents repeats
them); headings lose their typesetting spaces (第一章 总则). A file that is not a Word file, or a
Word file that holds no numbered articles, is refused with a Chinese sentence naming it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ...core.errors import ContentError
from . import ARTICLE_NUMBER, SourceLaw, article_from_number, check_numbering, heading_kind, heading_text

FORMAT = "国家法律法规数据库的 Word 文件（.docx）"
_ARTICLE = re.compile(rf"^({ARTICLE_NUMBER.pattern})(?:[ \u3000\t]+(.*)|$)")
# stray ASCII spaces between Chinese characters, left by the conversion to Word; the
# ideographic spaces of the layout (第一章　总　　则) are handled by heading_text
_STRAY_SPACE = re.compile(
    r"(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef0-9])[ \t]+(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef0-9])"
)


def _paragraphs(path: Path, where: str) -> list[str]:
    try:
        import docx  # python-docx, a site requirement (the Word templates are made with it)
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is in requirements.txt
        raise ContentError(where, "读取 Word 文件需要 python-docx：请运行 make install") from None
    if not Path(path).is_file():
        raise ContentError(where, "来源文件不存在：请核对法律清单 source.file 写的路径")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ContentError(
            where,
            f"不是{FORMAT}：文件打不开（可能是 .doc、PDF 或改了扩展名的其他文件）。"
            "请从国家法律法规数据库重新下载 Word 格式，不要另存或改名",
        ) from None
    out = []
    for p in document.paragraphs:
        text = _STRAY_SPACE.sub("", p.text.replace("\xa0", " ")).strip()
        if text:
            out.append(text)
    return out


def read_official_docx(path: Path, shown: str | None = None) -> SourceLaw:
    """The law in an official .docx download. `shown`: the file as the editor knows it."""
    where = shown or str(path)
    paras = _paragraphs(path, where)
    first = next((i for i, t in enumerate(paras) if _ARTICLE.match(t)), None)
    if first is None or not paras:
        raise ContentError(
            where,
            f"没有找到任何条文：这个 Word 文件不像是{FORMAT}（法律的每一条应是以“第一条　”这样的条号开头的一段）",
        )
    start = first
    while start > 0 and heading_kind(paras[start - 1]) is not None:
        start -= 1  # the headings just above the first article belong to the body
    name = paras[0]
    if _ARTICLE.match(name) or heading_kind(name):
        raise ContentError(where, f"不是{FORMAT}：第一段应是法律的名称，却是“{name[:30]}”")
    front = paras[1:start]
    toc = next((i for i, t in enumerate(front) if re.sub(r"\s+", "", t) == "目录"), None)
    header = front if toc is None else front[:toc]
    law = SourceLaw(law_id=Path(path).name, name=name, header=[h.strip("（）()") for h in header])

    chapter: str | None = None
    section: str | None = None
    bodies: list[list[str]] = []
    for k, text in enumerate(paras[start:], start=start + 1):
        kind = heading_kind(text)
        if kind is not None and not _ARTICLE.match(text):
            title = heading_text(text)
            if kind == "节":
                section = title
            elif kind == "章":
                chapter, section = title, None
            continue
        if re.sub(r"\s+", "", text) == "附则" and bodies:  # an unnumbered 附则 heading (民法典)
            chapter, section = "附则", None
            continue
        m = _ARTICLE.match(text)
        if m:
            try:
                art = article_from_number(m.group(1), "", chapter, section, k)
            except ValueError:
                raise ContentError(where, f"第 {k} 段：无法识别的条号“{m.group(1)}”") from None
            art.line = None  # a Word file has paragraphs, not lines; messages name the article
            law.articles.append(art)
            bodies.append([m.group(4).strip()] if m.group(4) else [])
            continue
        bodies[-1].append(text)
    for art, body in zip(law.articles, bodies, strict=True):
        art.text = "\n".join(body)
        if not art.text:
            raise ContentError(where, f"{art.number}没有条文")
    check_numbering(law, where)
    return law
