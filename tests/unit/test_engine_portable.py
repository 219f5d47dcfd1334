"""The engine is plain Python: every module but the MkDocs adapter imports, and loads and checks
the whole real project, with mkdocs and the macros plugin made unimportable (DESIGN.md: a move
to another site generator costs an adapter, not a rewrite). Run in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

from ..harness.project import ROOT

WITHOUT_MKDOCS = r"""
import importlib, json, pkgutil, sys

class NoMkDocs:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("mkdocs", "mkdocs_macros", "material"):
            raise ImportError(f"{name} is blocked for this test")
        return None

sys.meta_path.insert(0, NoMkDocs())
import macros
imported, refused = [], []
for info in pkgutil.walk_packages(macros.__path__, "macros."):
    try:
        importlib.import_module(info.name)
        imported.append(info.name)
    except ImportError:
        refused.append(info.name)

from macros.core.paths import ProjectPaths
from macros.site import load_site, read_extra
paths = ProjectPaths.at(".")
site, problems = load_site(paths, read_extra(paths.config))
print(json.dumps({"imported": imported, "refused": refused, "problems": len(problems),
                  "laws": len(site.registry.laws), "citations": len(site.graph.uses),
                  "mkdocs_loaded": sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material"))}))
"""


def test_every_engine_module_imports_and_loads_the_site_without_mkdocs():
    result = subprocess.run([sys.executable, "-c", WITHOUT_MKDOCS], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout)
    assert found["refused"] == ["macros.adapter"]  # the one module that needs mkdocs
    assert {"macros.site", "macros.build", "macros.laws.registry", "macros.content.docx"} <= set(found["imported"])
    assert found["problems"] == 0 and found["laws"] >= 10 and found["citations"] > 100
    assert found["mkdocs_loaded"] == []


def test_importing_a_small_engine_module_loads_neither_mkdocs_nor_python_docx():
    code = "import sys, macros.core.cnnum; print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'docx', 'pydantic'}))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
