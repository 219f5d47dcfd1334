"""Accessibility: axe-core (npm package, pinned in package.json; `make test` runs npm ci)
injected by Playwright into one page of every kind, and into the states that scripts draw
(search results, quiz feedback, an exam and its score): no serious or critical violation.

No rule is switched off. Moderate and minor findings are not counted here; the ones known on
the site are `heading-order` on law pages whose chapter has no 节 (the importer writes articles
as h4 under an h2 chapter) and Material's `landmark-unique` (its two navigation landmarks)."""

from __future__ import annotations

import pytest

from ..harness.browser import search
from ..harness.project import ROOT
from .sitepages import PAGES
from .test_quiz import answer, check

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


# Material fades the search panel in (opacity, 0.4 s); axe-core measuring mid-fade sees the
# result text lighter than it is (#979797 instead of #757575) and fails about 3 runs in 5.
# Wait until no animation or transition runs and every ancestor of the results is opaque.
SETTLED = """() => {
  if (document.getAnimations().some(a => a.playState === "running" || a.pending)) return false;
  for (let el = document.querySelector("li.md-search-result__item"); el; el = el.parentElement)
    if (parseFloat(getComputedStyle(el).opacity) < 1) return false;
  return true;
}"""


def open_search_results(page, site_url: str, query: str = "宅基地") -> None:
    page.goto(f"{site_url}/index.html")
    search(page, query)
    assert page.is_visible("li.md-search-result__item")
    page.wait_for_function(SETTLED, polling="raf", timeout=5000)


def test_search_results_are_accessible(page, site_url):
    open_search_results(page, site_url)
    assert_accessible(page, "搜索结果")


def test_search_check_waits_for_the_fade_in(page, site_url):
    """The panel is measured settled: fully opaque, its text in the colour the reader sees."""
    open_search_results(page, site_url)
    state = page.evaluate("""() => ({
      opacity: getComputedStyle(document.querySelector(".md-search__output")).opacity,
      running: document.getAnimations().filter(a => a.playState === "running").length,
    })""")
    assert state == {"opacity": "1", "running": 0}


def test_search_check_still_catches_a_real_contrast_fault(page, site_url):
    """Waiting must not hide a real fault: pale result text is still reported."""
    open_search_results(page, site_url)
    page.add_style_tag(content=".md-search-result__article p { color: #b0b0b0 !important; }")
    violations = serious_violations(page)
    contrast = [v for v in violations if v["id"] == "color-contrast"]
    assert contrast, f"浅色的搜索结果文字应被 axe-core 报出对比度不足，实际：{readable(violations)}"
    assert any("md-search-result" in n["target"] or "<p>" in n["html"] for n in contrast[0]["nodes"])


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
    page.click(".quiz-submit")  # all three blank: the warning first
    assert page.is_visible(".quiz-blank-warning")
    assert_accessible(page, "考试（未答完就交卷的提示）")
    page.click(".quiz-submit-anyway")
    assert page.inner_text(".quiz-score").startswith("得分：")
    assert_accessible(page, "考试（交卷后）")
