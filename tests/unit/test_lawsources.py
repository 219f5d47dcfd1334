"""Laws from more than one source (issue 13): the LawRefBook and official-.docx adapters read into
the one law model; the rules imported from source files are on their pages word for word; two
sources of one law are compared article by article; bad source files are refused in Chinese,
naming the file and the problem, and leave the imported pages untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest

from macros.cli.lawimport import main
from macros.core.errors import ContentError, ContentProblems
from macros.core.paths import ProjectPaths
from macros.laws.importer import render_law_page
from macros.laws.lawlist import LawEntry, load_law_list
from macros.laws.lawpage import parse_law_page, parse_law_text
from macros.laws.sources.lawrefbook import read_lawrefbook
from macros.laws.sources.officialdocx import read_official_docx
from macros.laws.sources.reading import SourceReader, comparable, differences

from ..harness.project import PATHS, ROOT

LAWS = load_law_list(PATHS.law_list)
FILE_LAWS = [e for e in LAWS if e.source is not None]
LAWREFBOOK = ROOT / "sources" / "lawrefbook"
VC2018 = LAWREFBOOK / "村民委员会组织法(2018-12-29).md"
_NUM = "零〇一二两三四五六七八九十百千"


def entry(law_id: str) -> LawEntry:
    return next(e for e in LAWS if e.id == law_id)


# ---- the imported rules, against their source files ------------------------------------------


def body_lines(path: Path) -> list[str]:
    """The source file's text after its header, heading lines left out: read plainly here, not
    with the adapter, so that the page is checked against the file and not against itself."""
    text = path.read_text(encoding="utf-8")
    body = text.split("<!-- INFO END -->", 1)[1]
    return [ln.strip() for ln in body.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]


def test_the_two_rules_the_office_uses_most_are_imported_from_their_source_files():
    assert {e.id: e.source.file for e in FILE_LAWS} == {
        "petition-work-regulations": "sources/lawrefbook/信访工作条例(2022-02-25).md",
        "land-management-regulations": "sources/lawrefbook/土地管理法实施条例(2021-07-02).md",
    }


@pytest.mark.parametrize("law", FILE_LAWS, ids=[e.id for e in FILE_LAWS])
def test_every_article_of_the_page_is_the_source_files_text(law):
    """Page article by page article, number + 款, rebuilds the file's body line for line."""
    page = parse_law_page(ROOT / "docs" / law.page)
    lines = body_lines(ROOT / law.source.file)
    starts = [ln for ln in lines if re.match(rf"^第[{_NUM}]+条 ", ln)]
    assert len(page.articles) == len(starts) == page.law.articles
    rebuilt = []
    for a in page.articles:
        paras = a.text.split("\n")
        rebuilt += [f"{a.number} {paras[0]}", *paras[1:]]
    assert rebuilt == lines
    assert [a.anchor for a in page.articles] == [f"art-{n}" for n in range(1, len(starts) + 1)]


def test_the_pages_facts_agree_with_the_source_files_header_and_last_article():
    petitions = parse_law_page(ROOT / "docs/laws/petition-work-regulations.md").law
    assert (petitions.level, petitions.issuer, petitions.effective) == ("党内法规", "中共中央、国务院", "2022-05-01")
    header = (LAWREFBOOK / "信访工作条例(2022-02-25).md").read_text(encoding="utf-8")
    assert "2022年2月25日 中共中央、国务院发布" in header and "2022年1月24日 中共中央政治局会议审议批准" in header
    assert body_lines(LAWREFBOOK / "信访工作条例(2022-02-25).md")[-1] == "第五十条 本条例自2022年5月1日起施行。"

    regs = parse_law_page(ROOT / "docs/laws/land-management-regulations.md").law
    assert (regs.level, regs.issuer, regs.version, regs.adopted, regs.effective) == (
        "行政法规",
        "国务院",
        "2021-07-02 第三次修订",
        "1998-12-27",
        "2021-09-01",
    )
    header = (LAWREFBOOK / "土地管理法实施条例(2021-07-02).md").read_text(encoding="utf-8")
    assert "1998年12月27日 中华人民共和国国务院令第256号发布" in header
    assert "2021年7月2日 中华人民共和国国务院令第743号第三次修订" in header
    assert body_lines(LAWREFBOOK / "土地管理法实施条例(2021-07-02).md")[-1] == "第六十七条 本条例自2021年9月1日起施行。"
    # the provenance stays in the front matter; the reader's info box says it in words
    assert "2f4c5c23716267af9dbebbbbd6cbbf732b101981" in regs.source
    text = (ROOT / "docs/laws/land-management-regulations.md").read_text(encoding="utf-8")
    assert "- **效力级别**：行政法规" in text and "- **制定机关**：国务院" in text
    assert "- **文本来源**：公开法规汇编 LawRefBook/Laws 所载的文本" in text


