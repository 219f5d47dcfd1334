/* How the site's search reads text: NFKC, traditional → simplified (the build's table), lower
 * case; tokens are the bigrams of each run of Han characters (a lone character counts alone)
 * and runs of letters and digits. The build prebuilds the index with the same rules
 * (macros/search/index.py); tests/unit/test_search_tokens.py runs both on the same inputs. */
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

  window.LawSearchTokens = { HAN: HAN, stripTags: stripTags, normalize: normalize, tokens: tokens };
})();
