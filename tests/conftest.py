"""Shared fixtures. The suite is in three levels: tests/unit (the engine alone: no build, no
browser; seconds), tests/site (built sites: small scenario sites, and the real site built once
per session), tests/browser (the built site in Debian's chromium). What they share with each
other and with scripts/ is in tests/harness/."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness.browser import CHROMIUM, CHROMIUM_ARGS, serve
from .harness.project import ROOT, build_full


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site as `make build` makes it: pages, search, Word files and the printed handbooks."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = build_full(ROOT, "--site-dir", str(site))
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"站点构建失败：\n{log}"
    assert "WARNING" not in log, f"构建日志里有警告：\n{log}"
    (site.parent / "build.log").write_text(log, encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def build_log(built_site) -> str:
    """What the build of built_site printed (MkDocs' log and the handbook printer's)."""
    return (built_site.parent / "build.log").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    # Browser tests must run wherever the suite runs (CI included): no chromium is a failure.
    if not Path(CHROMIUM).exists():
        pytest.fail(f"没有找到 {CHROMIUM}：请先安装 Debian 的 chromium（make test 会自动安装）")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    pg = context.new_page()
    yield pg
    context.close()