def test_chapters_and_sections_are_those_of_the_source():
    page = parse_law_page(ROOT / "docs/laws/land-management-regulations.md")
    art = {a.anchor: a for a in page.articles}
    assert (art["art-34"].chapter, art["art-34"].section) == ("第四章 建设用地", "第四节 宅基地管理")
    assert (art["art-67"].chapter, art["art-67"].section) == ("第七章 附则", None)


def test_no_law_page_tells_the_reader_about_the_database():
    """Issue 18: the info box names the source in words for users; editor material (the
    database's own errors) stays in the law list's comments."""
    for path in (ROOT / "docs/laws").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[-1]
        assert "laws.db" not in body and "数据库的错误" not in body and "数据库把" not in body, path
    assert "数据库把本法标为" not in (ROOT / "docs/laws/rural-land-contract.md").read_text(encoding="utf-8")


# ---- the official Word download --------------------------------------------------------------


def official_docx(path: Path, law_file: Path, *, toc: bool = True, stray_spaces: bool = False) -> Path:
    """A Word file laid out as the downloads of 国家法律法规数据库 are (title, the adoption history
    in brackets, 目录, chapters 第一章　总　　则, articles 第一条　…, one paragraph per 款 and 项),
    holding the text of a LawRefBook file."""
    text = law_file.read_text(encoding="utf-8")
    head, body = text.split("<!-- INFO END -->", 1)
    head_lines = [ln.strip() for ln in head.split("\n") if ln.strip()]
    d = docx.Document()
    d.add_paragraph(head_lines[0].lstrip("# "))
    d.add_paragraph("（" + "　".join(head_lines[1:]) + "）")
    chapters = [ln.lstrip("# ").strip() for ln in body.split("\n") if ln.startswith("#")]

    def spaced(heading: str) -> str:  # 第一章 总则 → 第一章　总　　则 (two-character titles spread)
        num, _, title = heading.replace("\u3000", " ").partition(" ")
        title = title.replace(" ", "")
        return f"{num}\u3000{'　　'.join(title) if len(title) == 2 else title}"

    if toc:
        d.add_paragraph("目\u3000\u3000录")
        for c in chapters:
            d.add_paragraph(spaced(c))
    for ln in body.split("\n"):
        ln = ln.strip()
        if not ln:
            continue
        if ln.startswith("#"):
            d.add_paragraph(spaced(ln.lstrip("# ").strip()))
        elif re.match(rf"^第[{_NUM}]+条 ", ln):
            number, rest = ln.split(" ", 1)
            if stray_spaces:
                rest = rest[:4] + " " + rest[4:]
            d.add_paragraph(f"{number}\u3000{rest}")
        else:
            d.add_paragraph("\u3000\u3000" + ln)
    d.save(str(path))
    return path


def test_an_official_docx_reads_into_the_same_law_as_the_lawrefbook_file(tmp_path):
    from_md = read_lawrefbook(VC2018)
    from_docx = read_official_docx(official_docx(tmp_path / "中华人民共和国村民委员会组织法_20181229.docx", VC2018))
    assert from_docx.name == from_md.name == "中华人民共和国村民委员会组织法"
    assert len(from_docx.articles) == 41
    assert [(a.number, a.anchor, a.text, a.chapter, a.section) for a in from_docx.articles] == [
        (a.number, a.anchor, a.text, a.chapter, a.section) for a in from_md.articles
    ]
    assert from_docx.articles[0].chapter == "第一章 总则"  # 第一章　总　　则, spaces of the layout gone
    assert from_docx.header[0].startswith("1998年11月4日")
    assert differences(from_md, from_docx) == []


