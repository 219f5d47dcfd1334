"""What the search learns from the 问法: a small fastText classifier, trained at build time, from
a question's characters and bigrams to the article that answers it.

BM25 (lawsearch.js) scores every word of a question by how rare it is; the classifier has learnt
from the 21 000 问法, the 要点 and the articles' own sentences which words tell one article from
its neighbours (三十年 of 承包期 against 三十年 of 土地承包经营权), and lawsearch.js uses its
score to reorder the first few articles BM25 found (Engine.rerank). Measured with make
bench-search: on the question sets other than the held-out ones, article first 373 → 384 of
464, top 3 437 → 442.

The model goes to the browser quantised: each token's vector (int8, with its scale) in the
postings shard of that token, so a query loads the vectors of its own words with their posting
lists; each article's output vector in the index. Training is deterministic (one thread, a
fixed seed), so the same content builds the same site."""

from __future__ import annotations

import base64
import random
import re
import tempfile
from pathlib import Path

from .index import normalize, tokens

DIM = 32  # 24, 32, 48 compared: 32 as good as 48 and a third smaller
MIN_COUNT = 10  # rarer tokens cost a vector each and teach nothing measurable (2–20 compared: the same figures; each 问法 is seen twice, by its article and its law)
EPOCHS = 25
NEGATIVES = 5  # negative sampling: as good as softmax here, ten times faster to train
OFFICE_LABEL = "office:"  # an office's not_covered matters (data.py client_data)
LAW_LABEL = "law:"  # a law's articles together (data.py client_data)
EOS = "</s>"  # fastText ends every line with this token, at training and when it predicts
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE = re.compile(r"[。；;！？\n]")


def features(text: str, t2s: dict[str, str]) -> list[str]:
    """The classifier's tokens: the search's own (Han bigrams, runs of letters and digits) and
    every Han character alone; lawsearch-tokens.js features() is the same."""
    s = normalize(text, t2s)
    return tokens(s) + _HAN.findall(s)


def training_lines(
    examples: dict[str, list[str]], article_texts: dict[str, str], t2s: dict[str, str]
) -> list[tuple[str, list[str]]]:
    """(article location, tokens) for each 问法 and 要点 and each sentence of the article."""
    lines = []
    for location, texts in examples.items():
        for text in texts:
            lines.append((location, features(text, t2s)))
    for location, text in article_texts.items():
        for sentence in _SENTENCE.split(text):
            toks = features(sentence, t2s)
            if len(toks) > 6:
                lines.append((location, toks))
    return [(loc, toks) for loc, toks in lines if toks]


def train(lines: list[tuple[str, list[str]]]) -> dict | None:
    """The trained model: {labels: [location…], out: [[scale, base64 int8]…], vectors: {token:
    [scale, base64 int8]}}, or None when there is nothing to learn from."""
    if len({loc for loc, _ in lines}) < 2:
        return None
    import fasttext  # fasttext-wheel: the build's only compiled dependency besides pydantic's

    labels = {loc: f"__label__{i}" for i, loc in enumerate(sorted({loc for loc, _ in lines}))}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "train.txt"
        # fastText reads the lines in order: shuffled, with a fixed seed so the build is repeatable
        lines = list(lines)
        random.Random(1).shuffle(lines)
        path.write_text("".join(f"{labels[loc]} {' '.join(toks)}\n" for loc, toks in lines), encoding="utf-8")
        model = fasttext.train_supervised(
            str(path), dim=DIM, epoch=EPOCHS, lr=0.5, wordNgrams=1, minn=0, maxn=0, minCount=MIN_COUNT,
            loss="ns", neg=NEGATIVES, thread=1, seed=1, verbose=0,
        )  # fmt: skip
    by_label = {v: k for k, v in labels.items()}
    words = model.get_words()
    inputs = model.get_input_matrix()
    outputs = model.get_output_matrix()
    return {
        "labels": [by_label[label] for label in model.get_labels()],
        "out": [quantise(row) for row in outputs],
        "vectors": {w: quantise(inputs[i]) for i, w in enumerate(words)},
    }


def quantise(row) -> list:
    """[scale, base64 of int8 values]: value ≈ scale × int8."""
    peak = float(abs(row).max())
    scale = peak / 127 if peak else 1.0
    ints = bytes(int(round(float(v) / scale)) & 0xFF for v in row)
    return [float(f"{scale:.4g}"), base64.b64encode(ints).decode("ascii")]
