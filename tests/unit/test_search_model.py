"""The classifier search learns from the 问法 (macros/search/model.py): what it is trained on,
that the same content trains the same model, and that its vectors reach the browser in the
postings shard of their token."""

from __future__ import annotations

import base64

import numpy as np

from macros.search.data import outside_examples
from macros.search.index import shard_of, shard_postings
from macros.search.model import DIM, EOS, quantise, train, training_lines

HOMESTEAD = "laws/land-management.html#art-62"
CONTRACT = "laws/rural-land-contract.html#art-21"
EXAMPLES = {
    HOMESTEAD: ["俺家想再批一块宅基地盖房", "一户能有几处宅基地", "宅基地面积有多大", "儿子结婚能不能批宅基地"] * 3,
    CONTRACT: ["承包地三十年到期以后咋办", "承包期满了还能接着种吗", "耕地承包期是多少年", "二轮承包到期延长"] * 3,
}
TEXTS = {
    HOMESTEAD: "农村村民一户只能拥有一处宅基地，其宅基地的面积不得超过省、自治区、直辖市规定的标准。短句。",
    CONTRACT: "耕地的承包期为三十年。草地的承包期为三十年至五十年；林地的承包期为三十年至七十年。",
}


def decode(vector: list) -> np.ndarray:
    """As lawsearch.js decodes a vector: int8 values times the scale."""
    return np.frombuffer(base64.b64decode(vector[1]), dtype=np.int8).astype(float) * vector[0]


def test_each_question_and_each_sentence_of_the_article_is_a_training_line():
    lines = training_lines(EXAMPLES, TEXTS, {})
    homestead = [toks for loc, toks in lines if loc == HOMESTEAD]
    # twelve 问法 and the article's first sentence (短句 is too short to teach anything)
    assert len(homestead) == 12 + 1
    first = homestead[0]
    assert "宅基" in first and "宅" in first  # bigrams and characters alone, as features() in the browser
    assert any("直辖" in toks for toks in homestead)
    assert not any(toks == ["短句", "短", "句"] for toks in homestead)


def test_the_same_content_trains_the_same_model():
    lines = training_lines(EXAMPLES, TEXTS, {})
    first, second = train(lines), train(lines)
    assert first == second
    assert sorted(first["labels"]) == [HOMESTEAD, CONTRACT]
    assert len(first["out"]) == 2 and EOS in first["vectors"] and "宅基" in first["vectors"]
    assert all(len(decode(v)) == DIM for v in [*first["out"], *first["vectors"].values()])


def test_the_model_tells_the_articles_apart():
    model = train(training_lines(EXAMPLES, TEXTS, {}))
    out = {loc: decode(row) for loc, row in zip(model["labels"], model["out"], strict=True)}

    def score(question: str, loc: str) -> float:
        # the mean of the known tokens' vectors and the end-of-line token's, as Engine.hidden
        toks = [*training_lines({loc: [question]}, {}, {})[0][1], EOS]
        hidden = np.mean([decode(model["vectors"][t]) for t in toks if t in model["vectors"]], axis=0)
        return 1 / (1 + np.exp(-hidden @ out[loc]))

    assert score("宅基地能批几处", HOMESTEAD) > score("宅基地能批几处", CONTRACT)
    assert score("承包到期了咋办", CONTRACT) > score("承包到期了咋办", HOMESTEAD)


def test_nothing_to_learn_from_one_article_or_none():
    assert train([]) is None
    assert train(training_lines({HOMESTEAD: EXAMPLES[HOMESTEAD]}, {}, {})) is None


def test_quantised_vectors_keep_their_values_to_half_a_step():
    row = np.array([0.5, -1.27, 0.0, 0.013, 1.0] + [0.2] * (DIM - 5), dtype=np.float32)
    scale, _ = quantise(row)
    assert abs(scale - 1.27 / 127) < 1e-6
    assert np.max(np.abs(decode(quantise(row)) - row)) <= scale / 2 + 1e-6
    assert not decode(quantise(np.zeros(DIM))).any()  # a zero vector stays zero


def test_a_vector_goes_to_the_postings_shard_of_its_token():
    vectors = {t: quantise(np.full(DIM, 0.1)) for t in ["宅", "宅基", "承包", EOS]}
    shards = shard_postings(["宅基", "基地"], ["0a", "0b"], size=10, vectors=vectors)
    count = len(shards)
    assert count > 1
    for token, vector in vectors.items():
        assert shards[shard_of(token, count)]["vectors"][token] == vector
    assert sum(len(s.get("vectors", {})) for s in shards) == len(vectors)


def test_an_office_is_learnt_from_its_not_covered_lines_and_the_words_in_their_brackets():
    lines = ["儿童预防接种（打疫苗）的登记（打预防针、小孩打疫苗）", "出生医学证明的补发"]
    assert outside_examples(lines) == ["儿童预防接种的登记", "打疫苗", "打预防针", "小孩打疫苗", "出生医学证明的补发"]
