"""Which adapter reads a law-list entry's text, and the comparison of two sources of one law.

    reader = SourceReader(paths, files)        # the database is opened only if an entry needs it
    law = reader.law(entry)                    # SourceLaw from the entry's `source`
    differences(law, reader.file(entry.compare_with[0], entry.name))

Every source is checked on the way in: the name in the file must be the entry's name (a file
put under the wrong entry is refused), and a file's articles must run without gaps or repeats."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ...core.errors import ContentError
from ...core.files import ProjectFiles
from ...core.paths import ProjectPaths
from ..lawlist import LawEntry, SourceFile
from . import SourceArticle, SourceLaw
from .database import USER_NOTE, open_database, read_law
from .lawrefbook import read_lawrefbook
from .officialdocx import read_official_docx

_PRC = "中华人民共和国"


def _same_name(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\s+", "", s).replace("〈", "《").replace("〉", "》")

    return key(a).removeprefix(_PRC) == key(b).removeprefix(_PRC)


def user_note(spec: SourceFile | None) -> str:
    """Where the text comes from, in words for the page's reader (the info box)."""
    if spec is None:
        return USER_NOTE
    done = "本站导入程序按原文导入，未作改动"
    if spec.repository:
        return f"公开法规汇编 {spec.repository} 所载的文本，{done}"
    site = "国家法律法规数据库（flk.npc.gov.cn）" if "flk.npc.gov.cn" in (spec.page or "") else spec.page
    what = "Word 文本" if spec.kind == "docx" else "文本"
    return f"{spec.downloaded} 从{site}下载的{what}，{done}"


class SourceReader:
    def __init__(self, paths: ProjectPaths, files: ProjectFiles | None = None, db_path: Path | None = None):
        self.paths, self.files, self.db_path = paths, files or ProjectFiles(), db_path
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = open_database(self.db_path)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    def file(self, spec: SourceFile, name: str) -> SourceLaw:
        """The law in a source file, checked to be the law `name`."""
        path = self.paths.root / spec.file
        if spec.kind == "docx":
            law = read_official_docx(path, spec.file)
        else:
            law = read_lawrefbook(path, spec.file, self.files)
        if not _same_name(law.name, name):
            raise ContentError(
                spec.file,
                f"文件里的法规名称是“{law.name}”，与法律清单的“{name}”不一致：是不是放错了文件？"
                "法律清单的 name 应与来源文件的标题一字不差",
            )
        law.source = spec.described()
        law.source_note = user_note(spec)
        return law

    def law(self, entry: LawEntry) -> SourceLaw:
        """The entry's text from its source."""
        if entry.source is None:
            return read_law(self.conn, entry.name)
        return self.file(entry.source, entry.name)


# ---- two sources of one law ------------------------------------------------------------------

# quote marks and whitespace are typesetting, not text: “” "" 「」 ‘’ '' and any kind of space
_QUOTES = str.maketrans({'"': "“", "「": "“", "」": "”", "'": "‘", "『": "‘", "』": "’", "＂": "“"})


def comparable(text: str) -> str:
    """Text with only quote-mark and whitespace style removed. Straight quotes open and close
    alike, so every quote mark becomes one of two: double and single."""
    text = re.sub(r"\s+", "", text).translate(_QUOTES)
    return text.replace("”", "“").replace("’", "‘")


def _first_difference(a: str, b: str) -> str:
    a, b = comparable(a), comparable(b)
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(0, i - 8)
    return f"“…{a[start : i + 12]}…” 对 “…{b[start : i + 12]}…”"


def differences(
    first: SourceLaw, second: SourceLaw, first_name: str = "来源一", second_name: str = "来源二"
) -> list[str]:
    """Every difference between two sources of one law, article by article, in Chinese lines:
    articles only one has, and articles whose text differs beyond quote marks and whitespace;
    chapter and section headings too (an article filed under another chapter)."""
    out = []
    a = {x.anchor: x for x in first.articles}
    b = {x.anchor: x for x in second.articles}
    for anchor, art in a.items():
        if anchor not in b:
            out.append(f"{art.number}：{first_name}有，{second_name}没有")
    for anchor, art in b.items():
        if anchor not in a:
            out.append(f"{art.number}：{second_name}有，{first_name}没有")
    for anchor in (k for k in a if k in b):
        x, y = a[anchor], b[anchor]
        if comparable(x.text) != comparable(y.text):
            out.append(f"{x.number}：条文不同，{_first_difference(x.text, y.text)}（{first_name}对{second_name}）")
        elif _paragraphs(x) != _paragraphs(y):
            out.append(f"{x.number}：分款不同（{first_name} {_paragraphs(x)} 款，{second_name} {_paragraphs(y)} 款）")
        for what, p, q in (("章", x.chapter, y.chapter), ("节", x.section, y.section)):
            if comparable(p or "") != comparable(q or ""):
                out.append(f"{x.number}：所在的{what}不同（{first_name}“{p or '无'}”，{second_name}“{q or '无'}”）")
    return out


def _paragraphs(a: SourceArticle) -> int:
    return len([p for p in a.text.split("\n") if p.strip()])
