"""The law pages against their source: every article, in order, word for word."""
from __future__ import annotations

import sqlite3
import textwrap

import pytest

from macros.errors import ContentError
from macros.lawimport import default_db_path, escape_markdown, main, render_law_page, read_law
from macros.lawlist import load_law_list
from macros.lawpage import normalise_text, parse_law_page, unescape_markdown

from .conftest import ROOT, build_site

LAWS = load_law_list()
EXPECTED = {  # the versions and article counts the project promises (issue 2)
    "中华人民共和国土地管理法": ("2019-08-26 第三次修正", 87),
    "中华人民共和国农村土地承包法": ("2018-12-29 第二次修正", 70),
    "中华人民共和国村民委员会组织法": ("2025-10-28 第二次修正", 50),
    "中华人民共和国农村土地承包经营纠纷调解仲裁法": ("2009-06-27 通过", 53),
    "中华人民共和国保守国家秘密法": ("2024-02-27 修订", 65),
}


@pytest.fixture(scope="module")
def db():
    conn = sqlite3.connect(f"file:{default_db_path()}?mode=ro", uri=True)
    yield conn
    conn.close()


def test_the_five_core_laws_are_listed_with_their_versions():
    listed = {e.name: e.version for e in LAWS}
    for name, (version, _) in EXPECTED.items():
        assert listed.get(name) == version


@pytest.mark.parametrize("entry", LAWS, ids=[e.id for e in LAWS])
def test_page_equals_database(entry, db):
    (law_id,) = db.execute("SELECT law_id FROM laws WHERE law_name = ?", (entry.name,)).fetchone()
    rows = db.execute(
        "SELECT article_no, article_no_arabic, article_text FROM articles WHERE law_id = ? ORDER BY id",
        (law_id,),
    ).fetchall()
    page = parse_law_page(ROOT / "docs" / entry.page)
    assert page.law["name"] == entry.name
    assert page.law["version"] == entry.version
    assert page.law["articles"] == len(rows)
    if entry.name in EXPECTED:
        assert len(rows) == EXPECTED[entry.name][1]
    assert [a.number for a in page.articles] == [r[0] for r in rows]
    assert [a.anchor for a in page.articles] == [f"art-{r[1]}" for r in rows]
    assert len({a.anchor for a in page.articles}) == len(rows)
    for art, (_, _, text) in zip(page.articles, rows):
        assert normalise_text(art.text) == normalise_text(text), art.number
        # 款 kept as separate paragraphs, as the source has them
        assert len(art.text.split("\n")) == len([x for x in text.split("\n") if x.strip()]), art.number


def test_items_and_paragraphs_are_kept():
    page = parse_law_page(ROOT / "docs/laws/land-management.md")
    art17 = next(a for a in page.articles if a.anchor == "art-17")
    lines = art17.text.split("\n")
    assert lines[0] == "土地利用总体规划按照下列原则编制："
    assert [ln[:3] for ln in lines[1:]] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]


def test_check_mode_reports_an_altered_article(tmp_path, capsys):
    docs = tmp_path / "docs"
    (docs / "laws").mkdir(parents=True)
    src = (ROOT / "docs/laws/land-management.md").read_text(encoding="utf-8")
    altered = src.replace("农村村民一户只能拥有一处宅基地", "农村村民一户可以拥有两处宅基地")
    (docs / "laws/land-management.md").write_text(altered, encoding="utf-8")
    assert main(["--check", "--docs", str(docs), "land-management"]) == 1
    err = capsys.readouterr().err
    assert "第六十二条 的条文与数据库不一致" in err


def test_import_writes_pages_identical_to_the_committed_ones(tmp_path):
    assert main(["--docs", str(tmp_path)]) == 0
    for entry in LAWS:
        assert (tmp_path / entry.page).read_text(encoding="utf-8") == \
            (ROOT / "docs" / entry.page).read_text(encoding="utf-8"), entry.page


def test_unknown_law_name_is_a_clear_error(db):
    with pytest.raises(ContentError, match="数据库里没有名为“中华人民共和国不存在法”的法律"):
        read_law(db, "中华人民共和国不存在法")


def test_bad_law_list_names_the_entry(tmp_path):
    bad = tmp_path / "laws.yaml"
    bad.write_text(textwrap.dedent("""\
        laws:
          - id: Land_Management
            name: 中华人民共和国土地管理法
            short_names: [土地管理法]
            version: x
            adopted: "1986-06-25"
            effective: "2020-1-1"
            status: 现行有效
            colour: red
        """), encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_law_list(bad)
    msg = str(e.value)
    assert "第 1 项（中华人民共和国土地管理法）" in msg
    assert "字段 id" in msg and "字段 effective" in msg and "字段 colour：不认识的字段" in msg


@pytest.mark.parametrize("line", [
    "1. 本项不是列表", "- 不是列表", "+--+--+", "# 不是标题", "> 不是引用", "a*b*c_d_e",
    "[方括号](不是链接)", "<b>不是标签</b> & 符号", r"反斜杠\n", "{{ 不是宏 }}", "`不是代码`",
])
def test_escaping_round_trips(line):
    assert unescape_markdown(escape_markdown(line)) == line


def test_tricky_text_renders_literally(tmp_path):
    """Statute text full of Markdown syntax comes out in the HTML exactly as written."""
    from macros.lawimport import SourceArticle, SourceLaw

    tricky = ["1. 第一行像列表", "- 第二行也像", "+----+----+", "a*b*c_d_e <b>x</b> & {{ y }} {# z #}",
              "[甲](乙) `丙` \\丁"]
    law = SourceLaw("x", LAWS[0].name, [SourceArticle("第一条", "art-1", "\n".join(tricky), "第一章 总则", None)])
    project = tmp_path / "proj"
    (project / "docs").mkdir(parents=True)
    (project / "docs/law.md").write_text(render_law_page(LAWS[0], law), encoding="utf-8")
    cfg = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    cfg = cfg.replace("  - offline\n", "").replace("extra_css:\n  - assets/stylesheets/site.css\n", "")
    (project / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    (project / "macros").symlink_to(ROOT / "macros")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    import html as htmllib
    import re
    page = (tmp_path / "site/law/index.html").read_text(encoding="utf-8")
    body = page.split('id="art-1"', 1)[1].split("</article>", 1)[0]
    paras = [htmllib.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
    assert paras == tricky
