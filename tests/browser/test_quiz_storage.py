"""The quiz pages survive what localStorage can hold (issue 14): a value of the wrong shape is
dropped and reported once, not fatal; blocked storage is said on the page; a hand-made
?module= cannot break the exam page."""

from __future__ import annotations

import json

import pytest

from .test_quiz import answer, check

STORE_KEY = "xzdzb-quiz-v1"


@pytest.mark.parametrize(
    "stored",
    [
        {"q": "abc"},  # a part of the wrong type
        {"q": {"land-management-law-001": "x"}, "book": {"x": "y"}, "best": [1]},  # entries of the wrong shape
        "not json at all",
        ["a", "list"],
    ],
    ids=["part", "entries", "unparseable", "list"],
)
def test_a_wrongly_shaped_stored_value_is_dropped_and_reported_once(page, site_url, stored):
    warnings: list[str] = []
    page.on("console", lambda msg: warnings.append(msg.text + " @" + page.url) if msg.type == "warning" else None)
    page.on("pageerror", lambda err: warnings.append(f"PAGE ERROR {err}"))
    page.goto(f"{site_url}/index.html")
    raw = stored if isinstance(stored, str) else json.dumps(stored)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, raw])
    # practice: 核对 works and the answer is kept
    page.goto(f"{site_url}/training/quizzes/land-management-law.html")
    answer(page, "land-management-law-001", right=False)
    assert "回答错误" in check(page, "land-management-law-001")
    kept = json.loads(page.evaluate("k => localStorage.getItem(k)", STORE_KEY))
    assert kept["q"]["land-management-law-001"]["w"] == 1 and "land-management-law-001" in kept["book"]
    # 错题本 reads it, the exam scores
    page.goto(f"{site_url}/training/quizzes/mistakes.html")
    page.wait_for_selector('.quiz-mistakes-questions [data-question-id="land-management-law-001"]')
    assert "正在读取" not in page.inner_text(".quiz-mistakes-info")
    page.goto(f"{site_url}/training/quizzes/exam.html")
    page.fill(".quiz-exam-setup input[name=count]", "2")
    page.click(".quiz-exam-setup button[type=submit]")
    page.click(".quiz-submit")
    if page.is_visible("text=仍然交卷"):
        page.click("text=仍然交卷")
    assert page.inner_text(".quiz-score").startswith("得分：")
    assert not [w for w in warnings if w.startswith("PAGE ERROR")], warnings
    dropped = [w for w in warnings if "格式不对，已舍弃" in w]
    assert len(dropped) == 1, warnings  # reported once, on the first page that read it


def test_blocked_storage_is_said_on_the_page_and_the_quiz_still_works(browser, site_url):
    context = browser.new_context(locale="zh-CN")
    context.add_init_script("""Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('blocked', 'SecurityError'); } });""")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(f"{site_url}/training/quizzes/land-management-law.html")
    note = page.locator(".quiz-storage-note").first
    assert note.is_visible() and "做题进度和错题本只在本页打开期间有效" in note.inner_text()
    answer(page, "land-management-law-001", right=True)
    assert "回答正确" in check(page, "land-management-law-001")
    assert errors == []
    context.close()


@pytest.mark.parametrize("module", ['"]x', "no-such-module", "<script>", "land-management-law"])
def test_the_exam_page_takes_any_module_parameter(page, site_url, module):
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(f"{site_url}/training/quizzes/exam.html?module={module}")
    page.wait_for_selector(".quiz-exam-setup")
    chosen = page.eval_on_selector(".quiz-exam-setup select[name=module]", "el => el.value")
    assert chosen == ("land-management-law" if module == "land-management-law" else "all")
    assert errors == []