def test_stray_ascii_spaces_of_the_conversion_are_dropped(tmp_path):
    law = read_official_docx(official_docx(tmp_path / "x.docx", VC2018, toc=False, stray_spaces=True))
    assert law.articles[0].text == read_lawrefbook(VC2018).articles[0].text


# ---- two sources of one law ------------------------------------------------------------------


def test_the_database_and_lawrefbook_agree_on_the_laws_kept_in_both():
    reader = SourceReader(PATHS)
    compared = [e for e in LAWS if e.compare_with]
    assert {e.id for e in compared} == {"land-management", "rural-land-contract"}
    for e in compared:
        first = reader.law(e)
        second = reader.file(e.compare_with[0], e.name)
        assert len(first.articles) == len(second.articles)
        assert differences(first, second) == []
        # they do differ in quote-mark style, which the comparison ignores on purpose
        assert any(a.text != b.text for a, b in zip(first.articles, second.articles, strict=True))
    reader.close()


def test_every_difference_is_listed(tmp_path):
    reader = SourceReader(PATHS)
    e = entry("land-management")
    first = reader.law(e)
    text = (ROOT / e.compare_with[0].file).read_text(encoding="utf-8")
    text = text.replace("农村村民一户只能拥有一处宅基地", "农村村民一户可以拥有两处宅基地")
    text = text.replace("第八十七条 本法自1999年1月1日起施行。", "")
    altered = tmp_path / "土地管理法(2019-08-26).md"
    altered.write_text(text, encoding="utf-8")
    found = differences(first, read_lawrefbook(altered), "数据库", "新文件")
    reader.close()
    assert found[0] == "第八十七条：数据库有，新文件没有"
    assert found[1].startswith("第六十二条：条文不同，“…农村村民一户只能拥有一处") and "可以拥有两处" in found[1]
    assert len(found) == 2


def test_quote_marks_and_spaces_are_style_not_text():
    assert comparable("按照“占多少，垦多少”的原则") == comparable('按照"占多少， 垦多少"的原则')
    assert comparable("甲“乙”") != comparable("甲“丙”")


def test_check_laws_runs_the_two_source_comparison(capsys):
    assert main(["--check", "land-management", "rural-land-contract"]) == 0
    assert "核对 2 部法律，其中 2 部与第二个来源逐条比较：全部一致" in capsys.readouterr().out


# ---- bad source files ------------------------------------------------------------------------

GOOD = "# 青石省示例条例\n\n2026年1月1日 青石省人民代表大会常务委员会通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n"


@pytest.mark.parametrize(
    "body, message",
    [
        ("本条例没有条号。\n", "“本条例没有条号。”不属于任何一条"),
        ("", "没有找到任何条文"),
        ("第一条 甲。\n\n第三条 丙。\n", "第 11 行：条号不连续：第一条之后是第三条，缺少第二条"),
        ("第一条 甲。\n\n第二条 乙。\n\n第二条 乙。\n", "条号重复：第二条出现了 2 次（第 11、13 行）"),
        ("第二条 乙。\n", "第 9 行：条文应从第一条开始，文件的第一条却是第二条"),
        ("第一条 甲。\n\n第二条 乙。\n\n第一条之一 丙。\n", "条号顺序错乱：第二条之后是第一条之一"),
        ("第一条\n\n第二条 乙。\n", "第一条没有条文"),
    ],
)
def test_a_lawrefbook_file_that_does_not_parse_is_refused(tmp_path, body, message):
    path = tmp_path / "青石省示例条例(2026-01-01).md"
    path.write_text(GOOD + body, encoding="utf-8")
    with pytest.raises(ContentError) as e:
        read_lawrefbook(path, "sources/lawrefbook/青石省示例条例(2026-01-01).md")
    assert str(e.value).startswith("sources/lawrefbook/青石省示例条例(2026-01-01).md")
    assert message in str(e.value)


