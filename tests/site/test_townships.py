"""One build per township: two townships of a county, each in its own data/townships/<id>.yml,
built side by side by `make build-all` (site, handbooks and a zip each): no 某某镇 left, each
site with its own name and phones only; whoever deploys is told which phones are blank, and the
staff see it on the referral directory, without a warning that would fail a strict build."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from macros.content.referrals import load_referrals

from ..harness.project import ROOT, build_full, make_project

OFFICES = load_referrals(ROOT / "data" / "referrals.yaml")
PLACEHOLDERS = ("某某镇", "某某县", "某镇发")
HEXI_PHONES = {oid: f"0839-52{i:05d}" for i, oid in enumerate(OFFICES)}  # every office
BAISHUI_PHONES = {"justice": "0839-6100001", "police": "0839-6100110"}  # two of them


def township_file(name: str, county: str, prefix: str, phones: dict[str, str]) -> str:
    lines = "".join(f"    {oid}: {phone}\n" for oid, phone in phones.items())
    return (
        "INHERIT: ../../mkdocs.yml\ndocs_dir: ../../docs\n"
        f"site_name: {name}党政办知识库\n"
        f"extra:\n  township:\n    name: {name}\n    county: {county}\n    doc_number_prefix: {prefix}\n"
        f"  referral_phones:\n{lines}"
    )


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A copy of the project with two townships of its own, built with `make build-all`."""
    project = make_project(tmp_path_factory.mktemp("county") / "project")
    townships = project / "data" / "townships"
    shutil.rmtree(townships)
    townships.mkdir()
    (townships / "hexi.yml").write_text(township_file("河西镇", "青川县", "河镇发", HEXI_PHONES), encoding="utf-8")
    (townships / "baishui.yml").write_text(township_file("白水乡", "青川县", "白乡发", BAISHUI_PHONES), encoding="utf-8")
    result = build_full(project, "--all")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return project, log


def html_of(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_each_township_has_its_site_handbooks_and_zip(county):
    project, log = county
    for tid in ("hexi", "baishui"):
        site = project / "dist" / tid
        assert (site / "index.html").exists() and (site / "reception/directory.html").exists()
        assert (site / "handbook/reception.pdf").exists() and (site / "handbook/study.pdf").exists()
        with zipfile.ZipFile(project / "dist" / f"{tid}.zip") as z:
            names = set(z.namelist())
        assert {f"{tid}/index.html", f"{tid}/handbook/reception.pdf", f"{tid}/templates/docx/notice.docx"} <= names
        assert len(names) == sum(1 for p in site.rglob("*") if p.is_file())
    assert "共 2 个乡镇，成功 2 个。" in log


@pytest.mark.parametrize(("tid", "name", "other"), [("hexi", "河西镇", "白水乡"), ("baishui", "白水乡", "河西镇")])
def test_no_placeholder_and_no_other_township_is_left_in_a_site(county, tid, name, other):
    project, _ = county
    site = project / "dist" / tid
    pages = html_of(site)
    for rel, text in pages.items():
        for placeholder in (*PLACEHOLDERS, other):
            assert placeholder not in text, f"{tid}/{rel} 里还有“{placeholder}”"
    assert f"{name}党政办知识库" in pages["index.html"]
    assert f"{name}接待群众时常用的转办去向" in pages["reception/directory.html"]
    notice = pages["templates/notice.html"]
    assert name in notice and {"hexi": "河镇发", "baishui": "白乡发"}[tid] in notice
    with zipfile.ZipFile(site / "templates/docx/notice-example.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert name in body and not any(p in body for p in (*PLACEHOLDERS, other))
    for book in ("reception", "study"):
        text = pdf_text(site / "handbook" / f"{book}.pdf")
        assert name in text.split("\f")[0], f"{tid} 的{book}手册封面没有镇名"
        assert not any(p in text for p in (*PLACEHOLDERS, other)), f"{tid} 的{book}手册里有别的镇名或“某某镇”"


def test_each_phone_is_in_its_own_site_only(county):
    project, _ = county
    hexi, baishui = (html_of(project / "dist" / tid) for tid in ("hexi", "baishui"))
    directory = hexi["reception/directory.html"]
    for oid, phone in HEXI_PHONES.items():
        assert f"<td>{phone}</td>" in directory, oid
        assert not any(phone in text for text in baishui.values()), f"河西镇的电话 {phone} 出现在白水乡的网站里"
    for oid, phone in BAISHUI_PHONES.items():
        assert f"<td>{phone}</td>" in baishui["reception/directory.html"], oid
        assert not any(phone in text for text in hexi.values())
    # and on every script that refers villagers there
    script = baishui["reception/neighbour-injury.html"]
    assert "白水乡派出所</strong>（电话：0839-6100110）" in script
    assert "白水乡司法所</strong>（电话：0839-6100001）" in script
    handbook = re.sub(r"\s+", "", pdf_text(project / "dist" / "hexi" / "handbook" / "reception.pdf"))
    assert all(phone in handbook for phone in HEXI_PHONES.values())


def test_blank_phones_are_told_to_the_deployer_and_to_the_staff(county):
    project, log = county
    hexi = (project / "dist/hexi/reception/directory.html").read_text(encoding="utf-8")
    baishui = (project / "dist/baishui/reception/directory.html").read_text(encoding="utf-8")
    assert "电话还没有填写" not in hexi and "未填写" not in hexi
    assert "电话还没有填写" in baishui
    blank = [
        o.name.replace("镇", "白水乡", 1) if o.name.startswith("镇") else o.name
        for oid, o in OFFICES.items()
        if oid not in BAISHUI_PHONES
    ]
    assert f"本目录中{'、'.join(blank)}的电话还没有填写" in baishui
    assert "由白水乡党政办统一填写" in baishui
    # the build said it, naming the file to fill in — as a note, not a warning
    notes = [line for line in log.split("\n") if "还没有填电话" in line]
    assert len(notes) == 1 and notes[0].startswith("INFO")
    assert f"转办目录里有 {len(blank)} 个单位还没有填电话" in notes[0]
    assert "请在 data/townships/baishui.yml 的 extra.referral_phones 里填上" in notes[0]
    assert "WARNING" not in log
    assert re.search(rf"以下乡镇还有转办电话没有填写.*\n\s+baishui（白水乡）：{len(blank)} 个单位", log)


def test_the_default_site_tells_the_same_while_its_phones_are_blank(built_site, build_log):
    directory = (built_site / "reception/directory.html").read_text(encoding="utf-8")
    assert "本目录中全部单位的电话还没有填写" in directory
    assert "请在 mkdocs.yml 的 extra.referral_phones 里填上" in build_log


def test_a_wrong_township_file_stops_before_building_and_says_why(county, tmp_path):
    project, _ = county
    bad = project / "data" / "townships" / "wrong.yml"
    bad.write_text("INHERIT: ../mkdocs.yml\nextra:\n  township:\n    name: 某某镇\n", encoding="utf-8")
    try:
        result = build_full(project, "--township", "wrong")
    finally:
        bad.unlink()
    assert result.returncode == 1
    assert "乡镇设置文件有 5 处问题，没有构建" in result.stderr
    assert "data/townships/wrong.yml：要继承全站设置：写 INHERIT: ../../mkdocs.yml" in result.stderr
    assert "data/townships/wrong.yml：extra.township.name 还是示例“某某镇”" in result.stderr
    assert not (project / "dist" / "wrong").exists()
    missing = build_full(project, "--township", "nowhere")
    assert missing.returncode == 1 and "没有乡镇“nowhere”的设置文件；现有的乡镇：baishui、hexi" in missing.stderr
