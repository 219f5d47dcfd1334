"""scripts/checks/compare_sites.py, run as a maintainer runs it after a refactoring: two tiny
sites that differ in known ways."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from ..harness.project import ROOT


def docx(path, body: str, created: str) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", body)
        z.writestr("docProps/core.xml", f"<created>{created}</created>")


def compare(a, b, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.checks.compare_sites", str(a), str(b), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_reports_what_differs_and_ignores_what_it_is_told_to(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for site in (a, b):
        site.mkdir()
    (a / "index.html").write_text("<head>\n<script src=x.js></script>\n</head>", encoding="utf-8")
    (b / "index.html").write_text(
        "<head>\n<script src=x.js></script>\n<script src=new.js></script>\n</head>", encoding="utf-8"
    )
    (a / "page.html").write_text("甲", encoding="utf-8")
    (b / "page.html").write_text("乙", encoding="utf-8")
    docx(a / "t.docx", "<p>同</p>", "2026-01-01")
    docx(b / "t.docx", "<p>同</p>", "2026-12-01")  # only the time stamp differs
    (a / "old.js").write_text("", encoding="utf-8")
    result = compare(a, b)
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["只在前一个网站里：old.js", "内容不同：index.html", "内容不同：page.html"]
    result = compare(a, b, "--ignore-line", "new\\.js")
    assert result.stdout.splitlines() == ["只在前一个网站里：old.js", "内容不同：page.html"]
