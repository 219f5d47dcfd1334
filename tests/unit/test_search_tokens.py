"""The search reads text the same way in the browser (docs/assets/javascripts/lawsearch-tokens.js,
run here in node) and at build time (macros/search/index.py, which prebuilds the index): the
same inputs give the same tokens, or queries would miss what the index holds; and a token is
looked for in the same postings shard it was written to."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from macros.search.data import traditional_table
from macros.search.index import normalize, shard_of, strip_tags, tokens
from macros.search.model import features

from ..harness.project import ROOT

SCRIPT = ROOT / "docs/assets/javascripts/lawsearch-tokens.js"
INPUTS = [
    "农村村民一户只能拥有一处宅基地",
    "《土地管理法》第62条 第六十二条第四款",
    "村委會選舉，農村土地承包",  # traditional characters
    "ＡＢＣ１２３ 全角字母和数字",  # NFKC folds full width
    "<p>村民<mark>委员会</mark>&nbsp;的决定</p>",  # markup and entities in indexed text
    "宅\u200b基地",  # a zero-width space from Material's index
    "GB/T 9704-2012 党政机关公文格式",
    "地",  # a lone character is a token of its own
    "𠀀字外 CJK 扩展B",  # beyond the BMP: neither side makes a token of it
    "",
]

NODE = """
const fs = require("fs"), vm = require("vm");
const [script, inputs, t2s] = JSON.parse(fs.readFileSync(0, "utf8"));
const window = {};
vm.runInNewContext(fs.readFileSync(script, "utf8"), {window});
const T = window.LawSearchTokens;
process.stdout.write(JSON.stringify(inputs.map(s => T.tokens(T.normalize(T.stripTags(s), {t2s})))));
"""

FEATURES_NODE = """
const fs = require("fs"), vm = require("vm");
const [script, inputs, t2s] = JSON.parse(fs.readFileSync(0, "utf8"));
const window = {};
vm.runInNewContext(fs.readFileSync(script, "utf8"), {window});
const T = window.LawSearchTokens;
process.stdout.write(JSON.stringify(inputs.map(s => T.features(T.normalize(s, {t2s})))));
"""


SHARD_NODE = """
const fs = require("fs"), vm = require("vm");
const [script, words, counts] = JSON.parse(fs.readFileSync(0, "utf8"));
const window = {};
vm.runInNewContext(fs.readFileSync(script, "utf8"), {window});
const T = window.LawSearchTokens;
process.stdout.write(JSON.stringify(words.map(w => counts.map(n => T.shardOf(w, n)))));
"""


@pytest.fixture(scope="module")
def node() -> str:
    path = shutil.which("node") or shutil.which("nodejs")
    if path is None:
        pytest.fail("没有找到 node：make test 会安装 Debian 的 nodejs")
    return path


def test_browser_and_build_tokenise_alike(node):
    # the table the build writes: for characters whose simplified form the site uses
    t2s = {t: s for t, s in traditional_table(set("村委会选举农村土地承包")).items() if ord(t) < 0x10000}
    assert t2s["會"] == "会" and t2s["農"] == "农"
    result = subprocess.run(
        [node, "-e", NODE], input=json.dumps([str(SCRIPT), INPUTS, t2s]), capture_output=True, text=True, check=True
    )
    in_browser = json.loads(result.stdout)
    at_build = [tokens(normalize(strip_tags(s), t2s)) for s in INPUTS]
    assert in_browser == at_build
    assert at_build[0][:2] == ["农村", "村村"] and "会选" in at_build[2] and "abc123" in at_build[3]
    assert "宅基" in at_build[5] and at_build[7] == ["地"]


def test_browser_and_build_put_a_token_in_the_same_postings_shard(node):
    words = [t for s in INPUTS for t in tokens(normalize(strip_tags(s), {}))]
    words += ["", "a", "宅基", "\uffff\uffff", "𠀀字"]  # the empty string, the top of the BMP, a surrogate pair
    counts = [1, 2, 7, 31, 64, 1000, 2**31 - 1]
    result = subprocess.run(
        [node, "-e", SHARD_NODE],
        input=json.dumps([str(SCRIPT), words, counts]),
        capture_output=True,
        text=True,
        check=True,
    )
    in_browser = json.loads(result.stdout)
    at_build = [[shard_of(w, n) for n in counts] for w in words]
    assert in_browser == at_build
    # 32-bit FNV-1a's published values (offset basis for "", 0xe40c292c for "a")
    assert shard_of("", 2**32 - 1) == 0x811C9DC5 and shard_of("a", 2**32 - 1) == 0xE40C292C % (2**32 - 1)
    assert len({shard_of(w, 64) for w in words}) > 8  # spread over the shards


def test_browser_and_build_give_the_classifier_the_same_tokens(node):
    """The classifier (macros/search/model.py) is trained on the build's features of the 问法 and
    asked with the browser's features of the question."""
    t2s = {t: s for t, s in traditional_table(set("村委会选举农村土地承包")).items() if ord(t) < 0x10000}
    inputs = [s for s in INPUTS if "<" not in s] + ["俺家宅基地咋整？", "村委會選舉 第5条"]
    result = subprocess.run(
        [node, "-e", FEATURES_NODE],
        input=json.dumps([str(SCRIPT), inputs, t2s]),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == [features(s, t2s) for s in inputs]
    assert features("俺家宅基地", {}) == ["俺家", "家宅", "宅基", "基地", "俺", "家", "宅", "基", "地"]
