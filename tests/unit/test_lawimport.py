"""The law pages against their source: every article, in order, word for word."""

from __future__ import annotations

import textwrap

import pytest

from macros.cli.lawimport import main
from macros.core.errors import ContentError, ContentProblems
from macros.laws.importer import escape_markdown
from macros.laws.lawlist import load_law_list
from macros.laws.lawpage import normalise_text, parse_law_page, unescape_markdown
from macros.laws.sources import PART_HEADING
from macros.laws.sources.database import open_database, read_law

from ..harness.project import PATHS, ROOT

LAWS = load_law_list(PATHS.law_list)
DATABASE_LAWS = [e for e in LAWS if e.from_database]
EXPECTED = {  # the versions and article counts the project promises (issue 2)
    "中华人民共和国土地管理法": ("2019-08-26 第三次修正", 87),
    "中华人民共和国农村土地承包法": ("2018-12-29 第二次修正", 70),
    "中华人民共和国村民委员会组织法": ("2025-10-28 第二次修正", 50),
    "中华人民共和国农村土地承包经营纠纷调解仲裁法": ("2009-06-27 通过", 53),
    "中华人民共和国保守国家秘密法": ("2024-02-27 修订", 65),
    # the laws reception rests on (issue 4)
    "中华人民共和国妇女权益保障法": ("2022-10-30 修订", 86),
    "中华人民共和国农村集体经济组织法": ("2024-06-28 通过", 67),
    "中华人民共和国人民调解法": ("2010-08-28 通过", 35),
    "中华人民共和国民法典": ("2020-05-28 通过", 1260),
    # the township's powers and the villager's remedies (issue 12)
    "中华人民共和国行政复议法": ("2023-09-01 修订", 90),
    "中华人民共和国行政诉讼法": ("2017-06-27 第二次修正", 103),
    "中华人民共和国城乡规划法": ("2019-04-23 第二次修正", 70),
    "中华人民共和国行政许可法": ("2019-04-23 修正", 83),
    "中华人民共和国反家庭暴力法": ("2015-12-27 通过", 38),
}
CIVIL_CODE_PARTS = [  # 编 and their article ranges, as the code itself has them
    ("第一编 总则", 1, 204),
    ("第二编 物权", 205, 462),
    ("第三编 合同", 463, 988),
    ("第四编 人格权", 989, 1039),
    ("第五编 婚姻家庭", 1040, 1118),
    ("第六编 继承", 1119, 1163),
    ("第七编 侵权责任", 1164, 1258),
    ("附则", 1259, 1260),
]


def articles_of(entry):
    """A law's articles over all its pages (one page, or one per part), in page order."""
    return [a for rel in entry.article_pages for a in parse_law_page(ROOT / "docs" / rel).articles]


@pytest.fixture(scope="module")
def db():
    conn = open_database()
    yield conn
    conn.close()


def test_the_core_and_reception_laws_are_listed_with_their_versions():
    listed = {e.name: e.version for e in LAWS}
    for name, (version, _) in EXPECTED.items():
        assert listed.get(name) == version


@pytest.mark.parametrize("entry", DATABASE_LAWS, ids=[e.id for e in DATABASE_LAWS])
def test_page_equals_database(entry, db):
    (law_id,) = db.execute("SELECT law_id FROM laws WHERE law_name = ?", (entry.name,)).fetchone()
    rows = db.execute(
        "SELECT article_no, article_no_arabic, article_text FROM articles WHERE law_id = ? ORDER BY id",
        (law_id,),
    ).fetchall()
    for rel in {entry.page, *entry.article_pages}:
        page = parse_law_page(ROOT / "docs" / rel)
        assert page.law.id == entry.id
        assert page.law.name == entry.name
        assert page.law.version == entry.version
        assert page.law.articles == len(rows)
    if entry.name in EXPECTED:
        assert len(rows) == EXPECTED[entry.name][1]
    articles = articles_of(entry)
    assert [a.number for a in articles] == [r[0] for r in rows]
    assert [a.anchor for a in articles] == [f"art-{r[1]}" for r in rows]
    assert len({a.anchor for a in articles}) == len(rows)
    for art, (_, _, text) in zip(articles, rows, strict=True):
        # less the part headings the database files as an article's last lines (民法典: 第三分编 准合同)
        lines = text.rstrip().split("\n")
        while len(lines) > 1 and PART_HEADING.match(lines[-1].strip()):
            lines.pop()
        text = "\n".join(lines)
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
    assert "第六十二条 的条文与来源不一致" in err


def test_import_writes_pages_identical_to_the_committed_ones(tmp_path):
    assert main(["--docs", str(tmp_path)]) == 0
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert len(written) == sum(len(e.article_pages) + (2 if e.parts else 0) for e in LAWS)
    for rel in written:
        assert (tmp_path / rel).read_text(encoding="utf-8") == (ROOT / "docs" / rel).read_text(encoding="utf-8"), rel


def civil_code():
    return next(e for e in LAWS if e.id == "civil-code")


def test_civil_code_has_one_page_per_part_with_every_article_exactly_once():
    entry = civil_code()
    assert [(p.name) for p in entry.parts] == [name for name, _, _ in CIVIL_CODE_PARTS]
    seen: list[int] = []
    for part, (name, first, last) in zip(entry.parts, CIVIL_CODE_PARTS, strict=True):
        page = parse_law_page(ROOT / "docs" / entry.part_page(part))
        meta = page.law.part
        assert (meta.name, meta.first, meta.last, meta.articles) == (name, first, last, last - first + 1)
        assert [a.anchor for a in page.articles] == [f"art-{n}" for n in range(first, last + 1)]
        seen += [int(a.anchor.removeprefix("art-")) for a in page.articles]
    assert seen == list(range(1, 1261))


