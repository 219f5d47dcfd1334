"""The referral directory (data/referrals.yaml): the township's offices and stations that
reception scripts refer villagers to. Scripts name offices by id in front matter
(`referrals: [agriculture, justice]`); the page shows each office's name, what it handles and the
local phone number. The township's own details (its name, the phone numbers) are local settings
in mkdocs.yml `extra:`, filled in once:

    extra:
      township:
        name: 某某镇
      referral_phones:
        agriculture: 0000-0000000

An unknown id anywhere (a page, the phone list) is a build error naming the file and the id.
Plain Python, no mkdocs import."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from ..core.errors import ContentError, read_entries

REFERRALS = Path(__file__).resolve().parents[2] / "data" / "referrals.yaml"
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
DEFAULT_TOWNSHIP = "本镇"


class Office(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    aka: list[str] = []        # what villagers call it (国土所)
    handles: list[str]         # what it deals with, one matter per line
    tips: str | None = None    # what to tell the villager before sending them there

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("id 只能用小写字母、数字和连字符，并以字母开头")
        return v

    @field_validator("handles")
    @classmethod
    def _some(cls, v: list[str]) -> list[str]:
        if not v:
            raise ValueError("至少写一件这个单位管的事")
        return v


def load_referrals(path: Path = REFERRALS) -> dict[str, Office]:
    """Read and validate the directory; id -> office, in file order."""
    offices: dict[str, Office] = {}
    for where, office in read_entries(path, "offices", Office):
        if office.id in offices:
            raise ContentError(path, f"{where}：id “{office.id}”与前面的单位重复")
        offices[office.id] = office
    return offices


@dataclass(frozen=True)
class LocalSettings:
    """What a township fills in once, in mkdocs.yml `extra:`."""
    township: str
    phones: dict[str, str]


def local_settings(extra: dict, offices: dict[str, Office], config_path: str = "mkdocs.yml") -> LocalSettings:
    township = (extra.get("township") or {})
    if not isinstance(township, dict):
        raise ContentError(config_path, "extra.township 应为键值对，例如 `township: {name: 某某镇}`")
    phones = extra.get("referral_phones") or {}
    if not isinstance(phones, dict):
        raise ContentError(config_path, "extra.referral_phones 应为“单位 id: 电话”的键值对")
    for key in phones:
        if key not in offices:
            raise ContentError(
                config_path,
                f"extra.referral_phones 里的“{key}”不是转办目录（data/referrals.yaml）里的单位 id；"
                f"可用的 id：{'、'.join(offices)}",
            )
    return LocalSettings(
        township=str(township.get("name") or DEFAULT_TOWNSHIP),
        phones={k: str(v) for k, v in phones.items() if v not in (None, "")},
    )


def check_referral_ids(ids: list[str], offices: dict[str, Office], page: Path | str) -> None:
    """Every id a page names must be in the directory."""
    for ref in ids:
        if ref not in offices:
            raise ContentError(
                page,
                f"页首 referrals 里的转办去向“{ref}”不在转办目录（data/referrals.yaml）中；"
                f"请改用目录里已有的 id（{'、'.join(offices)}），或先在目录里补上这个单位",
            )


def _phone(office: Office, local: LocalSettings) -> str:
    return local.phones.get(office.id, "未填写")


def referral_list(ids: list[str], offices: dict[str, Office], local: LocalSettings, page: Path | str) -> str:
    """Markdown for a script's 转办去向: one item per office, with local name and phone."""
    check_referral_ids(ids, offices, page)
    out = []
    for ref in ids:
        o = offices[ref]
        name = o.name.replace("镇", local.township, 1) if o.name.startswith("镇") else o.name
        tips = f"**转过去之前交代**：{o.tips}" if o.tips else ""
        out.append(f"- **{name}**（电话：{_phone(o, local)}）：{'；'.join(o.handles)}。{tips}")
    return "\n".join(out)


def directory_table(offices: dict[str, Office], local: LocalSettings) -> str:
    """The whole directory as a table, for the directory page."""
    rows = ["| 单位 | 也叫 | 电话 | 管哪些事 |", "| --- | --- | --- | --- |"]
    for o in offices.values():
        name = o.name.replace("镇", local.township, 1) if o.name.startswith("镇") else o.name
        handles = "<br>".join(o.handles) + (f"<br>**提醒**：{o.tips}" if o.tips else "")
        rows.append(f"| {name} | {'、'.join(o.aka) or '—'} | {_phone(o, local)} | {handles} |")
    return "\n".join(rows)
