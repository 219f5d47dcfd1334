"""Quizzes in a real browser (Debian chromium): practice, exam, 错题本, progress after a
reload, and the same from file://."""

from __future__ import annotations

import re

from ..harness.project import real_site

BANK = real_site().bank
ANSWERS = {cq.q.id: cq.q for cq in BANK.questions()}


def answer(page, qid: str, right: bool = True) -> None:
    """Answer one question on the page, rightly or wrongly."""
    q = ANSWERS[qid]
    root = f'[data-question-id="{qid}"]'
    if q.type == "fill":
        page.fill(f"{root} input[type=text]", q.answer_data()[0] if right else "不知道")
    elif q.type == "truefalse":
        page.check(f'{root} input[value="{str(q.answer if right else not q.answer).lower()}"]')
    elif q.type == "single":
        letter = q.answer if right else next(x for x in "ABCDEF" if x != q.answer)
        page.check(f'{root} input[value="{letter}"]')
    else:
        letters = q.answer_data() if right else q.answer_data()[:1]
        for letter in letters:
            page.check(f'{root} input[value="{letter}"]')


def shown_letter(page, qid: str, value: str) -> str:
    """The letter on screen of the option whose value (the file's letter) is `value`."""
    return page.inner_text(f'[data-question-id="{qid}"] input[value="{value}"] + .quiz-letter').rstrip(".")


def screen_order(page, qid: str) -> list[str]:
    return page.eval_on_selector_all(f'[data-question-id="{qid}"] fieldset input', "els => els.map(e => e.value)")


def check(page, qid: str) -> str:
    page.click(f'[data-question-id="{qid}"] .quiz-check')
    return page.inner_text(f'[data-question-id="{qid}"] .quiz-verdict')


def test_practice_right_and_wrong_show_score_explanation_and_source(page, site_url):
    page.goto(f"{site_url}/training/quizzes/land-management-law.html")
    feedback = '[data-question-id="land-management-law-001"] .quiz-feedback'
    assert not page.is_visible(feedback)
    answer(page, "land-management-law-001", right=True)
    assert "回答正确" in check(page, "land-management-law-001")
    assert page.is_visible(feedback)
    assert "一户一宅" in page.inner_text(feedback)
    assert not page.is_visible('[data-question-id="land-management-law-001"] .quiz-check')
    assert page.is_visible('[data-question-id="land-management-law-001"] .quiz-retry')
    answer(page, "land-management-law-002", right=False)
    assert "回答错误" in check(page, "land-management-law-002")
    # the right answer is named by the letter it has on screen, with its words
    right = ANSWERS["land-management-law-002"]
    shown = shown_letter(page, "land-management-law-002", right.answer)
    assert f"正确答案：{shown}. {right.options_list['ABCDEF'.index(right.answer)]}" in page.inner_text(
        '[data-question-id="land-management-law-002"] .quiz-feedback'
    )
    assert page.inner_text(".quiz-session") == "本次核对 2 题，答对 1 题"
    assert page.inner_text(".quiz-status .quiz-progress") == "已答对 1 / 27 题"
    # one click from the explanation to the article
    page.click('[data-question-id="land-management-law-001"] .quiz-source a')
    page.wait_for_url(re.compile(r"/laws/land-management\.html#art-62$"))
    assert page.is_visible("#art-62")


def test_checking_without_an_answer_asks_for_one(page, site_url):
    page.goto(f"{site_url}/training/quizzes/villagers-committee-law.html")
    qid = "villagers-committee-law-002"
    page.click(f'[data-question-id="{qid}"] .quiz-check')
    assert page.inner_text(f'[data-question-id="{qid}"] .quiz-hint') == "请先作答，再核对。"
    assert not page.is_visible(f'[data-question-id="{qid}"] .quiz-feedback')
    answer(page, qid)  # a fill-in question: 五
    assert "回答正确" in check(page, qid)


def test_progress_survives_a_reload_and_shows_on_the_study_path(page, site_url):
    page.goto(f"{site_url}/training/quizzes/land-contract-law.html")
    for qid in ("land-contract-law-001", "land-contract-law-012", "land-contract-law-023"):
        answer(page, qid)
        assert "回答正确" in check(page, qid)
    page.reload()
    assert page.inner_text(".quiz-status .quiz-progress") == "已答对 3 / 28 题"
    page.goto(f"{site_url}/training/quizzes/index.html")
    assert page.inner_text('.quiz-progress[data-module="land-contract-law"]') == "已答对 3 / 28 题"
    assert page.inner_text('.quiz-progress[data-module="land-management-law"]') == "尚未练习"


