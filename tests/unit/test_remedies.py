"""救济途径与时限 (docs/reception/remedies.yaml → docs/reception/remedies.md): the real page shows
every row under its agreed anchor with its time limits, the law pages list it as citing them,
and a bad data file is refused with a Chinese message naming the file, the entry and the article."""

from __future__ import annotations

import html
import re
import textwrap

import pytest

from macros.content.remedies import REMEDIES_FILE, load_remedies, remedies_markdown
from macros.core.errors import ContentError

from ..harness.project import ROOT, real_site

DOCS = ROOT / "docs"
REGISTRY, FINDER = real_site().registry, real_site().finder
# the anchors reception scripts link to (helper brief, issue 12): never renamed
ANCHORS = [
    "administrative-decision",
    "land-dispute-decision",
    "planning-enforcement",
    "administrative-penalty",
    "homestead-refusal",
    "contract-arbitration",
    "arbitration-award",
    "mediation-agreement",
    "petition-review",
    "requisition-compensation",
    "village-committee-decision",
    "village-rules-correction",
    "collective-organization-decision",
    "civil-claims",
    "protection-order",
]


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", fragment)))


@pytest.fixture(scope="module")
def table():
    return load_remedies(DOCS, REGISTRY, FINDER)


# ---- the real data and page ------------------------------------------------------------------


def test_the_real_data_has_every_agreed_row(table):
    assert [r.id for r in table.rows][: len(ANCHORS)] == ANCHORS


def test_the_petition_rows_quote_the_imported_regulations(table):
    """信访工作条例 is a law page now: its quotations are checked against the page like any law's."""
    row = next(r for r in table.rows if r.id == "petition-review")
    cites = [b.cite for route in row.routes for b in route.basis]
    assert "《信访工作条例》第三十五条" in cites
    assert all(REGISTRY.resolve(c.split("》")[0]) is not None for c in cites)
    out = remedies_markdown(table)
    assert "本站尚未收录" not in out


# ---- bad data files --------------------------------------------------------------------------

GOOD_ROUTE = """\
      - remedy: 申请行政复议
        time_limit: 自知道或者应当知道该行政行为之日起六十日内
        body: 县级人民政府
        basis:
          - cite: 《行政复议法》第二十条第一款
            quote: 可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请
"""


def load(tmp_path, rows: str):
    path = tmp_path / "remedies.yaml"
    path.write_text("remedies:\n" + textwrap.dedent(rows), encoding="utf-8")
    return load_remedies(DOCS, REGISTRY, FINDER, path=path)


def row(body: str = GOOD_ROUTE, extra: str = "") -> str:
    return "  - id: sample\n    title: 示例\n    situation: 示例说明。\n" + extra + "    routes:\n" + body


def refused(tmp_path, rows: str) -> str:
    with pytest.raises(ContentError) as e:
        load(tmp_path, rows)
    return str(e.value)


def test_a_good_fixture_loads_and_renders(tmp_path):
    table = load(tmp_path, row())
    out = remedies_markdown(table)
    assert "## 示例 {#sample}" in out
    assert "- **时限**：自知道或者应当知道该行政行为之日起六十日内" in out
    assert "《行政复议法》第二十条第一款：“可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请”" in out
    assert table.sources and all(s.page == "reception/remedies.md" for s in table.sources)


def test_a_wrong_quotation_names_the_file_line_entry_and_article(tmp_path):
    message = refused(
        tmp_path,
        row(
            GOOD_ROUTE.replace("六十日内提出行政复议申请", "九十日内提出行政复议申请").replace(
                "之日起六十日内\n", "之日起九十日内\n"
            )
        ),
    )
    assert re.match(r".*remedies\.yaml 第 10 行：", message), message
    assert "第 1 项（sample）的第 1 种途径（申请行政复议）的依据 1" in message
    assert (
        "引文“可以自知道或者应当知道该行政行为之日起九十日内提出行政复议申请”不在行政复议法第二十条的条文中" in message
    )
    assert "原文是：“公民、法人或者其他组织认为行政行为侵犯其合法权益的" in message


def test_a_time_limit_the_quotation_does_not_state_is_refused(tmp_path):
    message = refused(tmp_path, row(GOOD_ROUTE.replace("之日起六十日内\n", "之日起九十日内\n")))
    assert "remedies.yaml 第 7 行" in message
    assert "时限里的“九十日”不在所附的引文中" in message


def test_an_unknown_field_is_refused(tmp_path):
    message = refused(tmp_path, row(GOOD_ROUTE.replace("        body:", "        bodey: 县级人民政府\n        body:")))
    assert "remedies.yaml" in message and "第 1 项（sample）" in message
    assert "字段 routes.0.bodey：不认识的字段" in message


def test_a_missing_field_is_refused(tmp_path):
    message = refused(tmp_path, "  - id: sample\n    title: 示例\n    routes: []\n")
    assert "字段 situation：缺少必填项" in message


def test_a_citation_of_a_missing_article_is_refused(tmp_path):
    message = refused(tmp_path, row(GOOD_ROUTE.replace("《行政复议法》第二十条第一款", "《行政复议法》第九百条")))
    assert "第 1 项（sample）的第 1 种途径（申请行政复议）的依据 1" in message
    assert "引用“《行政复议法》第九百条”中的第900条不存在" in message


def test_a_citation_of_a_missing_article_in_free_text_is_refused(tmp_path):
    message = refused(tmp_path, row().replace("示例说明。", "见《土地管理法》第九百条。"))
    assert "引用“《土地管理法》第九百条”中的第900条不存在" in message


def test_a_quotation_of_the_petition_regulations_is_checked_against_its_page(tmp_path):
    route = """\
      - remedy: 请求复查
        time_limit: 自收到书面答复之日起30日内
        body: 上一级机关
        basis:
          - cite: 《信访工作条例》第三十五条
            quote: 可以自收到书面答复之日起30日内请求原办理机关、单位的上一级机关、单位复查
"""
    assert load(tmp_path, row(route)).rows[0].routes[0].remedy == "请求复查"
    message = refused(tmp_path, row(route.replace("30日内请求", "60日内请求").replace("30日内\n", "60日内\n")))
    assert "不在信访工作条例第三十五条的条文中" in message
    assert "原文是：“信访人对信访处理意见不服的，可以自收到书面答复之日起30日内" in message
    message = refused(tmp_path, row(route.replace("第三十五条", "第九十条")))
    assert "引用“《信访工作条例》第九十条”中的第90条不存在" in message


def test_a_rule_the_site_does_not_carry_cannot_be_quoted(tmp_path):
    route = GOOD_ROUTE.replace("《行政复议法》第二十条第一款", "《党政机关公文处理工作条例》第九条")
    message = refused(tmp_path, row(route))
    assert "《党政机关公文处理工作条例》本站未收录，引文无法核对" in message


def test_a_link_to_a_row_that_does_not_exist_is_refused(tmp_path):
    message = refused(tmp_path, row().replace("示例说明。", "见[别处](#no-such-row)。"))
    assert "链接“#no-such-row”指向的项不存在" in message


def test_a_duplicate_id_is_refused(tmp_path):
    message = refused(tmp_path, row() + row())
    assert "第 2 项（sample）：id “sample”与前面的项重复" in message


def test_the_site_data_file_is_where_the_readme_says():
    assert (DOCS / REMEDIES_FILE).is_file() and REMEDIES_FILE == "reception/remedies.yaml"  # beside its page
