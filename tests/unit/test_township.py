"""Township settings: one small file per township (data/townships/<id>.yml) inheriting mkdocs.yml,
checked in Chinese naming the file; the settings read through INHERIT; the offices whose phone
is blank, and the notice the referral directory shows the staff while there are any."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.content.referrals import load_referrals, phone_notice
from macros.content.township import check_township_file, township_file, township_files, township_settings
from macros.core.errors import ContentError
from macros.core.mkdocsconfig import read_config
from macros.core.paths import ProjectPaths

from ..harness.project import ROOT

OFFICES = load_referrals(ROOT / "data" / "referrals.yaml")

GOOD = """\
INHERIT: ../../mkdocs.yml
docs_dir: ../../docs
site_name: 河西镇党政办知识库
extra:
  township:
    name: 河西镇
    county: 青川县
    doc_number_prefix: 河镇发
  referral_phones:
    justice: 0839-1234567
"""


@pytest.fixture
def project(tmp_path) -> ProjectPaths:
    """A project folder as the township check sees it: mkdocs.yml, docs/, the referral directory."""
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "data" / "townships").mkdir(parents=True)
    shutil.copy2(ROOT / "data" / "referrals.yaml", tmp_path / "data" / "referrals.yaml")
    return ProjectPaths.at(tmp_path)


def write(paths: ProjectPaths, name: str, text: str) -> Path:
    path = paths.townships / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(paths: ProjectPaths, path: Path) -> list[str]:
    return [str(p) for p in check_township_file(path, paths, list(OFFICES))]


def test_a_good_township_file_has_no_problem_and_inherits_the_rest(project):
    path = write(project, "hexi.yml", GOOD)
    assert problems_of(project, path) == []
    config = read_config(path)
    # its own settings over mkdocs.yml's, mapping by mapping; the rest inherited
    assert config["extra"]["township"] == {
        "name": "河西镇",
        "county": "青川县",
        "doc_number_prefix": "河镇发",
        "office": "党政综合办公室",  # from mkdocs.yml
    }
    assert config["extra"]["referral_phones"]["justice"] == "0839-1234567"
    assert config["extra"]["referral_phones"]["police"] == ""  # from mkdocs.yml
    assert config["theme"]["language"] == "zh"
    assert "INHERIT" not in config
    local = township_settings(config["extra"], list(OFFICES))
    assert local.name == "河西镇" and local.office == "党政综合办公室"
    assert local.phone("justice") == "0839-1234567" and local.phone("police") == "未填写"
    assert township_files(project) == {"hexi": path}


def test_the_example_township_of_the_project_is_valid():
    paths = ProjectPaths.at(ROOT)
    assert township_files(paths), "data/townships/ 里应有示例乡镇"
    for path in township_files(paths).values():
        assert problems_of(paths, path) == []


def test_every_problem_of_a_township_file_is_named_in_chinese(project):
    path = write(
        project,
        "Bad.yml",
        "INHERIT: ../mkdocs.yml\nextra:\n  township:\n    name: 某某镇\n    county: ''\n  referral_phones:\n    guotusuo: '1'\n",
    )
    assert problems_of(project, path) == [
        "data/townships/Bad.yml：文件名就是乡镇的 id（网站输出到 dist/<id>/）：只能用小写字母、数字和连字符，如 qingshi.yml",
        "data/townships/Bad.yml：要继承全站设置：写 INHERIT: ../../mkdocs.yml（路径从本文件所在的文件夹算起），"
        "现在写的是“../mkdocs.yml”",
        "data/townships/Bad.yml：要写 docs_dir: ../../docs（网站内容所在的文件夹，路径从本文件所在的文件夹算起）",
        "data/townships/Bad.yml：extra.township.name 还是示例“某某镇”：改成本镇的镇（乡）名称",
        "data/townships/Bad.yml：extra.township 缺少 county（所属县（市、区））：每个乡镇都要写自己的",
        "data/townships/Bad.yml：extra.township 缺少 doc_number_prefix（发文字号的机关代字）：每个乡镇都要写自己的",
        "data/townships/Bad.yml：extra.referral_phones 里的“guotusuo”不是转办目录（data/referrals.yaml）里的单位 id；"
        "可用的 id：" + "、".join(OFFICES),
    ]


def test_a_wrong_key_a_yaml_mistake_and_a_pasted_character_name_the_file(project):
    wrong_key = write(
        project, "a.yml", GOOD.replace("doc_number_prefix: 河镇发", "doc_number_prefix: 河镇发\n    town: 河西")
    )
    assert problems_of(project, wrong_key) == [
        "data/townships/a.yml：extra.township 有误：字段 town：不认识的字段（请检查拼写，或删除它）"
    ]
    broken = write(project, "b.yml", GOOD.replace("county: 青川县", "county: '青川县"))
    assert problems_of(project, broken)[0].startswith("data/townships/b.yml 第 ")
    pasted = write(project, "c.yml", GOOD.replace("0839-1234567", "0839-1234567\u200b"))
    assert any("看不见的字符 U+200B" in p for p in problems_of(project, pasted))


def test_an_unknown_township_lists_the_known_ones(project):
    write(project, "hexi.yml", GOOD)
    with pytest.raises(ContentError) as e:
        township_file(project, "baishui")
    assert "没有乡镇“baishui”的设置文件；现有的乡镇：hexi" in str(e.value)


def test_settings_errors_name_the_file_being_built():
    with pytest.raises(ContentError) as e:
        township_settings({"township": {"town": "x"}}, config="data/townships/hexi.yml")
    assert str(e.value).startswith("data/townships/hexi.yml：extra.township 有误：字段 town")


def test_blank_phones_are_listed_and_the_directory_tells_the_staff():
    every = {oid: f"0839-{i:07d}" for i, oid in enumerate(OFFICES)}
    some = dict(list(every.items())[2:])
    blank_two = township_settings({"township": {"name": "河西镇"}, "referral_phones": {**some, "police": " "}})
    first_two = [blank_two.local_name(o.name) for o in list(OFFICES.values())[:2]]
    police = blank_two.local_name(OFFICES["police"].name)
    assert blank_two.offices_without_phone(OFFICES) == [*first_two, police]
    notice = phone_notice(OFFICES, blank_two)
    assert notice.startswith('!!! warning "电话还没有填写"')
    assert f"本目录中{'、'.join([*first_two, police])}的电话还没有填写" in notice
    assert "由河西镇党政办统一填写" in notice
    none_blank = township_settings({"referral_phones": every})
    assert none_blank.offices_without_phone(OFFICES) == []
    assert phone_notice(OFFICES, none_blank) == ""
    all_blank = township_settings({})
    assert "本目录中全部单位的电话还没有填写" in phone_notice(OFFICES, all_blank)


def test_a_gbk_township_file_is_named_with_its_encoding_and_fix_encoding_offers_it(project):
    from macros.cli.fixencoding import candidates

    bad = project.townships / "qingshi.yml"
    bad.write_bytes("INHERIT: ../../mkdocs.yml\nextra:\n  township:\n    name: 青石镇\n".encode("gbk"))
    found = problems_of(project, bad)
    assert len(found) == 1 and found[0].startswith(
        "data/townships/qingshi.yml：文件不是 UTF-8 编码（看起来是 GBK），无法读取。请运行 make fix-encoding"
    ), found
    assert bad in candidates(project)
