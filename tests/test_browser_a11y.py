"""Accessibility: axe-core (npm package, pinned in package.json; `make test` runs npm ci)
injected by Playwright into one page of every kind, and into the states that scripts draw
(search results, quiz feedback, an exam and its score): no serious or critical violation.

No rule is switched off. Moderate and minor findings are not counted here; the ones known on
the site are `heading-order` on law pages whose chapter has no 节 (the importer writes articles
as h4 under an h2 chapter) and Material's `landmark-unique` (its two navigation landmarks)."""
from __future__ import annotations

import pytest

from .conftest import ROOT
from .searchpage import search
from .sitepages import PAGES
from .test_browser_quiz import answer, check

AXE = ROOT / "node_modules/axe-core/axe.min.js"
BLOCKING = ("serious", "critical")

RUN_AXE = """async (blocking) => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.filter(v => blocking.includes(v.impact)).map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary})),
  }));
}"""


def serious_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"没有找到 {AXE.relative_to(ROOT)}：请先在仓库根目录运行 npm ci（make test 会自动运行）")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, list(BLOCKING))


def readable(violations: list[dict], shown: int = 5) -> str:
    """One block per rule: id, impact, what it asks, and the first offending elements."""
    out = []
    for v in violations:
        out.append(f"[{v['impact']}] {v['id']}：{v['help']}（{len(v['nodes'])} 处）")
        for n in v["nodes"][:shown]:
            summary = " ".join(n["summary"].split())
            out.append(f"    {n['target']}\n      {n['html'][:160]}\n      {summary[:300]}")
        if len(v["nodes"]) > shown:
            out.append(f"    ……另有 {len(v['nodes']) - shown} 处")
    return "\n".join(out)


def assert_accessible(page, what: str) -> None:
    violations = serious_violations(page)
    assert not violations, f"{what} 有严重的无障碍问题（axe-core）：\n{readable(violations)}"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violation(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    assert_accessible(page, path)


def test_search_results_are_accessible(page, site_url):
    page.goto(f"{site_url}/index.html")
    search(page, "宅基地")
    assert page.is_visible("li.md-search-result__item")
    assert_accessible(page, "搜索结果")


def test_quiz_feedback_is_accessible(page, site_url):
    page.goto(f"{site_url}/training/quizzes/land-management-law.html")
    answer(page, "land-management-law-001", right=True)
    assert "回答正确" in check(page, "land-management-law-001")
    answer(page, "land-management-law-002", right=False)
    assert "回答错误" in check(page, "land-management-law-002")
    page.click('[data-question-id="land-management-law-003"] .quiz-check')  # 请先作答 hint
    assert_accessible(page, "练习页（已核对对、错各一题）")


def test_exam_and_its_score_are_accessible(page, site_url):
    page.goto(f"{site_url}/training/quizzes/exam.html")
    page.fill(".quiz-exam-setup input[name=count]", "3")
    page.click(".quiz-exam-setup button[type=submit]")
    assert page.locator(".quiz-exam-questions .quiz-question").count() == 3
    assert_accessible(page, "考试（作答中）")
    page.click(".quiz-submit")
    assert page.inner_text(".quiz-score").startswith("得分：")
    assert_accessible(page, "考试（交卷后）")
