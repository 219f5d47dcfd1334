"""The built site carries the search index prebuilt (macros/search/index.py), not the texts
Material would otherwise index in the browser: the index proper (sections, lengths) and the
posting lists in shards by token hash."""

from __future__ import annotations

import base64
import json

from macros.search.index import POSTINGS_SHARD_BYTES, shard_of
from macros.search.model import DIM, EOS


def _call_args(script: str) -> str:
    return script[script.index("(") + 1 : script.rindex(")")]


def unpack(packed: str) -> list[tuple[int, float]]:
    """A posting list as lawsearch.js decodes it: (doc index, weighted tf) pairs."""
    out, v, doc, second = [], 0, 0, False
    for ch in packed:
        c = ord(ch)
        if c >= 80:
            v = v * 32 + c - 80
            continue
        v = v * 32 + c - 48
        if not second:
            doc += v
        else:
            out.append((doc, v / 2))
        second, v = not second, 0
    return out


def test_the_built_site_loads_the_prebuilt_index_not_the_texts(built_site):
    material = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == [] and material["config"]["lang"]
    index = json.loads(_call_args((built_site / "search/lawsearch-index.js").read_text(encoding="utf-8")))
    locations = [d[0] for d in index["docs"]]
    assert "laws/land-management.html#art-62" in locations
    assert len(index["lengths"]) == len(index["docs"])
    shards = sorted((built_site / "search").glob("lawsearch-text-*.js"))
    assert len(shards) == len(index["shards"])
    data = (built_site / "assets/javascripts/lawsearch-data.js").read_text(encoding="utf-8")
    assert '"index":"search/lawsearch-index.js"' in data


def test_the_posting_lists_are_in_shards_by_token_hash_not_in_the_index(built_site):
    script = (built_site / "search/lawsearch-index.js").read_text(encoding="utf-8")
    index = json.loads(_call_args(script))
    assert set(index) == {"docs", "lengths", "shards", "postingShards", "model"}
    count = index["postingShards"]
    files = sorted((built_site / "search").glob("lawsearch-postings-*.js"))
    assert count > 1 and len(files) == count
    seen: dict[str, str] = {}
    total = 0
    for k in range(count):
        text = (built_site / f"search/lawsearch-postings-{k}.js").read_text(encoding="utf-8")
        total += len(text.encode("utf-8"))
        args = _call_args(text)
        assert args.startswith(f"{k},"), args[:20]
        shard = json.loads(args[len(f"{k},") :])
        assert len(shard["tokens"]) == len(shard["postings"]) > 0
        # each shard holds exactly the tokens that hash to it, each token once
        assert all(shard_of(t, count) == k for t in shard["tokens"]), k
        assert not set(shard["tokens"]) & set(seen)
        seen.update(zip(shard["tokens"], shard["postings"], strict=True))
    assert total / count < 1.5 * POSTINGS_SHARD_BYTES
    # the lists themselves: 宅基 in 土地管理法第六十二条, every doc index in range and in order
    art62 = index["docs"].index(next(d for d in index["docs"] if d[0] == "laws/land-management.html#art-62"))
    postings = unpack(seen["宅基"])
    assert art62 in [d for d, _ in postings]
    docs = [d for d, _ in postings]
    assert docs == sorted(set(docs)) and docs[-1] < len(index["docs"])
    assert len(seen) > 10_000


def test_the_classifier_is_in_the_index_and_its_vectors_in_the_shards_of_their_tokens(built_site):
    """macros/search/model.py: the output rows of the offices and laws in the index, an article's
    with its text (a question loads them for the articles it finds), a vector per token in that
    token's postings shard (a query loads them with its posting lists)."""
    index = json.loads(_call_args((built_site / "search/lawsearch-index.js").read_text(encoding="utf-8")))
    model = index["model"]
    docs = index["docs"]
    # the 转办目录's not_covered matters by office, each law as a whole
    labels = model["labels"]
    assert "office:health-center" in labels and "office:justice" not in labels  # 司法所: no not_covered
    assert "law:land-management" in labels and "law:civil-code" in labels
    assert all(label.startswith(("office:", "law:")) for label in labels) and model["eos"] == EOS
    assert len(model["out"]) == len(labels)
    labelled = []
    for k, start in enumerate(index["shards"]):
        text = (built_site / f"search/lawsearch-text-{k}.js").read_text(encoding="utf-8")
        rows, _ = json.JSONDecoder().raw_decode(_call_args(text)[len(f"{k},") :])
        labelled += [docs[start + int(at)][0] for at in rows]
        assert all(len(base64.b64decode(row[1])) == DIM for row in rows.values())
    assert all("#art-" in loc for loc in labelled) and len(set(labelled)) == len(labelled) > 2000
    assert "laws/land-management.html#art-62" in labelled
    # what the classifier learns the offices from stays at build time
    data = (built_site / "assets/javascripts/lawsearch-data.js").read_text(encoding="utf-8")
    assert '"asks"' not in data and "打预防针" in data
    count = index["postingShards"]
    vectors: dict[str, list] = {}
    for k in range(count):
        text = (built_site / f"search/lawsearch-postings-{k}.js").read_text(encoding="utf-8")
        shard = json.loads(_call_args(text)[len(f"{k},") :])
        assert all(shard_of(t, count) == k for t in shard.get("vectors", {})), k
        vectors.update(shard.get("vectors", {}))
    assert {EOS, "宅基", "宅", "承包"} <= set(vectors) and len(vectors) > 10_000
    scale, packed = vectors["宅基"]
    assert 0 < scale < 1 and len(base64.b64decode(packed)) == DIM
