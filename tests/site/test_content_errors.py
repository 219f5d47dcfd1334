"""Bad content, every kind: a Chinese message naming the file and the line or entry, the build
stopping before it writes anything, `make check` listing every problem at once, and a failed
build leaving the last good site in place."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli import check

from ..harness.project import PATHS, ROOT, build_site, copy_project, edit


# (file under docs/, text to replace, replacement, what the message must say)
BREAKAGES = {
    "front matter YAML": (
        "reception/homestead-application.md", "title:", "title: [未闭合",
        r"docs/reception/homestead-application\.md 第 2 行：页首信息不是合法的 YAML：方括号 \[ \] 没有闭合"),
    "front matter key": (
        "training/office-role.md", "topics:", "topic:",
        r"docs/training/office-role\.md 第 4 行：页首信息有误：字段 topic：不认识的字段"),
    "citation": (
        "training/land-management-law.md", "《土地管理法》第六十二条", "《土地管理法》第九百条",
        r"docs/training/land-management-law\.md 第 41 行：引用“《土地管理法》第九百条”中的第900条不存在"),
    "referral id": (
        "reception/land-transfer-dispute.md", "referrals: [", "referrals: [guotusuo, ",
        r"docs/reception/land-transfer-dispute\.md 第 7 行：页首 referrals 里的转办去向“guotusuo”不在转办目录"),
    "quiz answer key": (
        "training/quizzes/land-management-law.yaml", "answer: A\n", "answer: H\n",
        r"docs/training/quizzes/land-management-law\.yaml 第 (?P<line>\d+) 行：题目 land-management-law-\d+：答案 H 不在选项之中"),
    "invisible character": (
        "reception/village-election.md", "选举", "选\u200b举",
        r"docs/reception/village-election\.md 第 2 行：第 12 字是看不见的字符 U\+200B（ZERO WIDTH SPACE），请删除"),
    "look-alike radical": (
        "training/documents.md", "一", "\u2f00",
        r"docs/training/documents\.md 第 15 行：第 28 字是部首字符“⼀”U\+2F00（KANGXI RADICAL ONE），应为“一”"),
    # issue 12: a quotation after a citation is checked word for word, and every 法律依据 item quotes
    "wrong quotation": (
        "reception/homestead-boundary.md",
        "由乡级人民政府或者县级以上人民政府处理。”",
        "由村民委员会处理。”",
        r"docs/reception/homestead-boundary\.md 第 70 行：引文“个人之间、个人与单位之间的争议，由村民委员会处理。”"
        r"不在土地管理法第十四条的条文中",
    ),
    "basis without quotation": (
        "reception/village-rules.md",
        "- 《村民委员会组织法》第四十一条第一款规定：“村民委员会或者村民委员会成员作出的决定侵害村民合法权益的，"
        "受侵害的村民可以申请人民法院予以撤销”。",
        "- 《村民委员会组织法》第四十一条第一款：村委会的决定侵害村民权益的，可以请法院撤销。",
        r"docs/reception/village-rules\.md 第 71 行：“法律依据”的这一项（《村民委员会组织法》第四十一条第一款）没有摘录条文原文",
    ),
    "glossary": (
        "indexes/glossary.yaml", "definition: 农村村民经批准", "definiton: 农村村民经批准",
        r"docs/indexes/glossary\.yaml 第 5 行：第 1 个术语（宅基地）：字段 definition：缺少必填项"),
}


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("broken"))
    for rel, old, new, _ in BREAKAGES.values():
        edit(project / "docs" / rel, old, new)
    return project


def test_make_check_lists_every_problem_at_once(broken_project):
    result = subprocess.run([sys.executable, "-m", "macros.cli.check"], cwd=broken_project, capture_output=True, text=True)
    assert result.returncode == 1
    out = result.stdout
    assert re.search(r"内容检查发现 \d+ 处问题", out)
    for kind, (_, _, _, pattern) in BREAKAGES.items():
        assert re.search(pattern, out), f"{kind}: {pattern}\n{out}"
    # the answer key's own line
    quiz = (broken_project / "docs/training/quizzes/land-management-law.yaml").read_text(encoding="utf-8")
    line = next(i for i, ln in enumerate(quiz.split("\n"), 1) if ln.strip() == "answer: H")
    assert re.search(BREAKAGES["quiz answer key"][3], out).group("line") == str(line)


def test_the_build_stops_with_the_same_messages_and_no_traceback(broken_project, tmp_path):
    result = build_site(broken_project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    for kind, (_, _, _, pattern) in BREAKAGES.items():
        assert re.search(pattern, log), f"{kind}: {pattern}"
    assert not (tmp_path / "site").exists()   # stopped before writing anything


def test_check_passes_on_the_real_content():
    problems, notes = check.run(PATHS, PATHS.config)
    assert problems == []
    assert any("条文引用" in n for n in notes)


def build(site: Path, project: Path) -> int:
    """make build: scripts/build/build_site.py, for the project at `project`."""
    return subprocess.run([sys.executable, "-m", "scripts.build.build_site", "--site-dir", str(site),
                           "--project", str(project)], cwd=ROOT, capture_output=True).returncode


def test_a_failed_build_keeps_the_last_good_site(tmp_path):
    project = copy_project(tmp_path / "proj")
    site = tmp_path / "published"
    assert build(site, project) == 0
    good = (site / "index.html").read_text(encoding="utf-8")
    edit(project / "docs/reception/homestead-application.md", "title:", "title: [未闭合")
    assert build(site, project) != 0
    assert (site / "index.html").read_text(encoding="utf-8") == good
    assert (site / "laws/land-management.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".published")] == []
