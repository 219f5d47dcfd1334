"""The front-matter schema of every content page. A wrong type or an unknown key is a build
error naming the file and the key, so a typo (topic: instead of topics:) never goes unnoticed.

Each part of the site that needs its own front-matter keys declares them here, in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .datafile import raise_all, validation_problems


class LawPartMeta(BaseModel):
    """One part of a law split over several pages (民法典: one page per 编)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: str  # 第二编 物权
    first: int  # first and last article number on the part's page
    last: int
    articles: int
    page: str | None = None  # on the law's entry page: the part page, relative to docs/


# 效力级别: what kind of rule a law-list entry is (shown on its page and in the catalogue)
LAW_LEVELS = (
    "宪法",
    "法律",
    "法律解释",
    "行政法规",
    "监察法规",
    "司法解释",
    "党内法规",
    "部门规章",
    "地方性法规",
    "自治条例和单行条例",
    "地方政府规章",
)
# rules of one region: their entry names the region, and their facts wait for an editor's review
LOCAL_LEVELS = ("地方性法规", "自治条例和单行条例", "地方政府规章")
UNREVIEWED = "未经核对"


class LawFacts(BaseModel):
    """What the law list (data/laws.yaml, reviewed by hand) says of a law, and the importer
    copies onto its page: the same fields in both places."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    short_names: list[str]
    version: str
    adopted: str
    effective: str
    status: str
    level: str = "法律"  # 效力级别, one of LAW_LEVELS
    region: str | None = None  # 地方性法规 …: the province, city or county whose rule it is
    issuer: str | None = None  # 制定机关, where the level does not say it (中共中央、国务院)
    # whether an editor has checked version, dates and status against the published text;
    # a local rule starts unreviewed (its page and the catalogue say 未经核对)
    reviewed: bool = True

    @property
    def status_shown(self) -> str:
        return self.status if self.reviewed else UNREVIEWED

    @property
    def region_shown(self) -> str:
        return self.region or "全国"


class LawMeta(LawFacts):
    """Written by the importer on law pages: the law list's facts, the source and the counts."""

    source: str
    articles: int  # of the whole law
    part: LawPartMeta | None = None  # on a part page: which part this page holds
    parts: list[LawPartMeta] = []  # on a split law's entry page: every part, in order


class PageMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # MkDocs / Material keys
    title: str | None = None
    description: str | None = None
    hide: list[str] = []
    search: dict[str, Any] | None = None  # Material: {exclude: true} or {boost: 2}
    # this project's keys
    topics: list[str] = []  # 主题索引 entries
    aliases: list[str] = []  # the names people use for this page (上访登记本): search finds it by them
    law: LawMeta | None = None  # law pages only
    # reception scripts (docs/reception/); the 接待速查 page is built from these
    keywords: list[str] = []  # what villagers say when they come with this problem
    key_articles: list[str] = []  # the main articles, cited plainly: 《土地管理法》第六十二条
    forms: list[str] = []  # form / template pages to use, relative to docs/
    referrals: list[str] = []  # office ids from data/referrals.yaml


def validate_page_meta(meta: dict, path: Path | str, lines: dict[tuple, int] | None = None) -> PageMeta:
    """The page's front matter checked against the schema; every wrong field is a problem at
    its own line (ContentProblems when there are several)."""
    try:
        return PageMeta.model_validate(meta)
    except ValidationError as e:
        raise_all(validation_problems(e, path, lines or {}, (), prefix="页首信息有误："))
        raise
