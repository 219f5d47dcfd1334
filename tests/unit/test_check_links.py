"""The internal link and anchor check (scripts/checks/check_links.py), run as editors run it, on
a tiny fixture site with known faults. (The real built site: tests/site/test_links.py.)"""

from __future__ import annotations

import subprocess
import sys

from ..harness.project import ROOT


def check_links(site) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.checks.check_links", str(site)], cwd=ROOT, capture_output=True, text=True
    )


def write(path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")


def fixture_site(root):
    write(
        root / "index.html",
        '<a href="laws/land.html#art-1">ok</a>'
        '<a href="laws/land.html#art-999">broken anchor</a>'
        '<a href="laws/missing.html">broken file</a>'
        '<a href="#top">same page ok</a><h1 id="top">t</h1>'
        '<a href="#nowhere">same page broken</a>'
        '<a href="laws/">folder means index.html</a>'
        '<a href="https://example.org/x">outside: not checked here</a>'
        '<a href="mailto:a@b.c">mail</a>'
        '<img src="img/logo.png"><script src="js/app.js"></script>'
        '<a href="laws/land.html#%E5%AE%85%E5%9F%BA%E5%9C%B0">percent-encoded Chinese id</a>'
        '<a href="/laws/land.html">root-absolute</a>',
    )
    write(root / "laws/index.html", '<a href="../index.html#top">back</a><a name="old">x</a>')
    write(
        root / "laws/land.html",
        '<h3 id="art-1">第一条</h3><h2 id="宅基地">宅基地</h2><a href="index.html#old">a name= counts as an anchor</a>',
    )
    write(root / "404.html", '<a href="/index.html">home</a>')  # served at any URL: may be root-absolute
    (root / "js").mkdir()
    (root / "js/app.js").write_text("", encoding="utf-8")
    return root


def test_reports_each_broken_link_and_anchor_with_its_page(tmp_path):
    site = fixture_site(tmp_path / "site")
    assert check_links(site).stdout.splitlines() == [
        "index.html: laws/land.html#art-999 —— laws/land.html 中没有 id 为“art-999”的元素",
        "index.html: laws/missing.html —— 目标文件不存在：laws/missing.html",
        "index.html: #nowhere —— 本页 中没有 id 为“nowhere”的元素",
        "index.html: img/logo.png —— 目标文件不存在：img/logo.png",
        "index.html: /laws/land.html —— 以 / 开头的链接从 file:// 或子目录打开时会失效，请改成相对链接",
    ]


def test_cli_prints_broken_links_and_exits_non_zero(tmp_path):
    site = fixture_site(tmp_path / "site")
    result = check_links(site)
    assert result.returncode == 1
    assert "index.html: laws/missing.html —— 目标文件不存在：laws/missing.html" in result.stdout.splitlines()
    assert "共 5 处链接打不开（检查了 4 个页面）" in result.stderr


def test_cli_on_a_folder_without_a_site_says_to_build_first(tmp_path):
    result = check_links(tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{tmp_path} 里没有 index.html：请先运行 make build 生成网站"
