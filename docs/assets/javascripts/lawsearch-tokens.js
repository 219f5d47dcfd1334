/* How the site's search reads text: NFKC, traditional → simplified (the build's table), lower
 * case; tokens are the bigrams of each run of Han characters (a lone character counts alone)
 * and runs of letters and digits. A token's posting list is in postings shard shardOf(token,
 * count): 32-bit FNV-1a over its UTF-16 code units, modulo the count; so is its classifier
 * vector (features: the tokens and each Han character). The build prebuilds the
 * index with the same rules (macros/search/index.py: tokens, shard_of);
 * tests/unit/test_search_tokens.py runs both on the same inputs. */
(function () {
  "use strict";
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

  function stripTags(html) {
    return html.replace(/<[^>]*>/g, " ").replace(/&[a-z]+;|&#\d+;/g, " ").replace(/\u200b/g, "");
  }

  function normalize(s, data) {
    s = s.normalize ? s.normalize("NFKC") : s;
    var out = "";
    for (var i = 0; i < s.length; i++) out += data.t2s[s[i]] || s[i];
    return out.toLowerCase();
  }

  function tokens(s) {
    var out = [];
    var runs = s.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) || [];
    for (var r = 0; r < runs.length; r++) {
      var run = runs[r];
      if (!HAN.test(run[0]) || run.length === 1) { out.push(run); continue; }
      for (var i = 0; i + 1 < run.length; i++) out.push(run.substr(i, 2));
    }
    return out;
  }

  // The classifier's tokens (macros/search/model.py features): these and every Han character alone.
  function features(s) {
    return tokens(s).concat(s.match(/[\u3400-\u9fff\uf900-\ufaff]/g) || []);
  }

  function shardOf(token, count) {
    var h = 0x811c9dc5;
    for (var i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % count;
  }

  window.LawSearchTokens = { HAN: HAN, stripTags: stripTags, normalize: normalize, tokens: tokens, features: features, shardOf: shardOf };
})();
