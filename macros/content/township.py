"""What each township fills in once, in mkdocs.yml `extra:` — its name, county, 发文字号 prefix,
office name, and the phone numbers of the offices it refers villagers to:

    extra:
      township:
        name: 青石镇
        county: 临川县
        doc_number_prefix: 青镇发
        office: 党政综合办公室
      referral_phones:
        agriculture: 0000-0000000

One object for the templates, the Word files, the reception scripts and the referral directory.
A wrong key, or a phone for an office the directory does not have, is an error naming mkdocs.yml."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError

from ..core.errors import ContentError, describe_validation_error

CONFIG = "mkdocs.yml"


class TownshipSettings(BaseModel):
    """mkdocs.yml `extra.township` (+ `extra.referral_phones`)."""

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


def township_settings(extra: dict | None, office_ids: list[str] | None = None) -> TownshipSettings:
    """The settings from mkdocs.yml `extra:`; office_ids: the referral directory's ids, which
    every phone must belong to (None: not checked)."""
    extra = extra or {}
    raw = extra.get("township") or {}
    if not isinstance(raw, dict):
        raise ContentError(CONFIG, "extra.township 应为键值对，如 name: 青石镇")
    phones = extra.get("referral_phones") or {}
    if not isinstance(phones, dict):
        raise ContentError(CONFIG, "extra.referral_phones 应为“单位 id: 电话”的键值对")
    if office_ids is not None:
        for key in phones:
            if key not in office_ids:
                raise ContentError(
                    CONFIG,
                    f"extra.referral_phones 里的“{key}”不是转办目录（data/referrals.yaml）里的单位 id；"
                    f"可用的 id：{'、'.join(office_ids)}",
                )
    try:
        return TownshipSettings.model_validate(
            {**raw, "phones": {k: str(v) for k, v in phones.items() if v not in (None, "")}}
        )
    except ValidationError as e:
        raise ContentError(CONFIG, f"extra.township 有误：{describe_validation_error(e)}") from None
