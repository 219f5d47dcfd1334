"""The quiz bank's checks: every bad file fails with the file, the question id and what to do.
Fixtures are tiny quiz files written next to the real law pages (docs/laws), so article
citations resolve against the real text."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from macros.content.quiz_model import load_quiz_bank, resolve_citation
from macros.core.errors import ContentError, ContentProblems
from macros.laws.lawpage import normalise_text

from ..harness.project import ROOT, real_site

DOCS = ROOT / "docs"


def load_bank(quiz_dir: Path | None = None):
    site = real_site()
    return load_quiz_bank(DOCS, site.registry, site.finder, {r: t for r, t in site.titles.items()}, quiz_dir=quiz_dir)


GOOD = """\
  - id: {m}-001
    type: single
    question: 农村村民一户可以拥有几处宅基地？
    options: [一处, 两处]
    answer: A
    explanation: 一户一宅。
    source: 《土地管理法》第六十二条
    fact: 一处宅基地
"""


def write(tmp_path: Path, module: str, questions: str, name: str | None = None) -> Path:
    quiz_dir = tmp_path / "quizzes"
    quiz_dir.mkdir(exist_ok=True)
    path = quiz_dir / f"{name or module}.yaml"
    path.write_text(f"module: {module}\ntitle: 测试\nquestions:\n{textwrap.dedent(questions)}", encoding="utf-8")
    return path


def error_of(tmp_path: Path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load_bank(tmp_path / "quizzes")
    return info.value


def question(**changes) -> str:
    fields = {
        "id": "m-001",
        "type": "single",
        "question": "问题？",
        "options": "[甲, 乙, 丙]",
        "answer": "A",
        "explanation": "解析。",
        "source": "《土地管理法》第六十二条",
        "fact": "一处宅基地",
    }
    fields.update(changes)
    lines = [f"{k}: {v}" for k, v in fields.items() if v is not None]
    return "  - " + "\n    ".join(lines) + "\n"


def test_a_good_file_loads(tmp_path):
    write(tmp_path, "m", GOOD.format(m="m"))
    bank = load_bank(tmp_path / "quizzes")
    cq = bank.modules["m"].questions[0]
    assert cq.link_target == "laws/land-management.md#art-62"
    assert cq.q.answer_data() == "A"


def line_of(path, key: str) -> int:
    """The line of a question's field in the written file: messages name the field's own line."""
    return next(
        i
        for i, ln in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if ln.strip().removeprefix("- ").startswith(f"{key}:")
    )


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"answer": "[A, B]"}, "题目 m-001：单选题的答案应为一个选项字母（如 A），现在是 ['A', 'B']"),
        (
            {"type": "multiple", "answer": "A"},
            "题目 m-001：多选题的答案应为至少两个选项字母的列表（如 [A, C]），现在是 'A'",
        ),
        (
            {"type": "truefalse", "options": None, "answer": "A"},
            "题目 m-001：判断题的答案应为 true 或 false，现在是 'A'",
        ),
        ({"type": "truefalse", "answer": "true"}, "题目 m-001：判断题不应有选项 options"),
        (
            {"type": "fill", "options": None, "question": "填＿＿＿", "answer": "true"},
            "题目 m-001：填空题的答案应为文字，或可接受答案的列表（数字请加引号），现在是 True",
        ),
        (
            {"type": "fill", "options": None, "question": "没有空", "answer": "一处"},
            "题目 m-001：填空题的题干里应有 ＿＿＿ 或 ____ 表示要填的空",
        ),
    ],
)
def test_answer_key_must_fit_the_question_type(tmp_path, changes, message):
    path = write(tmp_path, "m", question(**changes))
    err = error_of(tmp_path)
    assert str(err) == f"{path} 第 {line_of(path, 'answer')} 行：{message}"


def test_answer_letter_must_be_among_the_options(tmp_path):
    path = write(tmp_path, "m", question(answer="D"))
    assert str(error_of(tmp_path)) == f"{path} 第 8 行：题目 m-001：答案 D 不在选项之中（本题只有 A–C 3 个选项）"
    write(tmp_path, "m", question(type="multiple", answer="[A, E]"))
    assert "题目 m-001：答案 E 不在选项之中" in str(error_of(tmp_path))


def test_id_must_carry_its_module(tmp_path):
    # ids are <module>-NNN, so a copy pasted into another module's file is caught there
    write(tmp_path, "m", question(id="m-001"))
    second = write(tmp_path, "m2", question(id="m-001"))
    assert str(error_of(tmp_path)) == f"{second} 第 4 行：题目 m-001：编号应为 m2-NNN 的形式（如 m2-001）"


def test_duplicate_id_names_both_places(tmp_path):
    first = write(tmp_path, "m", question(id="m-001") + question(id="m-001").replace("问题？", "另一题？"))
    assert str(error_of(tmp_path)) == f"{first} 第 12 行：题目 m-001：编号重复，{first} 第 4 行已经用过；请改用新的编号"


def test_missing_explanation_or_source(tmp_path):
    path = write(tmp_path, "m", question(explanation=None))
    assert str(error_of(tmp_path)) == f"{path} 第 4 行：题目 m-001：缺少解析 explanation"
    write(tmp_path, "m", question(source=None, fact=None))
    assert str(error_of(tmp_path)) == f"{path} 第 4 行：题目 m-001：缺少出处 source"
    write(tmp_path, "m", question(explanation="''"))
    assert str(error_of(tmp_path)) == f"{path} 第 9 行：题目 m-001：字段 explanation：不能为空"


def test_fact_must_be_in_the_cited_article(tmp_path):
    path = write(tmp_path, "m", question(fact="两处宅基地"))
    assert str(error_of(tmp_path)) == (
        f"{path} 第 11 行：题目 m-001：fact“两处宅基地”在《土地管理法》第六十二条"
        f"（中华人民共和国土地管理法第六十二条）的条文中找不到；请从条文中原样摘抄"
    )


def test_article_citation_needs_a_fact_and_a_real_article(tmp_path):
    path = write(tmp_path, "m", question(fact=None))
    assert str(error_of(tmp_path)) == (
        f"{path} 第 10 行：题目 m-001：出处是条文时必须写 fact（从条文中原样摘抄答案所依据的词句）"
    )
    write(tmp_path, "m", question(source="《土地管理法》第九百条"))
    assert str(error_of(tmp_path)) == (
        f"{path} 第 10 行：题目 m-001：出处“《土地管理法》第九百条”找不到：《土地管理法》共 87 条，没有这一条"
    )
    write(tmp_path, "m", question(source="《森林法》第三条"))
    assert "题目 m-001：出处里的《森林法》不在本站法律库中" in str(error_of(tmp_path))


def test_page_source_must_exist(tmp_path):
    path = write(tmp_path, "m", question(source="training/no-such-page.md#x", fact=None))
    assert str(error_of(tmp_path)) == (
        f"{path} 第 10 行：题目 m-001：出处 training/no-such-page.md#x 指向的页面 docs/training/no-such-page.md 不存在"
    )


def test_module_must_match_the_file_name(tmp_path):
    path = write(tmp_path, "other", question(id="other-001"), name="m")
    assert str(error_of(tmp_path)) == f"{path} 第 1 行：module 写的是“other”，但文件名是 m.yaml；两者应一致"


def test_unknown_key_is_an_error(tmp_path):
    path = write(tmp_path, "m", question(explaination="拼错了"))
    assert str(error_of(tmp_path)) == (
        f"{path} 第 12 行：题目 m-001：字段 explaination：不认识的字段（请检查拼写，或删除它）"
    )


def test_bad_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "m", question() + "  - id: m-002\n    question: [没有闭合\n")
    err = error_of(tmp_path)
    assert err.path == str(path) and err.line == 13  # where the bracket opens, not the end of file
    assert str(err).startswith(f"{path} 第 13 行：YAML 格式错误：方括号 [ ] 没有闭合")


@pytest.mark.parametrize(
    "citation, anchor",
    [
        ("《中华人民共和国土地管理法》第六十二条", "art-62"),
        ("《土地管理法》第62条", "art-62"),
        ("土地管理法第六十二条第四款", "art-62"),
        ("《村委会组织法》第十三条", "art-13"),
        ("《农村土地承包经营纠纷调解仲裁法》第十八条", "art-18"),
    ],
)
def test_resolver_reads_the_usual_citation_forms(citation, anchor):
    site = real_site()
    ref = resolve_citation(citation, site.registry, site.finder)
    assert ref.article.anchor == anchor


def test_every_real_question_cites_a_fact_found_in_its_article():
    bank = real_site().bank
    cited = [cq for cq in bank.questions() if cq.article]
    assert len(cited) >= 100
    for cq in cited:
        assert normalise_text(cq.q.fact) in normalise_text(cq.article.article.text), cq.q.id
    for slug in ("land-management-law", "land-contract-law", "villagers-committee-law", "villagers-committee-2025"):
        questions = bank.modules[slug].questions
        assert len(questions) >= 25, slug
        assert {cq.q.type for cq in questions} == {"single", "multiple", "truefalse", "fill"}, slug
        assert all(re.fullmatch(rf"{slug}-\d{{3}}", cq.q.id) for cq in questions)


# ---------------------------------------------------------------------------------------------
# Where the keys sit: answering by position must not pay, in the real bank and in a bad file.


def test_the_real_bank_has_balanced_keys_and_enough_modules():
    bank = real_site().bank
    assert len(bank.modules) >= 14 and len(bank.questions()) >= 300
    singles_all = []
    for slug, m in bank.modules.items():
        singles = [cq.q.answer for cq in m.questions if cq.q.type == "single"]
        singles_all += singles
        for letter in "ABCDEF":
            # the engine allows two in a small module; every real module keeps to 35%
            assert singles.count(letter) <= max(2, int(0.35 * len(singles))), (slug, letter, singles)
        multiples = [cq.q for cq in m.questions if cq.q.type == "multiple"]
        every = [q.id for q in multiples if len(q.answer) == len(q.options_list)]
        leading = [q.id for q in multiples if sorted(q.answer) == list("ABCDEF"[: len(q.answer)])]
        assert len(every) <= max(1, len(multiples) // 4), (slug, every)
        assert len(leading) <= max(1, int(0.4 * len(multiples))), (slug, leading)
    # over the whole bank no letter is the key of more than 35% of single-choice questions ...
    for letter in "ABCD":
        assert singles_all.count(letter) / len(singles_all) <= 0.35, letter
    # ... and "always B" or "all but the last" scores far below a pass
    multiples = [cq.q for cq in bank.questions() if cq.q.type == "multiple"]
    always_b = singles_all.count("B") / len(singles_all)
    all_but_last = sum(sorted(q.answer) == list("ABCDEF"[: len(q.options_list) - 1]) for q in multiples) / len(
        multiples
    )
    assert always_b < 0.35 and all_but_last < 0.25
    sizes = {len(q.answer) for q in multiples}
    assert len(sizes) >= 3, sizes  # two, three, four … keys, not always three


def test_a_module_whose_keys_all_sit_on_one_letter_is_an_error(tmp_path):
    questions = "".join(
        question(id=f"m-00{i}", answer="B", options="[甲, 乙, 丙, 丁]").replace("  - ", "  - ", 1) for i in range(1, 7)
    )
    path = write(tmp_path, "m", questions)
    err = str(error_of(tmp_path))
    assert f"{path} 第 1 行：单选题的答案太集中：6 道单选题里有 6 道的答案是 B" in err
    assert "同一个字母最多 2 道（35%）。请调换其中几道题的选项顺序，并相应改 answer" in err


def test_multiple_choice_keys_that_are_always_the_first_options_are_an_error(tmp_path):
    questions = (
        "".join(
            question(id=f"m-00{i}", type="multiple", answer="[A, B, C]", options="[甲, 乙, 丙, 丁]")
            for i in range(1, 4)
        )
        + question(id="m-004", type="multiple", answer="[A, B, C, D]", options="[甲, 乙, 丙, 丁]")
        + question(id="m-005", type="multiple", answer="[A, B, C, D]", options="[甲, 乙, 丙, 丁]")
    )
    path = write(tmp_path, "m", questions)
    with pytest.raises(ContentProblems) as info:
        load_bank(tmp_path / "quizzes")
    err = str(info.value)
    assert f"{path} 第 1 行：多选题里“全部选项都对”的太多：5 道多选题里有 2 道（m-004、m-005），最多 1 道" in err
    assert (
        "多选题的答案太有规律：5 道多选题里有 3 道的答案是前几个选项、错误选项都排在最后（m-001、m-002、m-003），最多 2 道"
        in err
    )


def test_the_study_path_the_navigation_and_the_quiz_order_agree():
    """下一页 follows the navigation: it, the quiz pages' navigation, the study path on
    docs/training/index.md and the engine's order (exam list, quiz index) are the same."""
    from macros.content.quiz_model import MODULE_ORDER

    training = DOCS / "training"
    nav = [
        ln.strip()[2:-3]
        for ln in (training / ".nav.yml").read_text(encoding="utf-8").splitlines()
        if re.fullmatch(r"\s*- [a-z0-9-]+\.md", ln) and "index" not in ln
    ]
    quiz_nav = re.findall(r"- glob: ([a-z0-9-]+)\.md", (training / "quizzes/.nav.yml").read_text(encoding="utf-8"))
    path = re.findall(
        r"^\d+\. \[[^\]]+\]\(([a-z0-9-]+)\.md\)", (training / "index.md").read_text(encoding="utf-8"), re.M
    )
    assert nav == quiz_nav == path == MODULE_ORDER
    assert list(real_site().bank.modules) == MODULE_ORDER
