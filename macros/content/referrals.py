"""The referral directory (data/referrals.yaml): the township's offices and stations that
reception scripts refer villagers to. Scripts name offices by id in front matter
(`referrals: [agriculture, justice]`); the page shows each office's name, what it handles and the
local phone number. The township's own details (its name, the phone numbers) are local settings
in the township's config file (`extra:`), filled in once (macros/content/township.py).

An unknown id anywhere (a page, the phone list) is a build error naming the file and the id.
Plain Python, no mkdocs import."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from ..core.datafile import key_lines, parse_yaml, read_entries
from ..core.errors import ContentError
from ..core.files import ProjectFiles
from .township import TownshipSettings

_ID = re.compile(r"^[a-z][a-z0-9-]*$")


class Office(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    aka: list[str] = []  # what villagers call it (国土所)
    # what it deals with that the site has no page or article on (低保, 医保, 身份证): a question
    # about one of these gets "not covered here" and this office (lawsearch.js Engine.outside)
    not_covered: list[str] = []
    # what it deals with, one matter per line (before: not_covered, so that the check sees both)
    handles: list[str] = Field(default_factory=list, validate_default=True)
    tips: str | None = None  # what to tell the villager before sending them there

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("id 只能用小写字母、数字和连字符，并以字母开头")
        return v

    @field_validator("handles")
    @classmethod
    def _some(cls, v: list[str], info: ValidationInfo) -> list[str]:
        if not v and not info.data.get("not_covered"):
            raise ValueError("至少写一件这个单位管的事（handles，或本站没有讲的 not_covered）")
        return v

    @property
    def matters(self) -> list[str]:
        """Everything it deals with: what the site covers, then what it does not."""
        return [*self.handles, *self.not_covered]


def load_referrals(path: Path, files: ProjectFiles | None = None) -> dict[str, Office]:
    """Read and validate the directory; id -> office, in file order. No file: no offices."""
    offices: dict[str, Office] = {}
    if not path.exists():
        return offices
    for where, office in read_entries(files or ProjectFiles(), path, "offices", Office):
        if office.id in offices:
            raise ContentError(path, f"{where}：id “{office.id}”与前面的单位重复")
        offices[office.id] = office
    return offices


def check_referral_ids(ids: list[str], offices: dict[str, Office], page: Path | str, line: int | None = None) -> None:
    """Every id a page names must be in the directory (line: of the page's `referrals:`)."""
    for ref in ids:
        if ref not in offices:
            raise ContentError(
                page,
                f"页首 referrals 里的转办去向“{ref}”不在转办目录（data/referrals.yaml）中；"
                f"请改用目录里已有的 id（{'、'.join(offices)}），或先在目录里补上这个单位",
                line=line,
            )


def referral_list(ids: list[str], offices: dict[str, Office], local: TownshipSettings, page: Path | str) -> str:
    """Markdown for a script's 转办去向: one item per office, with local name and phone."""
    check_referral_ids(ids, offices, page)
    out = []
    for ref in ids:
        o = offices[ref]
        name = local.local_name(o.name)
        tips = f"**转过去之前交代**：{o.tips}" if o.tips else ""
        out.append(f"- **{name}**（电话：{local.phone(o.id)}）：{'；'.join(o.matters)}。{tips}")
    return "\n".join(out)


def office_anchor(office_id: str) -> str:
    """The office's anchor on the 转办目录 page (reception/directory.md#office-<id>)."""
    return f"office-{office_id}"


def directory_table(offices: dict[str, Office], local: TownshipSettings) -> str:
    """The whole directory as a table, for the directory page."""
    rows = ["| 单位 | 也叫 | 电话 | 管哪些事 |", "| --- | --- | --- | --- |"]
    for o in offices.values():
        name = local.local_name(o.name)
        handles = "<br>".join(o.matters) + (f"<br>**提醒**：{o.tips}" if o.tips else "")
        # the anchor lets search offer this office when the site has nothing on a question
        anchor = f'<span id="{office_anchor(o.id)}"></span>'
        rows.append(f"| {anchor}{name} | {'、'.join(o.aka) or '—'} | {local.phone(o.id)} | {handles} |")
    return "\n".join(rows)


def phone_notice(offices: dict[str, Office], local: TownshipSettings) -> str:
    """A notice for the staff above the directory while any phone is blank (empty otherwise):
    which offices, who fills them in, and what to do until then."""
    blank = local.offices_without_phone(offices)
    if not blank:
        return ""
    which = "全部单位" if len(blank) == len(offices) else "、".join(blank)
    return (
        '!!! warning "电话还没有填写"\n\n'
        f"    本目录中{which}的电话还没有填写（表中写着“未填写”），由{local.name}党政办统一填写。"
        "填好之前，转办时请先向党政办问清对方的电话，联系好了再让群众过去。\n\n"
    )


def load_outside_questions(
    path: Path, offices: dict[str, Office], files: ProjectFiles | None = None
) -> dict[str, list[list[str]]]:
    """data/outside_questions.yaml: office id → for each of its not_covered matters, in the
    directory's order, how villagers ask about it. Search learns from them when to say "not
    covered here" and which office to offer (macros/search/model.py). No file: none."""
    files = files or ProjectFiles()
    if not path.exists():
        return {}
    text = files.text(path)
    raw = parse_yaml(text, path) or {}
    lines = key_lines(text)
    if not isinstance(raw, dict):
        raise ContentError(path, "应为“单位 id: [[一件事的问法, …], …]”的键值对", line=1)
    out: dict[str, list[list[str]]] = {}
    for office_id, groups in raw.items():
        line = lines.get((office_id,))
        office = offices.get(office_id)
        if office is None:
            raise ContentError(
                path,
                f"单位“{office_id}”不在转办目录（data/referrals.yaml）中：可用的有 {'、'.join(offices)}",
                line=line,
            )
        if not isinstance(groups, list) or len(groups) != len(office.not_covered):
            raise ContentError(
                path,
                f"单位“{office_id}”在转办目录里有 {len(office.not_covered)} 件 not_covered（本站没有讲的事），"
                f"这里应有同样多组问法，按目录的顺序一件一组",
                line=line,
            )
        for k, asks in enumerate(groups):
            if not isinstance(asks, list) or not asks or any(not isinstance(a, str) or not a.strip() for a in asks):
                raise ContentError(
                    path,
                    f"单位“{office_id}”第 {k + 1} 组（{office.not_covered[k]}）：问法应为不空的文字列表，不能有空项",
                    line=lines.get((office_id, k), line),
                )
        out[office_id] = [[a.strip() for a in asks] for asks in groups]
    return out
