"""The front-matter schema of every content page. A wrong type or an unknown key is a build
error naming the file and the key, so a typo (topic: instead of topics:) never goes unnoticed.

Each part of the site that needs its own front-matter keys declares them here, in one place."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ..core.errors import ContentError, describe_validation_error
from ..core.frontmatter import split_front_matter


class LawPartMeta(BaseModel):
    """One part of a law split over several pages (民法典: one page per 编)."""
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str                  # 第二编 物权
    first: int                 # first and last article number on the part's page
    last: int
    articles: int
    page: str | None = None    # on the law's entry page: the part page, relative to docs/


class LawMeta(BaseModel):
    """Written by the importer on law pages."""
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    short_names: list[str]
    version: str
    adopted: str
    effective: str
    status: str
    source: str
    articles: int                         # of the whole law
    part: LawPartMeta | None = None       # on a part page: which part this page holds
    parts: list[LawPartMeta] = []         # on a split law's entry page: every part, in order


class PageMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # MkDocs / Material keys
    title: str | None = None
    description: str | None = None
    hide: list[str] = []
    search: dict[str, Any] | None = None   # Material: {exclude: true} or {boost: 2}
    # this project's keys
    topics: list[str] = []                  # 主题索引 entries
    law: LawMeta | None = None              # law pages only
    # reception scripts (docs/reception/); the 接待速查 page is built from these
    keywords: list[str] = []                # what villagers say when they come with this problem
    key_articles: list[str] = []            # the main articles, cited plainly: 《土地管理法》第六十二条
    forms: list[str] = []                   # form / template pages to use, relative to docs/
    referrals: list[str] = []               # office ids from data/referrals.yaml


def validate_page_meta(meta: dict, path: Path | str) -> PageMeta:
    try:
        return PageMeta.model_validate(meta)
    except ValidationError as e:
        raise ContentError(path, f"页首信息有误：{describe_validation_error(e)}", line=1) from None


def load_page_meta(path: Path) -> PageMeta:
    meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"), path)
    return validate_page_meta(meta, path)
