"""A law page built by MkDocs shows the statute text exactly as the source has it, however much
Markdown syntax the text contains."""
from __future__ import annotations

import html as htmllib
import re

from macros.laws.importer import render_law_page
from macros.laws.lawlist import load_law_list
from macros.laws.sources import SourceArticle, SourceLaw

from ..harness.project import PATHS, ROOT, build_site

LAWS = load_law_list(PATHS.law_list)


def test_tricky_text_renders_literally(tmp_path):
    """Statute text full of Markdown syntax comes out in the HTML exactly as written."""
    tricky = ["1. 第一行像列表", "- 第二行也像", "+----+----+", "a*b*c_d_e <b>x</b> & {{ y }} {# z #}",
              "[甲](乙) `丙` \\丁"]
    law = SourceLaw("x", LAWS[0].name, [SourceArticle("第一条", "art-1", "\n".join(tricky), "第一章 总则", None)])
    project = tmp_path / "proj"
    (project / "docs").mkdir(parents=True)
    (project / "docs/law.md").write_text(render_law_page(LAWS[0], law), encoding="utf-8")
    cfg = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    cfg = cfg.replace("  - offline\n", "").replace("extra_css:\n  - assets/stylesheets/site.css\n", "")
    (project / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/law/index.html").read_text(encoding="utf-8")
    body = page.split('id="art-1"', 1)[1].split("</article>", 1)[0]
    paras = [htmllib.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
    assert paras == tricky
