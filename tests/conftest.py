"""Shared fixtures: the real site is built once per test session (DESIGN.md), served on
127.0.0.1 for browser tests, and a headless Debian chromium drives it."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    # chromium's own call home when a page has a form (autofill field types): not the site's
    # request, but test_browser_offline.py's proxy would see it.
    "--disable-features=AutofillServerCommunication",
]


def site_config(path: Path = ROOT / "mkdocs.yml") -> dict:
    """mkdocs.yml as MkDocs reads it (with its !!python tags and env defaults)."""
    from mkdocs.config import load_config
    return load_config(str(path))


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` for the project at `project` into `site_dir`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site)
    assert result.returncode == 0, f"站点构建失败：\n{result.stdout}\n{result.stderr}"
    log = result.stdout + result.stderr
    assert "WARNING" not in log, f"构建日志里有警告：\n{log}"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


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