def test_exam_draws_n_distinct_questions_and_scores_them(page, site_url):
    page.goto(f"{site_url}/training/quizzes/exam.html?module=villagers-committee-2025")
    assert page.input_value(".quiz-exam-setup select") == "villagers-committee-2025"
    page.fill(".quiz-exam-setup input[name=count]", "6")
    page.click(".quiz-exam-setup button[type=submit]")
    drawn = page.eval_on_selector_all(
        ".quiz-exam-questions .quiz-question", "els => els.map(e => e.dataset.questionId)"
    )
    assert len(drawn) == 6 and len(set(drawn)) == 6
    assert all(q.startswith("villagers-committee-2025-") for q in drawn)
    assert page.eval_on_selector_all(".quiz-exam-questions .quiz-question", "els => els.every(e => e.offsetParent)")
    assert not page.is_visible(".quiz-exam-questions .quiz-check")  # no checking during an exam
    for qid in drawn[:4]:
        answer(page, qid, right=True)
    answer(page, drawn[4], right=False)  # and drawn[5] left blank
    page.click(".quiz-submit")
    # a blank is named before handing in; going back keeps the exam open
    assert page.inner_text(".quiz-blank-text") == "还有 1 题没有作答（第 6 题），交卷后按答错计。要交卷吗？"
    assert not page.is_visible(".quiz-result")
    page.click(".quiz-back")
    assert not page.is_visible(".quiz-blank-warning")
    page.click(".quiz-submit")
    page.click(".quiz-submit-anyway")
    assert page.inner_text(".quiz-score") == "得分：67 分（答对 4 / 6 题），这是本范围的第一次考试"
    review = page.inner_text(".quiz-review")
    assert "第 5 题" in review and "第 6 题" in review and "第 1 题" not in review
    for qid in drawn[4:]:  # wrong ones keep their explanation open for review
        assert page.is_visible(f'[data-question-id="{qid}"] .quiz-explanation')
    assert "未作答" in page.inner_text(f'[data-question-id="{drawn[5]}"] .quiz-verdict')
    # a second exam draws again from the same pool, and the best score is kept
    page.click(".quiz-again")
    page.fill(".quiz-exam-setup input[name=count]", "3")
    page.click(".quiz-exam-setup button[type=submit]")
    assert page.locator(".quiz-exam-questions .quiz-question").count() == 3
    page.click(".quiz-submit")
    page.click(".quiz-submit-anyway")
    assert page.inner_text(".quiz-score") == "得分：0 分（答对 0 / 3 题），最好成绩 67 分"
    page.goto(f"{site_url}/training/quizzes/index.html")
    assert "考试最好成绩 67 分" in page.inner_text('.quiz-progress[data-module="villagers-committee-2025"]')


def test_mistakes_stay_until_answered_right_twice(page, site_url):
    page.goto(f"{site_url}/training/quizzes/land-management-law.html")
    answer(page, "land-management-law-010", right=False)
    assert "回答错误" in check(page, "land-management-law-010")
    page.goto(f"{site_url}/training/quizzes/villagers-committee-law.html")
    answer(page, "villagers-committee-law-016", right=False)
    check(page, "villagers-committee-law-016")
    page.goto(f"{site_url}/training/quizzes/mistakes.html")
    listed = page.eval_on_selector_all(
        ".quiz-mistakes-questions .quiz-question", "els => els.map(e => e.dataset.questionId)"
    )
    assert listed == ["land-management-law-010", "villagers-committee-law-016"]
    assert page.inner_text(".quiz-mistakes-info") == "错题本里有 2 道题。"
    qid = "land-management-law-010"
    answer(page, qid)
    assert check(page, qid) == "✔ 回答正确（再答对一次就移出错题本）"
    page.click(f'[data-question-id="{qid}"] .quiz-retry')
    answer(page, qid)
    assert check(page, qid) == "✔ 回答正确（已答对两次，移出错题本）"
    page.reload()
    listed = page.eval_on_selector_all(
        ".quiz-mistakes-questions .quiz-question", "els => els.map(e => e.dataset.questionId)"
    )
    assert listed == ["villagers-committee-law-016"]


