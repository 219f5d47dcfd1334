"""The project's law list (macros/data/laws.yaml): which laws the site carries and their
reviewed metadata. Plain Python, no mkdocs import, so the importer and the build share it."""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import ContentError, describe_validation_error

LAW_LIST = Path(__file__).parent / "data" / "laws.yaml"
_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")


class LawEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    short_names: list[str]
    version: str
    adopted: str
    effective: str
    status: str
    history: list[str] = []
    note: str | None = None
    # for an amendment decision: the id of the law it amends (its items use that law's old
    # article numbers; macros/amendment.py derives the old -> new numbering from them)
    amends: str | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not _SLUG.match(v):
            raise ValueError("id 只能用小写字母、数字和连字符，并以字母开头（它是页面网址的一部分）")
        return v

    @field_validator("adopted", "effective")
    @classmethod
    def _date(cls, v: str) -> str:
        try:
            _dt.date.fromisoformat(v)
        except ValueError:
            raise ValueError(f"日期“{v}”不是 YYYY-MM-DD 格式") from None
        return v

    @property
    def page(self) -> str:
        """Path of the law's page, relative to docs/."""
        return f"laws/{self.id}.md"


def load_law_list(path: Path = LAW_LIST) -> list[LawEntry]:
    """Read and validate the law list; any problem raises ContentError naming file and entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise ContentError(path, f"YAML 格式错误：{e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("laws"), list):
        raise ContentError(path, "文件顶层应为 `laws:` 列表")
    entries: list[LawEntry] = []
    seen: dict[str, str] = {}
    for i, raw in enumerate(data["laws"], start=1):
        where = f"第 {i} 项"
        if isinstance(raw, dict) and raw.get("name"):
            where += f"（{raw['name']}）"
        try:
            entry = LawEntry.model_validate(raw)
        except ValidationError as e:
            raise ContentError(path, f"{where}：{describe_validation_error(e)}") from None
        for key in (entry.id, entry.name):
            if key in seen:
                raise ContentError(path, f"{where}：“{key}”与{seen[key]}重复")
            seen[key] = where
        entries.append(entry)
    return entries