def test_civil_code_entry_page_lists_the_parts_for_the_citation_engine():
    entry = civil_code()
    index = parse_law_page(ROOT / "docs" / entry.page)
    assert index.articles == []
    assert [(p.name, p.first, p.last, p.page) for p in index.law.parts] == [
        (name, first, last, entry.part_page(part))
        for part, (name, first, last) in zip(entry.parts, CIVIL_CODE_PARTS, strict=True)
    ]
    text = (ROOT / "docs" / entry.page).read_text(encoding="utf-8")
    assert "| [第二编 物权](property.md) | 第二百零五条至第四百六十二条 | 258 |" in text
    assert "- [第十三章 宅基地使用权](property.md#art-362)" in text


def test_a_chapter_never_spans_two_parts():
    """The database files 附则 under 侵权责任编 第十章; the 附则 page shows no chapter heading."""
    page = parse_law_page(ROOT / "docs/laws/civil-code/supplementary.md")
    assert [a.chapter for a in page.articles] == [None, None]
    torts = parse_law_page(ROOT / "docs/laws/civil-code/torts.md")
    assert torts.articles[0].chapter == "第一章 一般规定"
    assert torts.articles[-1].chapter == "第十章 建筑物和物件损害责任"


def test_the_part_headings_the_database_files_inside_articles_are_headings_on_the_pages():
    """The database ends 第九百七十八条 with 第三分编 准合同 and 第九百八十八条 with 第四编 人格权:
    on the pages a 分编 is a heading above its first chapter, a 编 is the title of its own page,
    and no article's text holds either."""
    entry = civil_code()
    for rel in entry.article_pages:
        for article in parse_law_page(ROOT / "docs" / rel).articles:
            for line in article.text.split("\n"):
                assert not PART_HEADING.match(line.strip()), (rel, article.number, line)
    contracts = (ROOT / "docs/laws/civil-code/contracts.md").read_text(encoding="utf-8")
    assert "## 第三分编 准合同 {#subpart-3}\n\n## 第二十八章 无因管理 {#chapter-28}" in contracts
    assert "\n## 第一分编 通则 {#subpart-1}\n\n## 第一章 一般规定 {#chapter-1}" in contracts
    assert "人格权" not in contracts.split("{#art-988}")[1]
    property_page = (ROOT / "docs/laws/civil-code/property.md").read_text(encoding="utf-8")
    assert "## 第四分编 担保物权 {#subpart-4}\n\n## 第十六章 一般规定" in property_page


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda parts: [p for p in parts if p.id != "contracts"],
            "数据库在第 463 条重新从“第一章”编章，说明这里是新的一编，但 parts 里没有从第 463 条开始的部分",
        ),
        (
            lambda parts: [p.model_copy(update={"first": 206}) if p.id == "property" else p for p in parts],
            "部分“第二编 物权”从第 206 条开始，但数据库在这里没有重新从“第一章”编章",
        ),
        (
            lambda parts: [p.model_copy(update={"first": 2}) if p.id == "general" else p for p in parts],
            "第一部分应从第 1 条开始，清单写的是第 2 条",
        ),
    ],
)
def test_part_boundaries_are_checked_against_the_source(db, change, message):
    from macros.laws.importer import split_parts

    entry = civil_code()
    wrong = entry.model_copy(update={"parts": change(list(entry.parts))})
    with pytest.raises(ContentError) as e:
        split_parts(wrong, read_law(db, entry.name))
    assert message in str(e.value) and "data/laws.yaml（中华人民共和国民法典）" in str(e.value)


def test_check_mode_reports_an_article_missing_from_a_part_page(tmp_path, capsys):
    assert main(["--docs", str(tmp_path), "civil-code"]) == 0
    page = tmp_path / "laws/civil-code/property.md"
    text = page.read_text(encoding="utf-8")
    cut = text.index("### 第三百六十二条")
    page.write_text(text[:cut] + text[text.index("### 第三百六十三条") :], encoding="utf-8")
    assert main(["--check", "--docs", str(tmp_path), "civil-code"]) == 1
    assert "property.md：缺少 第三百六十二条（#art-362）" in capsys.readouterr().err


def test_unknown_law_name_is_a_clear_error(db):
    with pytest.raises(ContentError, match="数据库里没有名为“中华人民共和国不存在法”的法律"):
        read_law(db, "中华人民共和国不存在法")


def test_bad_law_list_names_the_entry(tmp_path):
    bad = tmp_path / "laws.yaml"
    bad.write_text(
        textwrap.dedent("""\
        laws:
          - id: Land_Management
            name: 中华人民共和国土地管理法
            short_names: [土地管理法]
            version: x
            adopted: "1986-06-25"
            effective: "2020-1-1"
            status: 现行有效
            colour: red
        """),
        encoding="utf-8",
    )
    with pytest.raises(ContentProblems) as e:
        load_law_list(bad)
    # every wrong field at its own line, all at once
    found = [(p.line, p.message.split("：")[1]) for p in e.value.problems]
    assert found == [(2, "字段 id"), (7, "字段 effective"), (9, "字段 colour")]
    assert all(p.message.startswith("第 1 项（中华人民共和国土地管理法）") for p in e.value.problems)


@pytest.mark.parametrize(
    "line",
    [
        "1. 本项不是列表",
        "- 不是列表",
        "+--+--+",
        "# 不是标题",
        "> 不是引用",
        "a*b*c_d_e",
        "[方括号](不是链接)",
        "<b>不是标签</b> & 符号",
        r"反斜杠\n",
        "{{ 不是宏 }}",
        "`不是代码`",
    ],
)
def test_escaping_round_trips(line):
    assert unescape_markdown(escape_markdown(line)) == line
