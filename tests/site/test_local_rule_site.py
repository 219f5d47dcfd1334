"""A provincial regulation added the way an editor adds one (issue 13): its file kept under
sources/, one entry in data/laws.yaml (level 地方性法规, region), `make import-laws` — and the site
builds with the rule's page, its level and region on the page and in the catalogue, its status
未经核对 until the entry says reviewed, and citations of it linked like any law's."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from macros.cli.lawimport import main as lawimport

from ..harness.project import SCENARIOS, build_site, make_project

SCENARIO = SCENARIOS / "local-rule"


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def local_rule_project(dst: Path, entry: str | None = None) -> Path:
    project = make_project(
        dst, docs=["laws/land-management.md", "laws/index.md", "indexes", "assets"], scenario="local-rule"
    )
    for data in (project / "docs/indexes").glob("*.yaml"):  # no glossary in this scenario
        data.unlink()
    with (project / "data/laws.yaml").open("a", encoding="utf-8") as f:
        f.write("\n" + (entry or (SCENARIO / "law-entry.yaml").read_text(encoding="utf-8")))
    assert lawimport(["--project", str(project), "qingshi-rural-housing"]) == 0
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("local-rule")
    result = build_site(local_rule_project(tmp / "proj"), tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return tmp / "site"


def test_the_rules_page_shows_level_region_and_unreviewed_status(site):
    page = (site / "laws/qingshi-rural-housing.html").read_text(encoding="utf-8")
    info = text_of(page[page.index("版本与来源") : page.index('id="chapter-1"')]).replace(" ", "")
    assert "效力级别：地方性法规（青石省）" in info
    assert "制定机关：青石省人民代表大会常务委员会" in info
    assert "状态：未经核对（本站编辑还没有把本页的版本、日期和状态与制定机关公布的文本核对过" in info
    assert "现行有效" not in info  # the unreviewed status is not shown as if it were checked
    assert "文本来源：2026-03-02从https://www.qingshi.invalid/rd/2026/housing.html下载的文本" in info
    # every article with its anchor; 款 and 项 as the file has them
    for n in range(1, 7):
        assert f'id="art-{n}"' in page
    art3 = text_of(page[page.index('id="art-3"') : page.index('id="art-4"')])
    assert "（一）平原地区每户不超过一百二十平方米；" in art3
    assert "设区的市人民政府可以在前款规定的幅度内" in art3
    assert "第一节 宅基地面积" in text_of(page)


def test_the_catalogue_lists_its_level_and_region(site):
    catalogue = (site / "laws/index.html").read_text(encoding="utf-8")
    rows = {text_of(r).split(" ")[0]: text_of(r) for r in re.findall(r"<tr>(.*?)</tr>", catalogue, re.S)}
    assert rows["青石省农村村民住宅建设管理条例"] == (
        "青石省农村村民住宅建设管理条例 地方性法规 青石省 2026-01-20 修订 2026-03-01 未经核对 6"
    )
    assert rows["中华人民共和国土地管理法"].split(" ")[1:3] == ["法律", "全国"]


def test_citations_of_the_rule_link_and_their_quotation_is_checked(site):
    page = (site / "reception/local-homestead.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a class="law-cite" href="([^"]+)"', page)
    assert "../laws/qingshi-rural-housing.html#art-3" in hrefs
    assert "../laws/qingshi-rural-housing.html#art-5" in hrefs
    assert "../laws/land-management.html#art-62" in hrefs
    law = (site / "laws/qingshi-rural-housing.html").read_text(encoding="utf-8")
    art5 = law[law.index('id="art-5"') : law.index('id="art-6"')]
    assert "村民申请建房（本省规定）" in art5  # the backlink under the cited article


def test_once_reviewed_the_status_is_the_lists(tmp_path):
    entry = (SCENARIO / "law-entry.yaml").read_text(encoding="utf-8") + "    reviewed: true\n"
    project = local_rule_project(tmp_path / "proj", entry)
    text = (project / "docs/laws/qingshi-rural-housing.md").read_text(encoding="utf-8")
    assert "    - **状态**：现行有效" in text and "未经核对" not in text


def test_a_wrong_quotation_of_the_rule_fails_the_build(tmp_path):
    project = local_rule_project(tmp_path / "proj")
    page = project / "docs/reception/local-homestead.md"
    page.write_text(page.read_text(encoding="utf-8").replace("二十个工作日", "三十个工作日"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "docs/reception/local-homestead.md 第 9 行" in log
    assert "引文“乡、镇人民政府应当自受理申请之日起三十个工作日内作出是否批准的决定”不在" in log


def test_the_new_old_table_and_history_notes_come_from_the_two_texts(site):
    """No 修改决定 in the list: the table and the 沿革 notes are derived from the 2024 and 2026 texts."""
    table = (site / "laws/qingshi-rural-housing-renumbering.html").read_text(encoding="utf-8")
    rows = {
        int(n): text_of(r) for n, r in re.findall(r'<tr>\s*<td><span id="old-(\d+)"></span>(.*?)</tr>', table, re.S)
    }
    assert rows == {
        1: "原第一条 第一条 修改",
        2: "原第二条 第二条 未修改",
        3: "原第三条 第三条 、 第四条 修改；第二款并入第四条",
        4: "原第四条 第五条 内容未变，序号调整",
        5: "原第五条 第六条 修改",
    }
    added = table[table.index('id="added"') :]
    assert re.findall(r'qingshi-rural-housing.html#art-(\d+)">', added) == []  # every article has an old source
    law = (site / "laws/qingshi-rural-housing.html").read_text(encoding="utf-8")

    def note(n: int) -> str:
        frag = law[law.index(f'id="art-{n}"') :]
        return text_of(re.search(r"<p class=\"article-history\">(.*?)</p>", frag, re.S).group(1)).replace(" ", "")

    assert note(4) == "沿革：原第三条第二款，2026年修改时单独成条。"
    assert note(5) == "沿革：原第四条，2026年修改时只调整了条文序号，内容未变。"
    assert note(2) == "沿革：原第二条，2026年修改未涉及本条。"
