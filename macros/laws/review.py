"""When a re-import changes the law text, the content that relies on it must be re-read.

The importer compares each law page before and after, records every added, changed or removed
article in data/law_review.yaml with the pages that cite it (from the citation graph),
and prints them. `make check` lists every entry not yet marked `reviewed: true`."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ..core.datafile import read_yaml
from ..core.errors import ContentError, describe_validation_error
from ..core.files import ProjectFiles
from .lawpage import Article, normalise_text

HEADER = """\
# 法律条文变动后待复核的内容（由导入程序 make import-laws 自动追加）。
# 每一项是一条新增、修改或删除的条文，以及引用它的页面。编辑逐页核对这些页面的说法是否还对，
# 改好以后把该项的 reviewed 改成 true（或删掉该项）。make check 会一直列出未复核的项。
"""


class ReviewEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    law: str  # law id
    law_name: str
    article: str  # 第六十二条
    anchor: str  # art-62
    change: str  # 新增 / 修改 / 删除
    date: str
    pages: list[str] = []  # docs-relative pages citing the article
    reviewed: bool = False


@dataclass(frozen=True)
class ArticleChange:
    anchor: str
    number: str
    change: str


def diff_articles(old: list[Article], new: list[tuple[str, str, str]]) -> list[ArticleChange]:
    """old: the page's articles; new: (anchor, number, text) from the source, in order."""
    before = {a.anchor: a for a in old}
    after = {anchor: (number, text) for anchor, number, text in new}
    changes = []
    for anchor, (number, text) in after.items():
        if anchor not in before:
            changes.append(ArticleChange(anchor, number, "新增"))
        elif normalise_text(before[anchor].text) != normalise_text(text):
            changes.append(ArticleChange(anchor, number, "修改"))
    changes += [ArticleChange(a, before[a].number, "删除") for a in before if a not in after]
    return changes


def load_review(path: Path, files: ProjectFiles | None = None) -> list[ReviewEntry]:
    if not path.exists():
        return []
    data = read_yaml(files or ProjectFiles(), path) or {}
    entries = []
    for i, raw in enumerate(data.get("changes") or [], start=1):
        try:
            entries.append(ReviewEntry.model_validate(raw))
        except ValidationError as e:
            raise ContentError(path, f"第 {i} 项：{describe_validation_error(e)}") from None
    return entries


def append_review(entries: list[ReviewEntry], path: Path) -> None:
    all_entries = load_review(path) + entries
    body = yaml.safe_dump({"changes": [e.model_dump() for e in all_entries]}, allow_unicode=True, sort_keys=False)
    path.write_text(HEADER + body, encoding="utf-8")


def today() -> str:
    return _dt.date.today().isoformat()


def pending_problems(path: Path, files: ProjectFiles | None = None) -> list[ContentError]:
    """Every entry not yet reviewed, as a problem for `make check`."""
    out = []
    for e in load_review(path, files):
        if e.reviewed:
            continue
        pages = "、".join(f"docs/{p}" for p in e.pages) or "（暂无页面引用）"
        out.append(
            ContentError(
                path,
                f"{e.law_name}{e.article}已{e.change}（{e.date}），请复核引用它的内容：{pages}；"
                f"复核后把该项的 reviewed 改为 true",
            )
        )
    return out
