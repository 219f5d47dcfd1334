"""The renumbering parser (macros/amendment.py) on small decisions, and the generated table
checked against the 2018 text of 村民委员会组织法 (sources/lawrefbook/, as obtained); the same
table derived from the 2018 and 2025 texts alone (compare_texts) agrees with it row by row."""

from __future__ import annotations

import re

import pytest

from macros.core.cnnum import cn_to_int
from macros.core.errors import ContentError
from macros.laws.amendment import Amendment, compare_texts, history_note, parse_decision, renumbering_table
from macros.laws.lawlist import load_law_list
from macros.laws.lawpage import parse_law_page
from macros.laws.sources.lawrefbook import read_lawrefbook

from ..harness.project import PATHS, ROOT, real_site

DOCS = ROOT / "docs"


def mapping(r):
    return {o.number: o.new for o in r.old}


def test_implicit_shift_fills_free_numbers_in_order():
    r = parse_decision(
        [
            (1, '增加一条，作为第二条："新的内容。"'),
            (2, '将第三条改为第四条，修改为："改后的内容。"'),
        ],
        new_count=5,
    )
    assert mapping(r) == {1: [1], 2: [3], 3: [4], 4: [5]}
    assert r.added == {2: 1}
    old = {o.number: o for o in r.old}
    assert old[3].modified and old[3].items == [2]
    assert not old[2].modified and old[2].items == []


def test_quoted_text_is_not_read_as_instructions():
    r = parse_decision(
        [
            (1, '增加两条，分别作为第二条、第三条：\n"第二条甲。\n"第三条乙，依照第一条办理。"'),
            (2, '将第二条中的"第一条"修改为"第九条"。'),
        ],
        new_count=4,
    )
    assert mapping(r) == {1: [1], 2: [4]}
    assert r.added == {2: 1, 3: 1}
    assert {o.number: o.items for o in r.old}[2] == [2]


def test_merge_and_split_of_paragraphs():
    r = parse_decision(
        [
            (1, '将第三条第二款和第一条第二款合并，作为第三条，修改为："合并后。"'),
            (2, "将第三条第一款改为第四条。"),
        ],
        new_count=4,
    )
    old = {o.number: o for o in r.old}
    assert old[1].new == [1, 3] and old[1].parts == {2: 3}
    assert old[2].new == [2]
    assert old[3].new == [3, 4] and old[3].parts == {2: 3, 1: 4}
    assert [(o.number, p) for o, p in r.sources(3)] == [(1, 2), (3, 2)]


def test_deleted_article_has_no_new_number():
    r = parse_decision([(1, "删去第二条。")], new_count=2)
    assert mapping(r) == {1: [1], 2: [], 3: [2]}
    assert {o.number: o.deleted for o in r.old}[2]


def test_contradictory_order_is_an_error():
    with pytest.raises(ContentError) as e:
        parse_decision([(1, "将第五条改为第二条。")], new_count=5)
    assert "第五条改为第二条，但前一条已排到第五条：条号顺序矛盾" in str(e.value)


def test_unknown_instruction_is_an_error_naming_the_item():
    with pytest.raises(ContentError) as e:
        parse_decision([(1, '将第一条修改为："甲。"'), (2, "第二条与第三条互换位置。")], new_count=3, where="决定.md")
    assert str(e.value).startswith("决定.md：条目二：看不懂“第二条与第三条互换位置”中的“第二条”")


def test_count_that_cannot_be_filled_is_an_error():
    with pytest.raises(ContentError) as e:
        parse_decision([(1, '增加一条，作为第九条："甲。"')], new_count=3)
    assert "与新法页面的 3 条不符" in str(e.value)


# ------------------------------------------------ the real decision against the 2018 text


VC2018 = ROOT / "sources" / "lawrefbook" / "村民委员会组织法(2018-12-29).md"


def reference_2018() -> dict[int, list[str]]:
    return {int(a.anchor[4:]): a.text.split("\n") for a in read_lawrefbook(VC2018).articles}


def norm(p: str) -> str:
    """Compare paragraphs ignoring spacing, a 项 label (renumbered when a 项 is deleted),
    quotation marks and the closing punctuation."""
    p = re.sub(r"\s+", "", p).strip('"“”')
    p = re.sub(r"^（[一二三四五六七八九十]+）", "", p)
    return p.rstrip("。；：，")


@pytest.fixture(scope="module")
def real():
    decision = next(e for e in load_law_list(PATHS.law_list) if e.amends == "villagers-committee")
    a = real_site().amendments["villagers-committee"]
    assert a.decision == decision
    items = {int(x.anchor[4:]): x.text for x in parse_law_page(DOCS / decision.page).articles}
    new = {int(x.anchor[4:]): x.text.split("\n") for x in parse_law_page(DOCS / "laws/villagers-committee.md").articles}
    return a, items, new, reference_2018()


def quotes(text: str) -> set[str]:
    out = set()
    for q in re.findall(r'"([^"\n]+)"?', text):
        out.add(norm(re.sub(r"^第[一二三四五六七八九十百]+条(?=\S)", "", q)))
    return out


def substitutions(text: str, number: int) -> list[tuple[str, str]]:
    """Item 29 style: 将第N条…中的"A"修改为"B" -> [(A, B)] for old article N."""
    out, subject = [], None
    for line in text.split("\n"):
        for sentence in line.split("。"):
            m = re.search(r"将第([一二三四五六七八九十]+)条", re.sub(r'"[^"]*"', "", sentence))
            if m:
                subject = cn_to_int(m.group(1))
            if subject == number:
                out += re.findall(r'"([^"]+)"修改为"([^"]+)"', sentence)
    return out


