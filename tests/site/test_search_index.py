"""The built site carries the search index prebuilt (macros/search/index.py), not the texts
Material would otherwise index in the browser."""
from __future__ import annotations

import json


def test_the_built_site_loads_the_prebuilt_index_not_the_texts(built_site):
    material = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == [] and material["config"]["lang"]
    script = (built_site / "search/lawsearch-index.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1:script.rindex(")")])
    locations = [d[0] for d in index["docs"]]
    assert "laws/land-management.html#art-62" in locations
    assert len(index["tokens"]) == len(index["postings"]) and "宅基" in index["tokens"]
    shards = sorted((built_site / "search").glob("lawsearch-text-*.js"))
    assert len(shards) == len(index["shards"])
    data = (built_site / "assets/javascripts/lawsearch-data.js").read_text(encoding="utf-8")
    assert '"index":"search/lawsearch-index.js"' in data