def test_quiz_works_from_file_url(page, built_site):
    url = (built_site / "training/quizzes/villagers-committee-2025.html").as_uri()
    page.goto(url)
    qid = "villagers-committee-2025-013"
    answer(page, qid)
    assert "回答正确" in check(page, qid)
    page.reload()
    assert page.inner_text(".quiz-status .quiz-progress") == "已答对 1 / 32 题"
    page.goto((built_site / "training/quizzes/exam.html").as_uri())
    page.fill(".quiz-exam-setup input[name=count]", "4")
    page.click(".quiz-exam-setup button[type=submit]")
    assert page.locator(".quiz-exam-questions .quiz-question").count() == 4


def test_options_are_shuffled_on_screen_and_checking_still_uses_the_key(page, site_url):
    """Each showing draws a new order: letters on screen run A, B, C … down the page, the
    "正确答案" line and the marks follow them, and checking compares the file's key."""
    url = f"{site_url}/training/quizzes/villagers-committee-law.html"
    choice = [cq.q for cq in BANK.modules["villagers-committee-law"].questions if cq.q.type in ("single", "multiple")]
    page.goto(url)
    first = {q.id: screen_order(page, q.id) for q in choice}
    assert all(
        sorted(order) == list("ABCDEF"[: len(q.options_list)]) for q, order in zip(choice, first.values(), strict=True)
    )
    moved = [qid for qid, order in first.items() if order != sorted(order)]
    assert len(moved) > len(choice) // 2, moved  # not the file's order
    for q in choice[:3]:
        letters = page.eval_on_selector_all(
            f'[data-question-id="{q.id}"] .quiz-letter', "els => els.map(e => e.textContent)"
        )
        assert letters == [f"{x}." for x in "ABCDEF"[: len(q.options_list)]]
    page.reload()
    again = {q.id: screen_order(page, q.id) for q in choice}
    assert again != first  # a new order on each showing, not one fixed per question

    single = next(q for q in choice if q.type == "single")
    answer(page, single.id, right=True)
    assert "回答正确" in check(page, single.id)
    root = f'[data-question-id="{single.id}"]'
    letter = shown_letter(page, single.id, single.answer)
    text = single.options_list["ABCDEF".index(single.answer)]
    assert page.inner_text(f"{root} .quiz-answer") == f"正确答案：{letter}. {text}"
    chosen = page.inner_text(f"{root} .quiz-option.quiz-chosen")
    assert text in chosen and "← 你的选择（正确）" in chosen and "✔ 正确答案" in chosen

    multiple = next(q for q in choice if q.type == "multiple")
    answer(page, multiple.id, right=False)  # only the first right option ticked
    assert "回答错误" in check(page, multiple.id)
    root = f'[data-question-id="{multiple.id}"]'
    marked = page.eval_on_selector_all(f"{root} .quiz-option.quiz-correct input", "els => els.map(e => e.value)")
    assert sorted(marked) == multiple.answer_data()
    assert page.locator(f"{root} .quiz-option.quiz-chosen").count() == 1
    shown = sorted(shown_letter(page, multiple.id, x) for x in multiple.answer_data())
    assert page.inner_text(f"{root} .quiz-answer").startswith(f"正确答案：{shown[0]}. ")
    # 再做一次 always draws an order other than the one just answered, and clears the marks
    for _ in range(8):
        before = screen_order(page, multiple.id)
        page.click(f"{root} .quiz-retry")
        assert screen_order(page, multiple.id) != before
        assert page.locator(f"{root} .quiz-mark").count() == 0
        answer(page, multiple.id, right=False)
        check(page, multiple.id)


def test_the_mistakes_book_names_the_unit_and_the_answer_given(page, site_url):
    q = ANSWERS["land-contract-law-001"]
    page.goto(f"{site_url}/training/quizzes/land-contract-law.html")
    answer(page, q.id, right=False)
    given = next(x for x in "ABCDEF" if x != q.answer)
    check(page, q.id)
    page.goto(f"{site_url}/training/quizzes/mistakes.html")
    unit = page.inner_text(f'[data-question-id="{q.id}"] .quiz-unit')
    letter = shown_letter(page, q.id, given)
    assert unit == (
        f"单元：农村土地承包法与调解仲裁法要点 · 上次答的是：{letter}. {q.options_list['ABCDEF'.index(given)]}（答错 1 次）"
    )
    page.click(f'[data-question-id="{q.id}"] .quiz-unit a')
    page.wait_for_url(re.compile(r"/training/quizzes/land-contract-law\.html$"))