def test_counts_match_the_2018_text_and_the_current_law(real):
    a, _, new, old = real
    assert len(old) == 41 and len(new) == 50
    assert [o.number for o in a.renumbering.old] == list(range(1, 42))
    covered = {n for o in a.renumbering.old for n in o.new} | set(a.renumbering.added)
    assert covered == set(range(1, 51))


def test_every_old_article_maps_to_the_same_or_the_amended_text(real):
    a, items, new, old = real
    for o in a.renumbering.old:
        texts = old[o.number]
        for item in o.items:
            for before, after in substitutions(items[item], o.number):
                texts = [t.replace(before, after) for t in texts]
        allowed = {norm(t) for t in texts}
        for item in o.items:
            allowed |= quotes(items[item])
        new_paras = [norm(p) for n in o.new for p in new[n]]
        for p in new_paras:
            assert p in allowed, f"原第{o.number}条 → {o.new}：“{p}”既不是旧文，也不是决定给出的新文"
        if not o.items:  # untouched by the decision: the very same text
            assert [norm(t) for t in old[o.number]] == new_paras, f"原第{o.number}条"
        else:
            kept = [norm(t) for t in texts if norm(t) in new_paras]
            assert kept or any(q in new_paras for i in o.items for q in quotes(items[i])), f"原第{o.number}条"


def test_added_articles_have_the_text_the_decision_gives(real):
    a, items, new, _ = real
    assert sorted(a.renumbering.added) == [5, 7, 13, 20, 33, 44, 45, 46]
    for n, item in a.renumbering.added.items():
        assert {norm(p) for p in new[n]} <= quotes(items[item]), f"新增第{n}条"


def test_known_rows_of_the_table(real):
    a = real[0]
    m = {o.number: o.new for o in a.renumbering.old}
    assert m[5] == [6] and m[6] == [8, 42] and m[11] == [14] and m[37] == [42, 43] and m[41] == [50]


# ------------------------------------------------ the same table from the two texts alone


def row_facts(r):
    return [(o.number, o.new, o.continues, o.parts, o.modified, o.deleted) for o in r.old]


def test_the_table_from_the_2018_and_2025_texts_agrees_with_the_decisions(real):
    decided = real[0]
    old = [(int(a.anchor[4:]), a.text) for a in read_lawrefbook(VC2018).articles]
    new = [(int(a.anchor[4:]), a.text) for a in parse_law_page(DOCS / "laws/villagers-committee.md").articles]
    derived = compare_texts(old, new)
    assert row_facts(derived) == row_facts(decided.renumbering)
    assert sorted(derived.added) == sorted(decided.renumbering.added)
    # the tables shown on the site: the same rows, less the decision-item column
    by_text = Amendment(None, "villagers-committee", derived, year="2025")
    decision_rows = [r.rsplit(" | ", 1)[0] + " |" for r in renumbering_table(decided, "laws").split("\n")[2:]]
    assert renumbering_table(by_text, "laws").split("\n")[2:] == decision_rows
    assert "| 原第三十七条 | [第四十二条](villagers-committee.md#art-42)、[第四十三条]" in "\n".join(
        r.replace('<span id="old-37"></span>', "") for r in decision_rows
    )
    # the 沿革 notes say the same, without links to decision items
    for n in range(1, 51):
        assert history_note(by_text, n) == re.sub(r"（\[条目.*?）(?=。$)", "", history_note(decided, n)), n


def test_from_texts_a_moved_paragraph_an_added_and_a_deleted_article():
    old = [
        (1, "为了规范村民建房，制定本条例。"),
        (2, "建房应当经过批准。\n批准的期限为二十个工作日。"),
        (3, "本条例由省人民政府负责解释，具体办法另行制定。"),
        (4, "本条例自公布之日起施行。"),
    ]
    new = [
        (1, "为了规范村民建房，制定本条例。"),
        (2, "建房应当经过乡镇人民政府批准。"),
        (3, "乡镇人民政府应当公开审批程序，接受村民监督。"),
        (4, "批准的期限为二十个工作日。"),
        (5, "本条例自公布之日起施行。"),
    ]
    r = compare_texts(old, new)
    old_rows = {o.number: o for o in r.old}
    assert {n: o.new for n, o in old_rows.items()} == {1: [1], 2: [2, 4], 3: [], 4: [5]}
    assert old_rows[2].parts == {2: 4} and old_rows[2].continues == 2 and old_rows[2].modified
    assert old_rows[3].deleted
    assert not old_rows[1].modified and not old_rows[4].modified  # 4 → 5: only the number
    assert sorted(r.added) == [3]


def test_from_texts_a_paragraph_made_an_article_of_its_own_or_an_article_split():
    old = [(1, "村民会议由本村十八周岁以上的村民组成。\n村民会议由村民委员会召集，应当提前十天通知村民。")]
    first, second = old[0][1].split("\n")
    # the second 款 becomes the next article: the article carries on, less that 款
    (o,) = compare_texts(old, [(1, first), (2, second)]).old
    assert o.continues == 1 and o.parts == {2: 2} and o.new == [1, 2]
    # the first 款 goes behind the second: the article is split into the two
    (o,) = compare_texts(old, [(1, second), (2, first)]).old
    assert o.continues is None and o.parts == {1: 2, 2: 1} and o.new == [1, 2]
