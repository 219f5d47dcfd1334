"""What each township fills in once — its name, county, 发文字号 prefix, office name, and the
phone numbers of the offices it refers villagers to — in `extra:` of its config file:

    extra:
      township:
        name: 青石镇
        county: 临川县
        doc_number_prefix: 青镇发
        office: 党政综合办公室
      referral_phones:
        agriculture: 0000-0000000

mkdocs.yml holds the default (某某镇). A county with many townships keeps one small file per
township in data/townships/<id>.yml that inherits mkdocs.yml (MkDocs `INHERIT`) and sets only
these; `make build TOWNSHIP=<id>` builds that township's site (check_township_file below says in
Chinese what is wrong with such a file, before MkDocs reads it).

One object for the templates, the Word files, the reception scripts and the referral directory.
A wrong key, or a phone for an office the directory does not have, is an error naming the file."""

from __future__ import annotations

import os
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..core.charcheck import check_characters
from ..core.errors import ContentError, describe_validation_error
from ..core.files import decode
from ..core.mkdocsconfig import load_config_file, merge, read_config
from ..core.paths import ProjectPaths

CONFIG = "mkdocs.yml"
PLACEHOLDER = {"name": "某某镇", "county": "某某县", "doc_number_prefix": "某镇发"}
REQUIRED = {"name": "镇（乡）名称", "county": "所属县（市、区）", "doc_number_prefix": "发文字号的机关代字"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class TownshipSettings(BaseModel):
    """`extra.township` (+ `extra.referral_phones`) of the config being built."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = "某某镇"  # 镇（乡）名称，如 青石镇
    county: str = "某某县"  # 所属县（市、区）
    doc_number_prefix: str = "某镇发"  # 发文字号中的机关代字，如 青镇发
    office: str = "党政综合办公室"  # 办公室名称（印发机关）
    phones: dict[str, str] = {}  # referral office id → phone (extra.referral_phones)

    def placeholders(self) -> dict[str, str]:
        """The {镇} {县} {字号} {办公室} placeholders of the template data."""
        return {"镇": self.name, "县": self.county, "字号": self.doc_number_prefix, "办公室": self.office}

    def local_name(self, office_name: str) -> str:
        """镇自然资源所 → 青石镇自然资源所: the directory names the township's own offices 镇…."""
        return office_name.replace("镇", self.name, 1) if office_name.startswith("镇") else office_name

    def phone(self, office_id: str) -> str:
        return self.phones.get(office_id, "未填写")

    def offices_without_phone(self, offices: dict) -> list[str]:
        """The local names of the directory's offices (id → office) whose phone is not filled in."""
        return [self.local_name(o.name) for oid, o in offices.items() if oid not in self.phones]


def township_settings(
    extra: dict | None, office_ids: list[str] | None = None, config: str = CONFIG
) -> TownshipSettings:
    """The settings from a config's `extra:`; office_ids: the referral directory's ids, which
    every phone must belong to (None: not checked); config: the file, as errors name it."""
    extra = extra or {}
    raw = extra.get("township") or {}
    if not isinstance(raw, dict):
        raise ContentError(config, "extra.township 应为键值对，如 name: 青石镇")
    phones = extra.get("referral_phones") or {}
    if not isinstance(phones, dict):
        raise ContentError(config, "extra.referral_phones 应为“单位 id: 电话”的键值对")
    if office_ids is not None:
        for key in phones:
            if key not in office_ids:
                raise ContentError(
                    config,
                    f"extra.referral_phones 里的“{key}”不是转办目录（data/referrals.yaml）里的单位 id；"
                    f"可用的 id：{'、'.join(office_ids)}",
                )
    try:
        return TownshipSettings.model_validate(
            {**raw, "phones": {k: str(v).strip() for k, v in phones.items() if v not in (None, "") and str(v).strip()}}
        )
    except ValidationError as e:
        raise ContentError(config, f"extra.township 有误：{describe_validation_error(e)}") from None


# ---- one file per township: data/townships/<id>.yml ---------------------------------------


def township_files(paths: ProjectPaths) -> dict[str, Path]:
    """id → file, for every township file (data/townships/*.yml), in name order."""
    folder = paths.townships
    return {p.stem: p for p in sorted(folder.glob("*.yml"))} if folder.is_dir() else {}


def township_file(paths: ProjectPaths, township_id: str) -> Path:
    path = paths.townships / f"{township_id}.yml"
    if not path.exists():
        known = "、".join(township_files(paths)) or "（还没有）"
        raise ContentError(
            paths.shown(path),
            f"没有乡镇“{township_id}”的设置文件；现有的乡镇：{known}。"
            f"照 {paths.shown(paths.townships)}/ 里已有的文件复制一份，改成本镇的名称和电话",
        )
    return path


def _path_setting_problem(own: dict, key: str, here: Path, target: Path, ask: str) -> str | None:
    """A setting that must name `target` by a path from the township file's folder: None if it
    does, else `ask` filled with that path, and what is written now."""
    value = own.get(key)
    if value and (here / str(value)).resolve() == target.resolve():
        return None
    wanted = Path(os.path.relpath(target, here)).as_posix()
    return ask.format(wanted) + (f"，现在写的是“{value}”" if value else "")


def check_township_file(path: Path, paths: ProjectPaths, office_ids: list[str] | None) -> list[ContentError]:
    """Every problem of one township file, in Chinese, naming the file: it must inherit
    mkdocs.yml and name docs/ from its own folder, give the township's own name, county and
    发文字号 prefix, and phones only for offices of the referral directory."""
    shown = paths.shown(path)
    problems: list[ContentError] = []
    if not _ID.match(path.stem):
        problems.append(
            ContentError(
                shown,
                "文件名就是乡镇的 id（网站输出到 dist/<id>/）：只能用小写字母、数字和连字符，如 qingshi.yml",
            )
        )
    try:
        text = decode(path.read_bytes(), shown)  # the project's reader: names the encoding found
    except ContentError as e:
        return [*problems, e]
    problems += check_characters(Path(shown), text)
    try:
        own = load_config_file(path, shown, text)
    except ContentError as e:
        return [*problems, e]
    for key, target, ask in (
        ("INHERIT", paths.config, "要继承全站设置：写 INHERIT: {}（路径从本文件所在的文件夹算起）"),
        ("docs_dir", paths.docs, "要写 docs_dir: {}（网站内容所在的文件夹，路径从本文件所在的文件夹算起）"),
    ):
        problem = _path_setting_problem(own, key, path.parent, target, ask)
        if problem:
            problems.append(ContentError(shown, problem))
    extra = own.get("extra") or {}
    raw = extra.get("township") if isinstance(extra, dict) else None
    if not isinstance(raw, dict):
        problems.append(ContentError(shown, "缺少 extra.township：写上本镇的 name、county、doc_number_prefix"))
        return problems
    for key, what in REQUIRED.items():
        value = str(raw.get(key) or "").strip()
        if not value:
            problems.append(ContentError(shown, f"extra.township 缺少 {key}（{what}）：每个乡镇都要写自己的"))
        elif value == PLACEHOLDER[key]:
            problems.append(ContentError(shown, f"extra.township.{key} 还是示例“{value}”：改成本镇的{what}"))
    inherited = read_config(paths.config).get("extra") or {}
    try:
        township_settings(merge(inherited, extra), office_ids, shown)
    except ContentError as e:
        problems.append(e)
    return problems
