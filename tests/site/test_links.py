"""The real built site has no broken internal link or #anchor (scripts/checks/check_links.py)."""
from __future__ import annotations

import subprocess
import sys

from ..harness.project import ROOT


def test_built_site_has_no_broken_internal_link_or_anchor(built_site):
    result = subprocess.run([sys.executable, "-m", "scripts.checks.check_links", str(built_site)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, "站内链接或锚点打不开：\n" + result.stdout + result.stderr
