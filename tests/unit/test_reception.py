"""Reception scripts and the referral directory, read by the engine (no build): every situation
has its script, the township's settings, the directory's own checks."""

from __future__ import annotations

import pytest

from macros.content.reception import reception_scripts
from macros.content.referrals import load_outside_questions, load_referrals, referral_list
from macros.content.township import township_settings
from macros.core.errors import ContentError, ContentProblems
from macros.core.pagemeta import validate_page_meta

from ..harness.project import ROOT, real_site

DOCS = ROOT / "docs"
SITE = real_site()
REGISTRY, FINDER = SITE.registry, SITE.finder
SECTIONS = [
    "怎样识别",
    "接待要点",
    "可以这样说",
    "不要这样说",
    "法律依据",
    "材料和表格",
    "转办去向",
    "时限",
    "常见错误",
]
SCRIPTS = reception_scripts(SITE.metas())
OFFICES = SITE.offices
SITUATIONS = {  # issue 4: every situation has its script
    "homestead-application",
    "homestead-boundary",
    "contract-land-taken-back",
    "women-land-rights",
    "land-transfer-dispute",
    "land-requisition",
    "illegal-building-farmland",
    "land-ownership-dispute",
    "contract-dispute-arbitration",
    "village-election",
    "village-affairs-finance",
    "village-rules",
    "petition-registration",
    "agitated-visitors",
}
SITUATIONS |= {  # issue 12: the situations the review found missing
    "family-support",
    "inheritance",
    "collective-membership",
    "domestic-violence",
    "neighbour-injury",
    "registration-error",
    "project-land-compensation",
    "reserve-land-contracting",
    "rural-house-sale",
    "multiple-homesteads",
}


def test_every_listed_situation_has_a_script():
    assert {s.path.removeprefix("reception/").removesuffix(".md") for s in SCRIPTS} >= SITUATIONS
    assert len(SCRIPTS) >= 24


def test_local_settings_name_the_township_and_phones():
    local = township_settings(
        {"township": {"name": "青山镇"}, "referral_phones": {"justice": "0123-4567890"}}, list(OFFICES)
    )
    md = referral_list(["justice", "court"], OFFICES, local, "docs/reception/x.md")
    assert "**青山镇司法所**（电话：0123-4567890）" in md
    assert "**县人民法院（人民法庭）**（电话：未填写）" in md


def test_unknown_phone_id_names_mkdocs_yml():
    with pytest.raises(ContentError) as e:
        township_settings({"referral_phones": {"guotusuo": "1"}}, list(OFFICES))
    assert str(e.value).startswith("mkdocs.yml：extra.referral_phones 里的“guotusuo”不是转办目录")


def test_bad_directory_entry_names_file_and_entry(tmp_path):
    bad = tmp_path / "referrals.yaml"
    bad.write_text("offices:\n  - id: Justice\n    name: 司法所\n    handles: []\n", encoding="utf-8")
    with pytest.raises(ContentProblems) as e:
        load_referrals(bad)
    assert [(p.line, p.message.split("：")[:2]) for p in e.value.problems] == [
        (2, ["第 1 项（司法所）", "字段 id"]),
        (4, ["第 1 项（司法所）", "字段 handles"]),  # neither handles nor not_covered
    ]


def test_an_office_may_list_only_what_the_site_does_not_cover(tmp_path):
    path = tmp_path / "referrals.yaml"
    path.write_text(
        "offices:\n  - id: health-center\n    name: 镇卫生院\n    not_covered: [儿童预防接种（打疫苗）]\n",
        encoding="utf-8",
    )
    office = load_referrals(path)["health-center"]
    assert office.handles == [] and office.matters == ["儿童预防接种（打疫苗）"]


DIRECTORY = (
    "offices:\n  - id: health-center\n    name: 镇卫生院\n    not_covered: [儿童预防接种（打疫苗）, 出生医学证明的补发]\n"
    "  - id: justice\n    name: 司法所\n    handles: [法律援助]\n"
)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "hospital: [[小孩打针去哪]]\n",
            1,
            "单位“hospital”不在转办目录（data/referrals.yaml）中：可用的有 health-center、justice",
        ),
        (
            "health-center: [[打疫苗]]\n",
            1,
            "单位“health-center”在转办目录里有 2 件 not_covered（本站没有讲的事），这里应有同样多组问法，按目录的顺序一件一组",
        ),
        (
            "health-center: [[打疫苗], [出生证]]\njustice: [[请律师]]\n",
            2,
            "单位“justice”在转办目录里有 0 件 not_covered",
        ),
        (
            "health-center:\n  - [打疫苗]\n  - [出生证, '']\n",
            3,
            "单位“health-center”第 2 组（出生医学证明的补发）：问法应为不空的文字列表，不能有空项",
        ),
        ("- 打疫苗\n", 1, "应为“单位 id: [[一件事的问法, …], …]”的键值对"),
    ],
)
def test_bad_outside_question_names_the_office_and_its_line(tmp_path, text, line, message):
    (tmp_path / "referrals.yaml").write_text(DIRECTORY, encoding="utf-8")
    offices = load_referrals(tmp_path / "referrals.yaml")
    (tmp_path / "outside_questions.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_outside_questions(tmp_path / "outside_questions.yaml", offices)
    assert e.value.line == line and message in e.value.message, e.value.message


def test_outside_questions_are_read_per_matter_and_a_missing_file_is_none(tmp_path):
    (tmp_path / "referrals.yaml").write_text(DIRECTORY, encoding="utf-8")
    offices = load_referrals(tmp_path / "referrals.yaml")
    text = "health-center:\n  - [' 小孩打疫苗去哪 ', 俺娃该打预防针了]\n  - [出生证丢了咋补]\n"
    (tmp_path / "outside_questions.yaml").write_text(text, encoding="utf-8")
    assert load_outside_questions(tmp_path / "outside_questions.yaml", offices) == {
        "health-center": [["小孩打疫苗去哪", "俺娃该打预防针了"], ["出生证丢了咋补"]]
    }
    assert load_outside_questions(tmp_path / "none.yaml", offices) == {}


def test_front_matter_keys_are_typed(tmp_path):
    with pytest.raises(ContentError, match="字段 keywords：应为列表") as e:
        validate_page_meta({"title": "x", "keywords": "争地基"}, "docs/p.md", {("keywords",): 3})
    assert e.value.line == 3  # the field's own line
