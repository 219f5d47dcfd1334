"""Quiz pages in the real built site, and a bad quiz file failing a real build."""
from __future__ import annotations

import re
from pathlib import Path

from macros.content.quiz_model import module_pages

from ..harness.project import ROOT, build_site, make_project, real_site

DOCS = ROOT / "docs"


def html_path(site: Path, md: str) -> Path:
    return site / md.replace(".md", ".html")


def content(page: Path) -> str:
    """The page's article, without Material's header, navigation and search form."""
    text = page.read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def ids_on(page: Path) -> list[str]:
    return re.findall(r'data-question-id="([^"]+)"', page.read_text(encoding="utf-8"))


def test_each_page_renders_every_question_once(built_site):
    bank = real_site().bank
    all_ids = [cq.q.id for cq in bank.questions()]
    assert len(all_ids) >= 100
    for slug, module in bank.modules.items():
        expected = [cq.q.id for cq in module.questions]
        for kind, md in module_pages(slug).items():
            assert ids_on(html_path(built_site, md)) == expected, (slug, kind)
    for page in ("exam", "mistakes"):
        assert sorted(ids_on(built_site / f"training/quizzes/{page}.html")) == sorted(all_ids)


def test_sources_link_to_the_article_and_the_anchor_exists(built_site):
    bank = real_site().bank
    page = (built_site / "training/quizzes/land-management-law.html").read_text(encoding="utf-8")
    assert '<a href="../../laws/land-management.html#art-62">《土地管理法》第六十二条</a>' in page
    for cq in bank.questions():
        if cq.article:
            target = built_site / cq.article.page.replace(".md", ".html")
            assert f'id="{cq.article.article.anchor}"' in target.read_text(encoding="utf-8")
    key = (built_site / "training/quizzes/print/land-contract-law-key.html").read_text(encoding="utf-8")
    assert 'href="../../../laws/land-contract-arbitration.html#art-18"' in key


def test_explanations_are_hidden_until_answered_and_inputs_are_labelled(built_site):
    page = content(built_site / "training/quizzes/villagers-committee-law.html")
    feedback = re.findall(r'<div class="quiz-feedback"([^>]*)>', page)
    assert len(feedback) == 27 and all("hidden" in attrs for attrs in feedback)
    inputs = len(re.findall(r"<input ", page))
    labelled = len(re.findall(r"<label[^>]*>(?:(?!</label>).)*?<input ", page, re.S))
    assert inputs == labelled > 27


def test_paper_has_no_answers_and_key_has_them(built_site):
    paper = content(built_site / "training/quizzes/print/land-management-law-paper.html")
    key = content(built_site / "training/quizzes/print/land-management-law-key.html")
    assert "一户只能拥有一处宅基地" not in paper and "解析" not in paper and "<input" not in paper
    assert "1. 答案：C" in key and "一户一宅" in key  # the file's order: paper and key agree


def test_quiz_data_and_script_are_in_the_site_but_not_the_yaml(built_site):
    assert not list((built_site / "training/quizzes").glob("*.yaml"))
    page = (built_site / "training/quizzes/exam.html").read_text(encoding="utf-8")
    assert '<script type="application/json" class="quiz-data">' in page
    assert re.search(r'<script src="[./]*assets/javascripts/quiz\.js"></script>', page)
    index = (built_site / "training/index.html").read_text(encoding="utf-8")
    assert '<span class="quiz-progress" data-module="land-management-law"></span>' in index


def test_law_articles_list_the_quizzes_citing_them(built_site):
    page = (built_site / "laws/land-management.html").read_text(encoding="utf-8")
    start = page.index('id="art-62"')
    block = page[start:page.index('id="art-63"')]
    backlinks = block[block.index('class="law-backlinks"'):]
    assert '培训与测验：' in backlinks
    assert 'href="../training/quizzes/land-management-law.html"' in backlinks


def test_a_bad_quiz_file_fails_the_build(tmp_path):
    project = make_project(tmp_path / "project")
    quiz = project / "docs/training/quizzes/land-management-law.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("    answer: A\n", "    answer: E\n", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("land-management-law.yaml 第 27 行：题目 land-management-law-002："
            "答案 E 不在选项之中（本题只有 A–D 4 个选项）") in result.stdout + result.stderr


def test_printed_paper_and_key_use_the_same_order(built_site):
    """Options are shuffled only on screen: the paper lists them in the file's order, and the key's
    letters name, on that paper, exactly the options the file marks right."""
    import html as htmllib

    bank = real_site().bank
    for slug, module in bank.modules.items():
        pages = module_pages(slug)
        paper = content(html_path(built_site, pages["paper"]))
        key = content(html_path(built_site, pages["key"]))
        blocks = re.findall(r'data-question-id="([^"]+)">(.*?)</div>', paper, re.S)
        answers = dict(re.findall(r'data-question-id="([^"]+)".*?<strong>\d+\. 答案：([^<　]+)</strong>', key, re.S))
        for qid, block in blocks:
            q = next(cq.q for cq in module.questions if cq.q.id == qid)
            if q.type not in ("single", "multiple"):
                continue
            shown = [htmllib.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", block)]
            assert shown == q.options_list, qid
            letters = answers[qid].split("、")
            right = {q.options_list["ABCDEF".index(x)] for x in (q.answer if q.type == "multiple" else [q.answer])}
            assert {shown["ABCDEF".index(x)] for x in letters} == right, qid


def test_each_module_ends_with_a_button_to_its_quiz_and_the_index_follows_the_study_path(built_site):
    from macros.content.quiz_model import MODULE_ORDER

    for slug in MODULE_ORDER:
        page = content(built_site / f"training/{slug}.html")
        button = re.findall(r'<p class="quiz-go"><a class="md-button md-button--primary" href="([^"]+)">做本单元的练习（(\d+) 题）</a></p>', page)
        assert button == [(f"quizzes/{slug}.html", str(len(real_site().bank.modules[slug].questions)))], slug
    index = content(built_site / "training/quizzes/index.html")
    assert re.findall(r'<span class="quiz-progress" data-module="([^"]+)">', index) == MODULE_ORDER