def test_a_file_without_the_lawrefbook_header_is_refused(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("# 青石省示例条例\n\n第一条 甲。\n", encoding="utf-8")
    with pytest.raises(ContentError, match="不是LawRefBook 格式的 Markdown：找不到“<!-- INFO END -->”这一行"):
        read_lawrefbook(path)


def test_a_paragraph_that_begins_by_citing_an_article_stays_a_paragraph(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(GOOD + "第一条 甲。\n\n第二十条规定的期限届满的，依照前款办理。\n\n第二条 乙。\n", encoding="utf-8")
    law = read_lawrefbook(path)
    assert [a.number for a in law.articles] == ["第一条", "第二条"]
    assert law.articles[0].text == "甲。\n第二十条规定的期限届满的，依照前款办理。"


def test_a_file_that_is_not_a_word_document_is_refused(tmp_path):
    fake = tmp_path / "中华人民共和国村民委员会组织法_20181229.docx"
    fake.write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(ContentError, match="不是国家法律法规数据库的 Word 文件（.docx）：文件打不开"):
        read_official_docx(fake, "sources/official/中华人民共和国村民委员会组织法_20181229.docx")


def test_a_word_document_that_is_not_a_law_is_refused(tmp_path):
    d = docx.Document()
    d.add_paragraph("关于召开村“两委”联席会议的通知")
    d.add_paragraph("各村（社区）：定于下周一召开联席会议。")
    d.save(str(tmp_path / "通知.docx"))
    with pytest.raises(ContentError) as e:
        read_official_docx(tmp_path / "通知.docx", "sources/official/通知.docx")
    assert str(e.value).startswith("sources/official/通知.docx：没有找到任何条文")


def test_a_docx_with_a_numbering_gap_is_refused(tmp_path):
    path = official_docx(tmp_path / "x.docx", VC2018)
    d = docx.Document(str(path))
    gone = next(p for p in d.paragraphs if p.text.startswith("第十条\u3000"))
    gone._element.getparent().remove(gone._element)
    d.save(str(path))
    with pytest.raises(ContentError, match="条号不连续：第九条之后是第十一条，缺少第十条"):
        read_official_docx(path)


def test_a_file_under_the_wrong_entry_is_refused():
    wrong = entry("petition-work-regulations").source.model_copy(
        update={"file": "sources/lawrefbook/土地管理法实施条例(2021-07-02).md"}
    )
    with pytest.raises(
        ContentError, match="文件里的法规名称是“中华人民共和国土地管理法实施条例”，与法律清单的“信访工作条例”不一致"
    ):
        SourceReader(PATHS).file(wrong, "信访工作条例")


def project_with_laws(tmp_path: Path, laws_yaml: str) -> Path:
    project = tmp_path / "proj"
    (project / "data").mkdir(parents=True)
    (project / "docs" / "laws").mkdir(parents=True)
    shutil.copytree(ROOT / "sources", project / "sources")
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (project / "data" / "laws.yaml").write_text(laws_yaml, encoding="utf-8")
    return project


PETITIONS = (ROOT / "data/laws.yaml").read_text(encoding="utf-8").split("  - id: petition-work-regulations\n")[1]
PETITIONS = "  - id: petition-work-regulations\n" + PETITIONS.split("\n\n")[0] + "\n"
LOCAL = """\
  - id: qingshi-sample
    name: 青石省示例条例
    short_names: [青石省示例条例]
    level: 地方性法规
    region: 青石省
    version: 2026-01-01 通过
    adopted: "2026-01-01"
    effective: "2026-03-01"
    status: 现行有效
    source:
      file: sources/local/青石省示例条例(2026-01-01).md
      page: https://example.invalid/qingshi
      downloaded: "2026-01-02"
"""


def test_a_bad_source_file_stops_the_import_and_leaves_the_pages_as_they_were(tmp_path, capsys):
    project = project_with_laws(tmp_path, "laws:\n" + PETITIONS + LOCAL)
    (project / "sources" / "local").mkdir()
    local = project / "sources" / "local" / "青石省示例条例(2026-01-01).md"
    local.write_text(GOOD + "第一条 甲。\n\n第二条 乙。\n", encoding="utf-8")
    assert main(["--project", str(project)]) == 0
    pages = {p: p.read_text(encoding="utf-8") for p in (project / "docs/laws").glob("*.md")}
    assert len(pages) == 2
    # the next import meets a gap in the local rule: nothing is written, the old pages stay
    local.write_text(GOOD + "第一条 甲。\n\n第三条 丙。\n", encoding="utf-8")
    (project / "data" / "laws.yaml").write_text(
        "laws:\n" + PETITIONS.replace("version: 2022-02-25 发布", "version: 2022-02-25 发布（改）") + LOCAL,
        encoding="utf-8",
    )
    assert main(["--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "sources/local/青石省示例条例(2026-01-01).md 第 11 行：条号不连续" in err
    assert "没有写入任何页面" in err
    assert {p: p.read_text(encoding="utf-8") for p in (project / "docs/laws").glob("*.md")} == pages
    assert not [p for p in (project / "docs/laws").iterdir() if p.name.startswith(".")]  # no temp file left


# ---- local rules -----------------------------------------------------------------------------


def local_entry(**changes) -> dict:
    import yaml

    raw = yaml.safe_load("laws:\n" + LOCAL)["laws"][0]
    raw.update(changes)
    return raw


def test_a_local_rule_shows_its_level_and_region_and_stays_unreviewed_until_marked():
    e = LawEntry.model_validate(local_entry())
    assert (e.level, e.region, e.reviewed, e.status_shown) == ("地方性法规", "青石省", False, "未经核对")
    law = read_lawrefbook(
        ROOT / "tests/site/scenarios/local-rule/sources/local/青石省农村村民住宅建设管理条例(2026-03-01).md"
    )
    page = render_law_page(e, law)
    assert "- **效力级别**：地方性法规（青石省）" in page
    assert "- **状态**：未经核对（本站编辑还没有把本页的版本、日期和状态与制定机关公布的文本核对过" in page
    meta = parse_law_text(page, Path("x.md")).law
    assert (meta.level, meta.region, meta.reviewed, meta.status_shown) == ("地方性法规", "青石省", False, "未经核对")
    reviewed = LawEntry.model_validate(local_entry(reviewed=True))
    assert "- **状态**：现行有效" in render_law_page(reviewed, law)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"region": None}, "地方性法规要写 region"),
        ({"level": "省级法规"}, "效力级别“省级法规”不认识"),
        ({"level": "法律"}, "region 只用于地方的规定"),
        ({"source": {"file": "sources/local/x.md"}}, "来源文件要写明出处"),
        ({"source": {"file": "docs/x.md", "page": "p", "downloaded": "2026-01-02"}}, "来源文件必须放在 sources/ 下"),
        (
            {"source": {"file": "sources/x.pdf", "page": "p", "downloaded": "2026-01-02"}},
            "只能导入 LawRefBook 格式的 .md",
        ),
    ],
)
def test_a_bad_law_list_entry_for_a_source_file_is_named(tmp_path, changes, message):
    import yaml

    path = tmp_path / "laws.yaml"
    path.write_text(yaml.safe_dump({"laws": [local_entry(**changes)]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises((ContentError, ContentProblems)) as e:
        load_law_list(path)
    assert message in str(e.value) and "青石省示例条例" in str(e.value)


def test_the_project_paths_find_the_sources_folder():
    assert ProjectPaths.at(ROOT).sources == ROOT / "sources"


def test_every_citation_of_the_two_rules_now_resolves_and_counts():
    """The 未收录法律的引用 page lists none of them: each citation links an article of the page and
    is in the citation graph (their quotations are checked word for word as any law's)."""
    from ..harness.project import real_site

    site = real_site()
    unknown = [text for _, _, _, text in site.graph.unknown]
    assert not [t for t in unknown if "信访工作条例" in t or "实施条例" in t], unknown[:5]
    assert site.graph.unverified == []
    cited = {(u.law_id, u.anchor) for u in site.graph.uses}
    assert ("petition-work-regulations", "art-35") in cited  # 30日 to request a review
    assert ("land-management-regulations", "art-34") in cited  # 宅基地 application
    assert len([u for u in site.graph.uses if u.law_id == "petition-work-regulations"]) > 100
