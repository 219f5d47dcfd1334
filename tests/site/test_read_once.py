"""One build reads each project file once: the site model (macros/site.py) reads every page and
data file, and MkDocs takes the pages' text from it instead of reading them again."""
from __future__ import annotations

import json
import subprocess
import sys

from ..harness.project import ROOT

COUNTER = ROOT / "tests/site/tools/count_reads.py"


def test_a_build_reads_every_page_and_data_file_exactly_once(tmp_path):
    result = subprocess.run([sys.executable, str(COUNTER), str(ROOT), str(tmp_path / "site")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    reads = json.loads(result.stdout.strip().splitlines()[-1])
    pages = {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md")}
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "data").glob("*.yaml")}
    assert pages <= set(reads) and data <= set(reads) and "mkdocs.yml" in reads
    more_than_once = {path: n for path, n in reads.items() if n != 1}
    assert more_than_once == {}, f"这些文件在一次构建中读了不止一次：{more_than_once}"
