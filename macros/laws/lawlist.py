"""The project's law list (data/laws.yaml): which laws the site carries and their
reviewed metadata. Plain Python, no mkdocs import, so the importer and the build share it."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator

from ..core.datafile import read_entries
from ..core.errors import ContentError
from ..core.files import ProjectFiles
from ..core.pagemeta import LawFacts

_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")


def _check_slug(v: str) -> str:
    if not _SLUG.match(v):
        raise ValueError("id 只能用小写字母、数字和连字符，并以字母开头（它是页面网址的一部分）")
    return v


# a page slug: part of the page's address, so never changed once published
Slug = Annotated[str, AfterValidator(_check_slug)]


class LawPart(BaseModel):
    """One page of a law split into parts (民法典: one page per 编). The database has chapters
    and sections but no 编, so the parts and their boundaries are reviewed metadata."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug  # page slug inside the law's folder, e.g. property
    name: str  # as the code names it: 第二编 物权
    first: int  # number of the part's first article; it runs to the next part
    # the importer checks that every part starts where the source restarts its chapter numbering
    # (第一章 again); false where the source has no such mark (民法典 附则 has no chapters)
    boundary_in_source: bool = True
    note: str | None = None  # shown on the part's page


class LawEntry(LawFacts):
    id: Slug
    history: list[str] = []
    note: str | None = None
    parts: list[LawPart] = []  # empty: the whole law on one page
    # for an amendment decision: the id of the law it amends (its items use that law's old
    # article numbers; macros/amendment.py derives the old -> new numbering from them)
    amends: str | None = None

    @field_validator("adopted", "effective")
    @classmethod
    def _date(cls, v: str) -> str:
        try:
            _dt.date.fromisoformat(v)
        except ValueError:
            raise ValueError(f"日期“{v}”不是 YYYY-MM-DD 格式") from None
        return v

    @field_validator("parts")
    @classmethod
    def _parts_in_order(cls, v: list[LawPart]) -> list[LawPart]:
        firsts = [p.first for p in v]
        if firsts != sorted(set(firsts)):
            raise ValueError("各部分的 first（起始条号）必须从小到大排列且不重复")
        ids = [p.id for p in v]
        if len(set(ids)) != len(ids):
            raise ValueError("各部分的 id 不能重复")
        if "index" in ids:
            raise ValueError("部分的 id 不能是 index（那是全法目录页）")
        return v

    @property
    def page(self) -> str:
        """Path of the law's page (for a split law, its entry page), relative to docs/."""
        return f"laws/{self.id}/index.md" if self.parts else f"laws/{self.id}.md"

    @property
    def name_short(self) -> str:
        """The name used in page titles of a split law: the first short name (民法典)."""
        return self.short_names[0] if self.short_names else self.name

    def part_page(self, part: LawPart) -> str:
        """Path of one part's page, relative to docs/."""
        return f"laws/{self.id}/{part.id}.md"

    @property
    def article_pages(self) -> list[str]:
        """The pages that hold the law's articles, in article order."""
        return [self.part_page(p) for p in self.parts] if self.parts else [self.page]


def load_law_list(path: Path, files: ProjectFiles | None = None) -> list[LawEntry]:
    """Read and validate the law list; problems raise ContentError(s) naming file and entry."""
    entries: list[LawEntry] = []
    seen: dict[str, str] = {}
    for where, entry in read_entries(files or ProjectFiles(), path, "laws", LawEntry):
        for key in (entry.id, entry.name):
            if key in seen:
                raise ContentError(path, f"{where}：“{key}”与{seen[key]}重复")
            seen[key] = where
        entries.append(entry)
    return entries
