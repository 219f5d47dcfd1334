"""The office-work quiz files (docs/training/quizzes/*.yaml) against the contract in
QUIZ_SCHEMA.md, as far as it can be checked without the quiz engine (which replaces this
test at merge): ids, answer keys, sources that resolve, facts found in the cited article."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.cnnum import cn_to_int
from macros.lawlist import load_law_list
from macros.lawpage import parse_law_page

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
QUIZZES = sorted((DOCS / "training/quizzes").glob("*.yaml"))
MODULES = {"office-role", "documents", "petitions", "meetings", "secrecy-archives-seals",
           "research-information", "conduct-ethics"}
CITATION = re.compile(r"^《(?:中华人民共和国)?(.+?)》第([零一二三四五六七八九十百千]+|\d+)条$")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def article_text(short_name: str, number: int) -> str | None:
    for law in load_law_list():
        if short_name in law.short_names or short_name == law.name.removeprefix("中华人民共和国"):
            page = parse_law_page(DOCS / law.page)
            return next((a.text for a in page.articles if a.anchor == f"art-{number}"), None)
    return None


def test_every_office_module_has_a_quiz_file():
    assert MODULES <= {p.stem for p in QUIZZES}


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_quiz_file_follows_the_contract(path):
    data = load(path)
    assert data["module"] == path.stem
    assert data["title"]
    questions = data["questions"]
    assert len(questions) >= 15
    assert {q["type"] for q in questions} == {"single", "multiple", "truefalse", "fill"}
    for q in questions:
        qid = q["id"]
        assert re.fullmatch(rf"{path.stem}-\d{{3}}", qid), qid
        assert q["question"].strip() and q["explanation"].strip() and q["source"].strip(), qid
        kind, answer = q["type"], q["answer"]
        if kind in ("single", "multiple"):
            options = q["options"]
            assert 2 <= len(options) <= 6 and len(set(options)) == len(options), qid
            letters = "ABCDEF"[: len(options)]
            if kind == "single":
                assert isinstance(answer, str) and answer in letters, qid
            else:
                assert isinstance(answer, list) and answer and len(set(answer)) == len(answer), qid
                assert all(isinstance(a, str) and a in letters for a in answer), qid
                assert answer == sorted(answer), qid
        else:
            assert "options" not in q, qid
            if kind == "truefalse":
                assert isinstance(answer, bool), qid
            else:
                assert kind == "fill", qid
                assert "＿" in q["question"] or "____" in q["question"], qid
                answers = answer if isinstance(answer, list) else [answer]
                assert answers and all(isinstance(a, str) and a.strip() for a in answers), qid


def test_ids_are_unique_across_all_quiz_files():
    ids = [q["id"] for p in QUIZZES for q in load(p)["questions"]]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_sources_resolve(path):
    for q in load(path)["questions"]:
        source, qid = q["source"], q["id"]
        m = CITATION.match(source)
        if m:
            n = int(m.group(2)) if m.group(2).isdigit() else cn_to_int(m.group(2))
            text = article_text(m.group(1), n)
            assert text is not None, f"{qid}：{source} 不存在"
            assert q.get("fact"), f"{qid}：引用条文的题目必须写 fact"
            assert q["fact"] in text, f"{qid}：fact “{q['fact']}” 不在 {source} 的条文里"
        else:
            page, _, anchor = source.partition("#")
            target = DOCS / page
            assert target.is_file() and anchor, f"{qid}：来源 {source} 应为 docs 下的页面加锚点"
            assert f"{{#{anchor}}}" in target.read_text(encoding="utf-8"), f"{qid}：{page} 里没有锚点 #{anchor}"


def test_the_checker_catches_a_wrong_fact():
    """The fact check can fail: a figure changed by one word is not in the article."""
    text = article_text("保守国家秘密法", 20)
    assert "机密级不超过二十年" in text and "机密级不超过十年" not in text
