/* Search that understands how reception staff type: colloquial words, citations such as
 * 土地管理法第62条, traditional characters, whole spoken questions.
 *
 * Material's UI talks to its search worker through four messages (SETUP, READY, QUERY,
 * RESULT). This script, loaded in <head> after the iframe-worker shim, hands Material an
 * object that speaks the same messages, so the search box and the result list stay Material's
 * own. Ranking is BM25 over character bigrams of each section (title, text and the article's
 * 要点, or a page's aliases, keywords and description), with the query rewritten using the
 * vocabulary the build writes to lawsearch-data.js (macros/search/data.py). Without that
 * data, Material's worker is used.
 *
 * The desk first: a reception script, form or template is one result (its sections
 * together), labelled with its kind; a page whose name is typed comes first; a script that
 * matches the villager's words leads, then the articles it rests on and its form. A result
 * opens the page at its top or at the section that matched, never at 不要这样说 unless only
 * that section matched. When nothing matches well the list says so and offers the 转办目录
 * office that handles the matter, the 转办目录 and the 接待通则.
 *
 * The index is built at build time (macros/search/index.py): search/lawsearch-index.js, loaded
 * before the search is ready, holds each section's location, title and length and the number
 * of postings shards; every token's posting list, packed, is in search/lawsearch-postings-K.js,
 * K the token's hash modulo that number (LawSearchTokens.shardOf), and a query loads the shards
 * of its tokens (its own words' and the vocabulary's) before anything is scored or weighed
 * (from the search box's input event on); once the search box is open the other postings shards
 * load in the background (prefetchPostings). The texts shown in results come from
 * search/lawsearch-text-N.js shards, loaded for the sections a query shows. A shard once loaded
 * stays loaded; a postings shard that fails makes the query say 搜索暂时不可用, never results
 * scored without it. All are loaded with <script> elements, so the search works from file://
 * too. */
(function () {
  "use strict";
  var NativeWorker = window.Worker;
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  // BM25. A law article's length is normalised less (b 0.3; 0.5 before, and still for the
  // other pages): its 问法 are not counted in its length. 0.2, 0.3, 0.5 and 0.7 measured the same
  // way as FOCUS_WEIGHT below; 0.3 for every page let other scripts push a script's articles down.
  var K1 = 1.2, B = 0.5, B_ARTICLE = 0.3;
  var FIELD_WEIGHT = { title: 3, keys: 2.5, asks: 1.5, text: 1 };  // as built into the index (macros/search/index.py)
  var SYNONYM_WEIGHT = 0.9;
  var EXPANSION_SPAN = 2;        // see weightsOf
  // A long story (俺爹去年走了，…，…，到底咋分) asks its question at the end: the words of its
  // last clause weigh this much more than the story before them.
  // 1.5 since the articles carry 问法 (3 before: the story's own words now find the article too;
  // 1, 2, 3 and 4 measured with make bench-search on every set but the held-out one)
  var FOCUS_CLAUSES = 3, FOCUS_WEIGHT = 1.5;
  var LAW_BOOST = 2.5;           // the query names a law: its articles go ahead (1.6 let a short article of another law that repeats the words win)
  var CITATION_SCORE = 1e6;      // 某法第N条: that article first
  // Material renders the first ten results at once and the rest only while the list is
  // scrolled: ten is what the count can promise to show.
  var MAX_RESULTS = 10;
  var MAX_PAGES = 4;             // of which at most this many are not law articles (while there are articles)
  var FLOOR = 0.15;              // nothing below this share of the best section's score
  // kinds of page whose sections make one result (macros/search/data.py page_kind)
  var WHOLE_PAGE = { script: true, form: true, template: true };
  var OTHER_SECTIONS = 0.3;      // a whole-page result: its best section + this × the others
  var INDEX_WEIGHT = 0.35;       // index pages give way to content unless named
  // the desk first (Engine.rank)
  // a script whose title, keywords or 怎样识别 score this × the best leads (0.3 before the articles'
  // 问法 grew to about sixteen each: they lift the best article's score; 0.1–0.3 compared)
  var DESK_RATIO = 0.15;
  var RECOGNISE = "怎样识别";     // the section of a script that quotes what villagers say
  var KEY_PRIOR = 0.6;           // its key articles: + this × the best article's score × …
  var DESK_CAP = 3;              // … × (the script's desk score / the best article's, at most this)
  var FORM_AT = 4;               // and its first form at this place in the list
  // The classifier trained on the 问法 (macros/search/model.py) reorders the first RERANK
  // articles: each by 1 / its place among them + MODEL_WEIGHT × the classifier's score (0–1).
  // make bench-search, sets but the held-out ones: 373/437 → 384/442 first/top 3 of 464;
  // 0.5–1.5 and 3, 5, 10 compared.
  var RERANK = 5, MODEL_WEIGHT = 1;
  // … + MODEL_LAW_WEIGHT × its law's score (law:<id>, the law as a whole): the law is easier to
  // tell than the article (村调解委员会由哪些人组成 is 人民调解法's, not 劳动争议调解仲裁法's).
  // make bench-search as above: 385/444 → 391/442 at 0.5 (0.25: 388/443, 1: 390/440, 2: 384/436);
  // held-out own_untuned2 0.87 / 0.98 at 0 and 0.5.
  var MODEL_LAW_WEIGHT = 0.5, LAW_LABEL = "law:";
  // It also learns the 转办目录's not_covered matters (office:<id>, data/outside_questions.yaml)
  // and each law as a whole (law:<id>): "not covered" when an office's logit is at least
  // MODEL_OUTSIDE and beats every article's and law's by MODEL_MARGIN. make bench-search --dump
  // (sets but the held-out ones): with 8 questions per matter the in-scope margins reach 2.5
  // (老公打我 2.45, own_short.yaml), so the margin keeps about 1 above them, as 2 did above the
  // highest in-scope margin (1.2) with 4 per matter; out of scope 68 of 74 at 3.5 (70 at 2).
  var OFFICE_LABEL = "office:", MODEL_OUTSIDE = 1, MODEL_MARGIN = 3.5;
  var NAME_QUERY = 0.6, NAME_PAGE = 0.5;  // a page named: share of the query's / the name's bigrams in common
  // where a result opens (Engine.landing) and how its section is marked
  var AVOID = { "不要这样说": true, "常见错误": true };   // not unless only they matched
  var OPEN_AT = { "接待要点": true, "可以这样说": true };  // a script's sections a result may open at
  var SAY = { "可以这样说": "kb-say-ok", "不要这样说": "kb-say-no" };
  var GLUE = "的了不没把给在是和也都就还又很太吗呢吧着过";  // particles a highlighted word does not start or end with
  var SNIPPET = 72;              // characters of text shown under a result (two lines on a desktop)
  // not covered (Engine.confidence; the threshold is data: search_vocab.yaml not_covered_below)
  var TOPIC_IDF_CAP = 5;         // no bigram weighs more than this
  var OFFICE_SHARE = 0.4;        // share of the question an office's duties must hold to be offered
  // a matter the 转办目录 lists as not on the site (低保, 医保, 身份证): the question has a bigram of
  // one of those lines that fewer than TOPIC_SURE topic entries hold, weighing at least this
  // (weightInQuery: about one distinctive bigram) …
  var OUTSIDE_WEIGHT = 4;
  var TOPIC_SURE = 3;            // … and a word counts as one of the site's topics when this many topic entries hold it (less: in part, for the rest)
  var NOT_COVERED = "本站没有直接相关的内容";
  var UNAVAILABLE = "搜索暂时不可用：搜索索引没有载入，请重新生成网站（make build）";
  // a postings shard that did not load: the scores would be wrong, so no results
  var POSTINGS_UNAVAILABLE = "搜索暂时不可用：搜索索引的一部分（{}）没有载入，请重新生成网站（make build）";

  // What each result is, in words and with an icon (inline SVG: no web font, no file to load).
  var KIND = {
    law: ["法条", '<path d="M6 4h9a3 3 0 0 1 3 3v13H9a3 3 0 0 1-3-3z"/><path d="M9 9h6M9 13h6"/>'],
    script: ["话术", '<path d="M4 5h16v10H10l-5 4v-4H4z"/><path d="M8 9h8M8 12h5"/>'],
    form: ["表格", '<rect x="4" y="4" width="16" height="16"/><path d="M4 10h16M4 15h16M10 4v16"/>'],
    template: ["公文模板", '<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 12h6M9 16h6"/>'],
    training: ["培训", '<path d="M2 9l10-5 10 5-10 5z"/><path d="M6 11v5c3 2 9 2 12 0v-5"/>'],
    index: ["索引", '<path d="M9 6h11M9 12h11M9 18h11"/><path d="M4 6h1M4 12h1M4 18h1"/>'],
    refer: ["转办", '<path d="M4 12h14"/><path d="M13 6l6 6-6 6"/>']
  };
  function kindLabel(kind) {
    var k = KIND[kind] || KIND.index;
    return '<span class="kb-kind kb-kind--' + kind + '"><svg viewBox="0 0 24 24" aria-hidden="true">' +
      k[1] + "</svg>" + k[0] + "</span>";
  }

  /* ---------------- text helpers: lawsearch-tokens.js, mirrored by macros/search/index.py ---- */

  var T = window.LawSearchTokens, stripTags = T.stripTags, normalize = T.normalize, tokens = T.tokens;
  var HAN = T.HAN, shardOf = T.shardOf, features = T.features;

  var DIGIT = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9 };
  var UNIT = { "十": 10, "百": 100, "千": 1000 };

  function parseNumber(s) {
    if (/^\d+$/.test(s)) return parseInt(s, 10);
    var total = 0, digit = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (c in DIGIT) digit = DIGIT[c];
      else if (c in UNIT) { total += (digit || 1) * UNIT[c]; digit = 0; }
      else return NaN;
    }
    return total + digit;
  }

  /* ---------------- loading the prebuilt index ---------------- */

  // The site's root, from Material's config: works over http and from file://.
  function siteBase() {
    var el = document.getElementById("__config");
    var base = el ? JSON.parse(el.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function loadScript(path, done) {
    var s = document.createElement("script");
    s.src = new URL(path, siteBase()).href;
    s.onload = function () { done(true); };
    s.onerror = function () { done(false); };
    document.head.appendChild(s);
  }

  // The prebuilt index is the biggest file search needs: start loading it as soon as the page
  // is parsed, not when Material gets round to setting up its search (hundreds of ms later).
  var indexLoad = null;
  function preloadIndex() {
    var data = window.__lawSearchData;
    if (indexLoad || !data || !data.index) return;
    indexLoad = { done: false, ok: false, waiters: [] };
    loadScript(data.index, function (ok) {
      indexLoad.done = true;
      indexLoad.ok = ok;
      indexLoad.waiters.forEach(function (fn) { fn(ok); });
    });
  }
  function whenIndexLoaded(fn) {
    preloadIndex();
    if (indexLoad.done) fn(indexLoad.ok); else indexLoad.waiters.push(fn);
  }
  document.addEventListener("DOMContentLoaded", preloadIndex);

  // A posting list packed by macros/search/index.py: base-32 numbers (leading digits from
  // charCode 80, the last from 48), pairs of (doc index delta, tf × 2).
  function unpack(str) {
    var out = [], v = 0, doc = 0, second = false;
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      if (c >= 80) { v = v * 32 + c - 80; continue; }
      v = v * 32 + c - 48;
      if (!second) doc += v; else out.push([doc, v / 2]);
      second = !second;
      v = 0;
    }
    return out;
  }

  // Text shards call this when they load.
  var shardWaiters = Object.create(null);  // shard -> callbacks, until it has loaded
  // rows: the classifier's output row of each article of the shard (macros/search/model.py), by
  // its place in the shard
  window.__lawSearchText = function (k, rows, texts) {
    var engine = window.__lawSearchText.engine;
    if (engine) {
      var start = engine.index.shards[k];
      for (var i = 0; i < texts.length; i++) engine.docs[start + i].doc.text = texts[i];
      for (var at in rows) engine.articleRow[start + +at] = rows[at];
    }
  };

  // Postings shards call this when they load: their tokens' packed lists.
  var postingsWaiters = Object.create(null);  // shard -> callbacks, until it has loaded or failed
  window.__lawSearchPostings = function (k, shard) {
    var engine = window.__lawSearchPostings.engine;
    if (!engine) return;
    for (var i = 0; i < shard.tokens.length; i++) engine.packed[shard.tokens[i]] = shard.postings[i];
    for (var tok in shard.pageDf || {}) engine.pageCounts[tok] = shard.pageDf[tok];
    for (tok in shard.vectors || {}) engine.vectors[tok] = shard.vectors[tok];
    engine.postingsLoaded[k] = true;
  };

  /* ---------------- the index ---------------- */

  // An index with nothing in it: what the engine searches if lawsearch-index.js cannot be loaded.
  var EMPTY_INDEX = { docs: [], lengths: [], postingShards: 0, shards: [0] };

  // `index`: the prebuilt index (lawsearch-index.js, written by macros/search/index.py).
  function Engine(data, index) {
    this.data = data;
    this.docs = [];
    this.index = index;
    this.postings = Object.create(null);   // token -> [[doc index, weighted tf], ...], decoded on use
    this.packed = Object.create(null);     // token -> its packed list, from the postings shards loaded
    this.pageCounts = Object.create(null); // token -> sections holding it without their asks, where that differs
    this.postingsLoaded = Object.create(null);  // postings shard -> true once loaded
    this.vectors = Object.create(null);    // token -> its classifier vector [scale, base64 int8], from the shards loaded
    this.decoded = Object.create(null);    // token or "#doc" -> that vector as numbers
    this.articleRow = Object.create(null); // doc index (an article) -> its row of the classifier's output, from the text shards loaded
    this.busy = 0;                         // queries waiting for shards or texts
    this.afterBusy = [];                   // background loading to resume when none is
    if (!index.postingShards) this.postingsLoaded[0] = true;  // an empty index: nothing to load
    this.pages = Object.create(null);      // page location -> doc
    this.articles = Object.create(null);   // "law-id#N" -> doc index
    this.lawOfPage = Object.create(null);  // "laws/x.html" -> law id (a law may have several pages)
    this.byLocation = Object.create(null); // doc location -> doc index
    this.byTitle = Object.create(null);    // normalised page title -> doc index (pages, not sections)
    var laws = data.laws;
    this.lawEntry = Object.create(null);   // law id -> location of its own page (民法典: its contents page)
    for (var l = 0; l < laws.length; l++) {
      this.lawEntry[laws[l].id] = laws[l].entry;
      for (var p = 0; p < laws[l].pages.length; p++) this.lawOfPage[laws[l].pages[p]] = laws[l].id;
    }

    var totalLength = 0;
    var docs = [];
    for (var i = 0; i < index.docs.length; i++) {
      var e = index.docs[i];
      docs.push({ location: e[0], title: e[1], text: null, tags: e[2] });
    }
    window.__lawSearchText.engine = this;
    window.__lawSearchPostings.engine = this;
    for (var d = 0; d < docs.length; d++) {
      var doc = docs[d];
      var hash = doc.location.indexOf("#");
      var page = hash < 0 ? doc.location : doc.location.slice(0, hash);
      var anchor = hash < 0 ? "" : doc.location.slice(hash + 1);
      var law = this.lawOfPage[page] || null;
      var m = /^art-(\d+)$/.exec(anchor);
      var entry = { doc: doc, page: page, law: law, article: m ? +m[1] : null, length: 0 };
      if (hash < 0) this.pages[page] = doc;
      if (law && m) this.articles[law + "#" + m[1]] = this.docs.length;
      this.byLocation[doc.location] = this.docs.length;
      if (hash < 0 && doc.title) {
        var key = normalize(stripTags(doc.title), data).replace(/\s+/g, "");
        if (!(key in this.byTitle)) this.byTitle[key] = this.docs.length;
      }
      entry.length = index.lengths[d];
      entry.b = law && m ? B_ARTICLE : B;  // an article's length is normalised less (see B)
      totalLength += entry.length;
      this.docs.push(entry);
    }
    this.avgLength = totalLength / Math.max(1, this.docs.length) || 1;
    // Law names, longest first, so 农村土地承包经营纠纷调解仲裁法 wins over 农村土地承包法.
    this.lawNames = [];
    for (l = 0; l < laws.length; l++)
      for (var n = 0; n < laws[l].names.length; n++)
        this.lawNames.push([normalize(laws[l].names[n], data), laws[l].id]);
    this.lawNames.sort(function (a, b) { return b[0].length - a[0].length; });
    // the names of each page (title, aliases) as bigrams, for queries that name a page
    data.pages = data.pages || {};
    this.names = Object.create(null);
    for (var url in data.pages) {
      this.names[url] = (data.pages[url].names || []).map(function (name) {
        var seen = {};
        return tokens(normalize(name, data).replace(/\s+/g, "")).filter(function (t) {
          if (t.length < 2 || seen[t]) return false;
          return (seen[t] = true);
        });
      }).filter(function (t) { return t.length > 0; });
    }
  }

  // A token's postings (undefined for a token the site does not have): decoded from its
  // postings shard the first time a query uses it. Only for the query's tokens, whose shards
  // search() loads first (withPostings): which tokens the site has is known only from their
  // shards, and a shard missing would make the scores silently wrong, so that throws.
  Engine.prototype.list = function (tok) {
    if (tok in this.postings) return this.postings[tok];
    var k = this.postingsShard(tok);
    if (!this.postingsLoaded[k]) throw new Error("搜索索引 search/lawsearch-postings-" + k + ".js 还没有载入（" + tok + "）");
    var packed = this.packed[tok];
    return (this.postings[tok] = packed === undefined ? undefined : unpack(packed));
  };

  Engine.prototype.postingsShard = function (tok) {
    var count = this.index.postingShards;
    return count ? shardOf(tok, count) : 0;
  };

  // Calls done(failed) once the postings shards of these tokens are loaded; failed: the file of
  // a shard that did not load, or null.
  Engine.prototype.withPostings = function (toks, done) {
    var need = [];
    for (var i = 0; i < toks.length; i++) {
      if (toks[i] in this.postings) continue;
      var k = this.postingsShard(toks[i]);
      if (!this.postingsLoaded[k] && need.indexOf(k) < 0) need.push(k);
    }
    this.loadPostings(need, done);
  };

  // Calls done(failed) once these postings shards are loaded (or have failed).
  Engine.prototype.loadPostings = function (need, done) {
    var self = this, failed = null, pending = need.length;
    if (!pending) return done(null);
    var finish = function (file) {
      failed = failed || file;
      if (--pending === 0) done(failed);
    };
    need.forEach(function (k) {
      var file = "search/lawsearch-postings-" + k + ".js";
      var check = function () { finish(self.postingsLoaded[k] ? null : file); };
      if (postingsWaiters[k]) { postingsWaiters[k].push(check); return; }
      postingsWaiters[k] = [check];
      // a shard that failed is tried again by the next query that needs it
      loadScript(file, function () {
        var waiting = postingsWaiters[k];
        delete postingsWaiters[k];
        waiting.forEach(function (fn) { fn(); });
      });
    });
  };

  // Calls done() once the texts of these docs are loaded (prebuilt index: from their shards).
  Engine.prototype.withTexts = function (ids, done) {
    var need = [], shards = this.index.shards;
    for (var i = 0; i < ids.length; i++) {
      if (this.docs[ids[i]].doc.text !== null) continue;
      var lo = 0, hi = shards.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (shards[mid] <= ids[i]) lo = mid; else hi = mid - 1; }
      if (need.indexOf(lo) < 0) need.push(lo);
    }
    var pending = need.length;
    if (!pending) return done();
    var finish = function () { if (--pending === 0) done(); };
    need.forEach(function (k) {
      if (shardWaiters[k]) { shardWaiters[k].push(finish); return; }
      shardWaiters[k] = [finish];
      loadScript("search/lawsearch-text-" + k + ".js", function () {
        var waiting = shardWaiters[k];
        delete shardWaiters[k];
        waiting.forEach(function (fn) { fn(); });
      });
    });
  };

  // Once the search box is open: every postings shard, two at a time in the background, so that
  // a query typed a moment later rarely waits for one (a query's own shards load at once, beside
  // these). Not on pages where nobody opens the search. window.__lawSearchPrefetch = false turns
  // it off (tests of which shards a query loads).
  Engine.prototype.prefetchPostings = function () {
    if (this.prefetching || window.__lawSearchPrefetch === false) return;
    this.prefetching = true;
    var self = this, next = 0, count = this.index.postingShards || 0;
    var step = function () {
      // a query waiting for its shards or texts goes first: carry on once it has answered
      if (self.busy) return self.afterBusy.push(step);
      while (next < count && self.postingsLoaded[next]) next++;
      if (next < count) self.loadPostings([next++], function () { setTimeout(step, 0); });
    };
    step();
    step();
  };

  // The law a name refers to: a known name, else the law whose full name contains the
  // typed characters in order (承包法 → 农村土地承包法), the shortest such name winning.
  // Words typed before the name (我想问土地管理法) are dropped by trying shorter endings.
  Engine.prototype.findLaw = function (name) {
    var i;
    for (i = 0; i < this.lawNames.length; i++)
      if (name.slice(-this.lawNames[i][0].length) === this.lawNames[i][0]) return this.lawNames[i][1];
    for (var k = 0; name.length - k >= 3; k++) {
      var typed = name.slice(k), best = null;
      for (i = 0; i < this.lawNames.length; i++) {
        var full = this.lawNames[i][0], p = 0;
        for (var j = 0; j < full.length && p < typed.length; j++) if (full[j] === typed[p]) p++;
        if (p === typed.length && (!best || full.length < best[0].length)) best = this.lawNames[i];
      }
      if (best) return best[1];
    }
    return null;
  };

  /* ---------------- queries ---------------- */

  Engine.prototype.parse = function (raw) {
    var data = this.data;
    var q = normalize(raw, data), plain = q;
    // spoken and dialect words first (俺 → 我, 咋整 → 怎么办), longest first
    (data.dialect || []).forEach(function (pair) { q = q.split(pair[0]).join(pair[1]); });
    var result = { laws: [], citations: [], numbers: [], parts: [], text: q.replace(/\s+/g, ""), plain: plain };

    // Citations: [law name] 第N条 (the law may be typed short or colloquially)
    var self = this;
    q = q.replace(/([\u3400-\u9fff]*?(?:法|典|条例))?\s*第?\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*条/g,
      function (all, name, num) {
        var n = parseNumber(num);
        if (isNaN(n) || (!name && !/第/.test(all))) return all;
        var law = name ? self.findLaw(name) : null;
        if (law) result.citations.push(law + "#" + n); else result.numbers.push(n);
        if (name && !law) return name + " ";
        return " ";
      });

    // Law names anywhere else in the query
    for (var i = 0; i < this.lawNames.length; i++) {
      var name = this.lawNames[i][0];
      if (q.indexOf(name) >= 0) {
        if (result.laws.indexOf(this.lawNames[i][1]) < 0) result.laws.push(this.lawNames[i][1]);
        q = q.split(name).join(" ");
      }
    }

    // Colloquial words bring in the statute's words
    var expansions = [], groups = [];
    for (i = 0; i < data.synonyms.length; i++) {
      var group = data.synonyms[i];
      for (var s = 0; s < group.say.length; s++)
        if (q.indexOf(group.say[s]) >= 0) {
          expansions.push.apply(expansions, group.law);
          groups.push({ say: group.say[s], law: group.law });
          break;
        }
    }
    // Filler words of spoken questions (怎么办, 能不能 …) carry no meaning: cut them out; words
    // that ask for a page (怎么写, 模板) say what kind of page, not what it is about
    for (i = 0; i < data.stop.length; i++) q = q.split(data.stop[i]).join(" ");
    var pageWords = data.pageWords || [];
    for (i = 0; i < pageWords.length; i++) {
      if (q.indexOf(pageWords[i]) >= 0) result.asksForPage = true;
      q = q.split(pageWords[i]).join(" ");
    }
    result.groups = groups;

    result.parts = q.split(/\s+/).filter(Boolean);
    result.expansions = expansions;
    return result;
  };

  // The query's tokens, each with its weight: its own words 1, the vocabulary's SYNONYM_WEIGHT;
  // in a story of FOCUS_CLAUSES clauses or more, the words of its last clause FOCUS_WEIGHT.
  Engine.prototype.weightsOf = function (query) {
    var weights = Object.create(null);
    var add = function (toks, w) {
      for (var t = 0; t < toks.length; t++) weights[toks[t]] = Math.max(weights[toks[t]] || 0, w);
    };
    for (var p = 0; p < query.parts.length; p++) add(tokens(query.parts[p]), 1);
    // clauses split at punctuation; one left empty by the filler words cut out does not count
    var clauses = query.parts.join(" ").split(/[^\u3400-\u9fffa-z0-9\s]+/).filter(function (c) { return c.trim(); });
    if (clauses.length >= FOCUS_CLAUSES)
      clauses[clauses.length - 1].split(/\s+/).forEach(function (w) { if (w) add(tokens(w), FOCUS_WEIGHT); });
    // a statute phrase with up to EXPANSION_SPAN times the bigrams of the words it stands for
    // weighs in full (村委会 → 村民委员会), a longer one less in proportion: 乡里 (one bigram) must
    // not bring in the nine of 乡、民族乡、镇的人民政府 at full weight and drown the rest of the question
    var data = this.data;
    query.groups.forEach(function (g) {
      var said = Math.max(1, tokens(normalize(g.say, data)).length);
      g.law.forEach(function (phrase) {
        var toks = tokens(normalize(phrase, data));
        add(toks, SYNONYM_WEIGHT * Math.min(1, EXPANSION_SPAN * said / Math.max(1, toks.length)));
      });
    });
    return weights;
  };

  // Scores the sections; the postings shards of the query's tokens must be loaded (withPostings).
  Engine.prototype.score = function (query, weights) {
    weights = weights || this.weightsOf(query);
    var N = this.docs.length, scores = Object.create(null);
    for (var tok in weights) {
      var list = this.list(tok);
      if (!list) continue;
      var idf = Math.log(1 + (N - list.length + 0.5) / (list.length + 0.5));
      // single characters say little on their own
      var w = weights[tok] * (tok.length === 1 && HAN.test(tok) ? 0.3 : 1);
      for (var i = 0; i < list.length; i++) {
        var d = list[i][0], tf = list[i][1];
        var norm = K1 * (1 - this.docs[d].b + this.docs[d].b * this.docs[d].length / this.avgLength);
        scores[d] = (scores[d] || 0) + w * idf * tf * (K1 + 1) / (tf + norm);
      }
    }
    for (var l = 0; l < query.laws.length; l++)
      for (d in scores) if (this.docs[d].law === query.laws[l]) scores[d] *= LAW_BOOST;
    // per-law weights (amendment decisions, general laws), unless the query names that law
    var lawWeight = this.data.weights || {};
    for (d in scores) {
      var law = this.docs[d].law;
      if (law && law in lawWeight && query.laws.indexOf(law) < 0) scores[d] *= lawWeight[law];
    }
    for (var n = 0; n < query.numbers.length; n++)
      for (d = 0; d < N; d++)
        if (this.docs[d].article === query.numbers[n] &&
            (!query.laws.length || query.laws.indexOf(this.docs[d].law) >= 0))
          scores[d] = (scores[d] || 0) + CITATION_SCORE / 2;
    for (var c = 0; c < query.citations.length; c++) {
      var hit = this.articles[query.citations[c]];
      if (hit !== undefined) scores[hit] = CITATION_SCORE * (query.citations.length - c);
    }
    // Only a law's name (土地管理法, 民法典): that law's own page first
    if (query.laws.length && !query.parts.length && !query.citations.length && !query.numbers.length)
      for (l = 0; l < query.laws.length; l++) {
        var entry = this.byLocation[this.lawEntry[query.laws[l]]];
        if (entry !== undefined) scores[entry] = CITATION_SCORE * (query.laws.length - l);
      }
    // The query is a page's title (接待速查, 术语表): that page first
    var titled = this.byTitle[query.text];
    if (titled !== undefined) scores[titled] = Math.max(scores[titled] || 0, CITATION_SCORE / 2);
    return { scores: scores, weights: weights };
  };

  /* ---------------- from scored sections to results ---------------- */

  // How many sections the pages show a token in, for a token of the query only (its postings
  // shard loaded): sections whose articles' 问法 alone hold it do not count
  // (macros/search/index.py pageDf), so hidden questions do not make a word one of the site's.
  Engine.prototype.pageDf = function (tok) {
    if (tok in this.pageCounts) return this.pageCounts[tok];
    var list = this.list(tok);
    return list ? list.length : 0;
  };

  Engine.prototype.idf = function (tok) {
    var N = this.docs.length, df = this.pageDf(tok);
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  };

  // The page a query names (a form's common name: 上访登记本 → 来访登记表): the query's
  // bigrams and a name's (title or alias) mostly the same. Returns [page, strength] or null.
  Engine.prototype.namedPage = function (query) {
    if (query.citations.length || query.numbers.length) return null;
    var qt = {}, nq = 0;
    query.parts.forEach(function (p) {
      tokens(p).forEach(function (t) { if (t.length > 1 && !qt[t]) { qt[t] = true; nq++; } });
    });
    if (!nq) return null;
    var best = null;
    for (var page in this.names) {
      var names = this.names[page];
      for (var n = 0; n < names.length; n++) {
        var nt = names[n], common = 0;
        for (var i = 0; i < nt.length; i++) if (qt[nt[i]]) common++;
        var ofQuery = common / nq, ofName = common / nt.length;
        if (ofQuery >= NAME_QUERY && ofName >= NAME_PAGE) {
          var strength = (ofQuery + ofName) / 2;
          if (!best || strength > best[1]) best = [page, strength];
        }
      }
    }
    return best;
  };

  // Scored sections → results: a script, form or template is one result (its sections
  // together); each law article, training section or index section is its own. Returns the
  // results in order, each {kind, page, score, docs: [doc index by score], landing}.
  Engine.prototype.rank = function (query, scores) {
    var units = Object.create(null), list = [];
    for (var key in scores) {
      var d = +key, entry = this.docs[d], info = this.data.pages[entry.page];
      var kind = entry.law ? "law" : info ? info.kind : "index";
      var id = WHOLE_PAGE[kind] ? entry.page : entry.doc.location;
      var unit = units[id];
      if (!unit) {
        unit = units[id] = { kind: kind, page: entry.page, info: info, docs: [], score: 0 };
        list.push(unit);
      }
      unit.docs.push(d);
    }
    var self = this;
    list.forEach(function (u) {
      u.docs.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
      var best = scores[u.docs[0]], rest = 0;
      for (var i = 1; i < u.docs.length; i++) rest += Math.min(scores[u.docs[i]], best);
      u.score = best >= CITATION_SCORE / 2 ? best : best + OTHER_SECTIONS * rest;
      // how well the villager's words match: the script's title and keywords, or its 怎样识别
      var pageDoc = self.byLocation[u.page];
      u.desk = 0;
      u.docs.forEach(function (d) {
        if (d === pageDoc || stripTags(self.docs[d].doc.title) === RECOGNISE) u.desk = Math.max(u.desk, scores[d]);
      });
      if (u.kind === "index" && u.score < CITATION_SCORE / 2) u.score *= INDEX_WEIGHT;
      u.landing = self.landing(u, scores);
    });
    // a page named by the query comes first
    var named = this.namedPage(query);
    if (named) {
      var unitOf = null;
      for (var i = 0; i < list.length; i++) if (list[i].page === named[0]) unitOf = list[i];
      if (!unitOf) {
        var pd = this.byLocation[named[0]];
        var info = this.data.pages[named[0]];
        if (pd !== undefined) {
          unitOf = { kind: info ? info.kind : "index", page: named[0], info: info, docs: [pd], score: 0, landing: pd };
          list.push(unitOf);
        }
      }
      if (unitOf) unitOf.score = Math.max(unitOf.score, CITATION_SCORE / 2 * named[1]);
    }
    list.sort(function (a, b) { return b.score - a.score || a.docs[0] - b.docs[0]; });
    if (!list.length) return list;
    // The desk first: a script whose title, keywords or 怎样识别 match well leads (unless a
    // page was named or an article cited), then the articles it rests on, then its form.
    var top = list[0].score, lead = null;
    if (top < CITATION_SCORE / 2) {
      for (i = 0; i < list.length && !lead; i++)
        if (list[i].kind === "script" && list[i].info && list[i].info.desk && list[i].desk >= DESK_RATIO * top) lead = list[i];
    }
    if (lead) {
      var byArticle = {}, bestArticle = 0;
      list.forEach(function (u) {
        if (u.kind !== "law") return;
        byArticle[self.docs[u.docs[0]].doc.location] = u;
        bestArticle = Math.max(bestArticle, u.score);
      });
      var keys = lead.info.articles || [];
      // the more the villager's words match the script (rather than some article), the more
      // its articles are what the question needs
      var situational = bestArticle ? Math.min(DESK_CAP, lead.desk / bestArticle) : 1;
      var prior = (bestArticle || top) * KEY_PRIOR * situational;
      keys.forEach(function (loc, k) {
        var u = byArticle[loc], d = self.byLocation[loc];
        if (!u && d === undefined) return;
        if (!u) {
          u = { kind: "law", page: self.docs[d].page, info: null, docs: [d], score: 0, landing: d, desk: 0 };
          list.push(u);
        }
        u.score += prior * (1 - k / (keys.length + 1));
      });
      list.splice(list.indexOf(lead), 1);
      list.sort(function (a, b) { return b.score - a.score || a.docs[0] - b.docs[0]; });
      list.unshift(lead);
      var form = (lead.info.forms || [])[0], fd = form && this.byLocation[form];
      if (fd !== undefined && fd !== null) {
        var at = -1;
        for (i = 0; i < list.length; i++) if (list[i].page === form) at = i;
        if (at < 0 || at > FORM_AT) {
          var fu = at < 0 ? { kind: "form", page: form, info: this.data.pages[form], docs: [fd], score: 0, landing: fd, desk: 0 }
                          : list.splice(at, 1)[0];
          fu.keep = true;  // shown for the script, whatever its own score
          list.splice(Math.min(FORM_AT, list.length), 0, fu);
        }
      }
    }
    return list;
  };

  // Where a result opens: a law article or section at itself; a script at 接待要点 or 可以这样说
  // when that is what matched best, otherwise at its top; a form or template at its top; a
  // reference page of reception/ at the section that matched; at
  // 不要这样说 / 常见错误 only when they matched far better than any other section (the query
  // quotes them).
  Engine.prototype.landing = function (unit, scores) {
    var docs = unit.docs;
    if (!WHOLE_PAGE[unit.kind]) return docs[0];
    var page = this.byLocation[unit.page], self = this;
    var title = function (d) { return stripTags(self.docs[d].doc.title); };
    var best = docs[0];
    if (AVOID[title(best)]) {
      var other = null;
      for (var i = 1; i < docs.length && other === null; i++) if (!AVOID[title(docs[i])]) other = docs[i];
      if (other === null || scores[other] * 2 < scores[best]) return best;
      best = other;
    }
    if (unit.kind === "script") {
      // a reference page under reception/ (救济途径与时限, 接待通则) opens at the section
      if (!(unit.info && unit.info.desk) || OPEN_AT[title(best)]) return best;
    }
    return page !== undefined ? page : best;
  };

  // The site's topic entries, normalised: its pages' names, aliases, keywords, descriptions and
  // topics, the articles' 要点 and the vocabulary's groups (both sides of each as one entry).
  Engine.prototype.topicEntries = function () {
    if (this.entries) return this.entries;
    var data = this.data, out = [];
    for (var loc in data.keys) out.push(normalize(data.keys[loc], data));
    for (var url in data.pages) (data.pages[url].names || []).forEach(function (n) { out.push(normalize(n, data)); });
    data.synonyms.forEach(function (g) { out.push(normalize(g.say.concat(g.law).join("|"), data)); });
    return (this.entries = out);
  };

  // The words the site is about: the bigrams of its topic entries, each with the number of
  // entries that hold it.
  Engine.prototype.topicWords = function () {
    if (this.topic) return this.topic;
    var topic = this.topic = Object.create(null);
    this.topicEntries().forEach(function (entry) {
      var seen = {};
      tokens(entry).forEach(function (t) {
        if (t.length > 1 && !seen[t]) { seen[t] = true; topic[t] = (topic[t] || 0) + 1; }
      });
    });
    return topic;
  };

  // How much a bigram of the query says: its idf, at most TOPIC_IDF_CAP; half that for one the
  // pages never show (as often the seam between two words, 块宅 in 几块宅基地, as a word the
  // site lacks).
  Engine.prototype.weightInQuery = function (tok) {
    return Math.min(TOPIC_IDF_CAP, this.idf(tok)) * (this.pageDf(tok) ? 1 : 0.5);
  };

  // Whether the site is about what the query asks, 0–1: the share of the query's bigrams that
  // are among the site's topic words, each weighted as weightInQuery says. 我想办低保: 低保 is in
  // two pages' running text but in no name, keyword or 要点, so the site does not cover it.
  // A citation or a named page is covered.
  Engine.prototype.confidence = function (query) {
    var topic = this.topicWords(), self = this, seen = {}, total = 0, got = 0;
    query.parts.forEach(function (p) {
      tokens(p).forEach(function (t) {
        if (t.length < 2 || seen[t]) return;
        seen[t] = true;
        var w = self.weightInQuery(t);
        total += w;
        if (topic[t]) got += w;
      });
    });
    return total ? got / total : 1;
  };

  // How many topic entries hold a word longer than a bigram (身份证).
  Engine.prototype.entriesHolding = function (word) {
    var held = this.held || (this.held = Object.create(null));
    if (!(word in held))
      held[word] = this.topicEntries().filter(function (e) { return e.indexOf(word) >= 0; }).length;
    return held[word];
  };

  // The office whose not_covered matters (data/referrals.yaml) the question is about: the one with
  // the most weight in the question's words from those lines that the site's topics lack — a
  // bigram fewer than TOPIC_SURE topic entries hold (医保; 低保, which one 要点 of 老年人权益保障法
  // mentions in passing), or every bigram of a run of three or more characters the lines and the
  // question share and fewer than TOPIC_SURE topic entries hold (身份证, though 身份 is a topic
  // word: 成员身份; two 要点 name it in passing, 查验身份证件 and 身份证号) — not counting a bigram
  // that starts or ends on a particle (的高 of 老人的高龄津贴 is a seam, not a word). Returns {office, weight, rest} or null; rest: how much
  // the rest of the question is about the site's topics (低保户的承包地被收回: 承包地, 收回), each
  // bigram's weight × the share of TOPIC_SURE entries that hold it.
  Engine.prototype.outside = function (query) {
    var topic = this.topicWords(), self = this, qt = {};
    query.parts.forEach(function (p) {
      tokens(p).forEach(function (t) { if (t.length === 2) qt[t] = true; });
    });
    var best = null;
    (this.data.offices || []).forEach(function (o) {
      if (!(o.outside || []).length) return;
      var text = normalize(o.outside.join("|"), self.data), lines = {}, own = {}, weight = 0;
      tokens(text).forEach(function (t) { lines[t] = true; });
      query.parts.forEach(function (p) {
        for (var i = 0; i + 2 < p.length; i++) {
          var n = 2;
          while (i + n < p.length && text.indexOf(p.substr(i, n + 1)) >= 0) n++;
          if (n >= 3 && self.entriesHolding(p.substr(i, n)) < TOPIC_SURE)
            for (var k = i; k + 1 < i + n; k++) own[p.substr(k, 2)] = true;
        }
      });
      for (var t in qt)
        if (lines[t] && (own[t] || (topic[t] || 0) < TOPIC_SURE) && GLUE.indexOf(t[0]) < 0 && GLUE.indexOf(t[1]) < 0)
          weight += self.weightInQuery(t);
      if (weight > 0 && (!best || weight > best.weight)) best = { office: o, weight: weight, lines: lines };
    });
    if (!best) return null;
    var rest = 0;
    for (var t in qt)
      if (!best.lines[t] && topic[t]) rest += this.weightInQuery(t) * Math.min(1, topic[t] / TOPIC_SURE);
    return { office: best.office, weight: best.weight, rest: rest };
  };

  /* ---------------- results in Material's format ---------------- */

  // Wraps the query's tokens in <mark> inside the text parts of an HTML string.
  function highlight(html, weights, data) {
    return html.replace(/\u200b/g, "").split(/(<[^>]*>)/).map(function (part) {
      if (part[0] === "<" || !part) return part;
      // normalised character by character, so one that NFKC widens (… → ...) keeps its place
      var norm = "";
      for (var c = 0; c < part.length; c++) {
        var n = normalize(part[c], data);
        norm += n.length === 1 ? n : part[c];
      }
      var marked = new Uint8Array(part.length);
      for (var i = 0; i + 1 < norm.length; i++)
        if (weights[norm.substr(i, 2)]) marked[i] = marked[i + 1] = 1;
      var out = "", open = false;
      for (i = 0; i < part.length; i++) {
        if (marked[i] && !open) { out += "<mark>"; open = true; }
        if (!marked[i] && open) { out += "</mark>"; open = false; }
        out += part[i];
      }
      return out + (open ? "</mark>" : "");
    }).join("");
  }

  function escapeHTML(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // The words of the query found in a text, as the text writes them: the statute words the
  // vocabulary brought in, whole; and runs of the query's own words whose every bigram is one of
  // the site's topic words, trimmed of particles (村委会, not 村委会不). They go to the page's
  // highlight (?h=), so an everyday phrasing still marks what it matched.
  function foundTerms(parts, expansions, plain, topic) {
    var out = [];
    expansions.forEach(function (w) {
      if (/^[\u3400-\u9fff]{2,}$/.test(w) && plain.indexOf(w) >= 0 && out.indexOf(w) < 0) out.push(w);
    });
    parts.forEach(function (p) {
      for (var i = 0; i + 1 < p.length;) {
        var j = i + 2;
        if (!topic[p.slice(i, j)] || plain.indexOf(p.slice(i, j)) < 0) { i++; continue; }
        while (j < p.length && topic[p.slice(j - 1, j + 1)] && plain.indexOf(p.slice(i, j + 1)) >= 0) j++;
        // not starting or ending on a particle (的地 → 地, 村委会不 → 村委会)
        var a = i, b = j;
        while (a < b && GLUE.indexOf(p[a]) >= 0) a++;
        while (b > a && GLUE.indexOf(p[b - 1]) >= 0) b--;
        if (b - a >= 2 && out.indexOf(p.slice(a, b)) < 0) out.push(p.slice(a, b));
        i = j;
      }
    });
    // longest first, and none inside another
    out.sort(function (a, b) { return b.length - a.length; });
    return out.filter(function (t, k) {
      for (var m = 0; m < k; m++) if (out[m].indexOf(t) >= 0) return false;
      return true;
    });
  }

  // A short piece of the text around the first of the terms it holds (the text's start if none).
  function snippet(text, terms) {
    var plain = stripTags(text).replace(/\s+/g, " ").trim();
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = plain.indexOf(terms[i]);
    var start = at < 0 ? 0 : Math.max(0, at - 16);
    // start at a sentence or clause when one begins shortly before
    var cut = plain.slice(start, at < 0 ? 0 : at).search(/[。；！？][^。；！？]*$/);
    if (cut >= 0 && start + cut + 1 <= at) start += cut + 1;
    var out = plain.slice(start, start + SNIPPET);
    if (!out) return "";
    // a paragraph, as the texts of Material's index are
    return "<p>" + (start > 0 ? "…" : "") + escapeHTML(out) + (start + SNIPPET < plain.length ? "…" : "") + "</p>";
  }

  // Calls done(result) with the results in Material's format (at once when the postings of its
  // tokens and the texts are there). A postings shard that does not load: no results, and a
  // message that the search is unavailable (result.message).
  Engine.prototype.search = function (raw, done) {
    var query = this.parse(raw), weights = this.weightsOf(query), self = this;
    // while it waits, the background loading pauses (prefetchPostings)
    this.busy = (this.busy || 0) + 1;
    var answered = done, waiting = true;
    done = function (result) {
      if (waiting && --self.busy === 0) self.afterBusy.splice(0).forEach(function (fn) { setTimeout(fn, 0); });
      waiting = false;
      answered(result);
    };
    this.withPostings(this.needed(query, weights), function (failed) {
      if (failed) {
        console.warn("搜索索引的一部分 " + failed + " 没有载入：请重新生成网站（make build）");
        return done({ items: [], message: POSTINGS_UNAVAILABLE.replace("{}", failed) });
      }
      // after a shard has loaded this runs outside the worker's try (postMessage)
      try {
        self.answer(query, weights, done);
      } catch (err) {
        console.warn("搜索出错：", err);
        done({ items: [] });
      }
    });
  };

  // The tokens whose shards a query needs: its weighted tokens', and its classifier tokens'.
  Engine.prototype.needed = function (query, weights) {
    var toks = Object.keys(weights);
    var own = this.index.model ? features(query.plain) : [];
    // not for an empty query (Material sends one when it sets up): nothing to load before a word
    if (own.length) toks = toks.concat(own, [this.index.model.eos]);
    return toks;
  };

  function decode(vector) {
    var bytes = atob(vector[1]), out = new Float32Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes.charCodeAt(i);
      out[i] = (b > 127 ? b - 256 : b) * vector[0];
    }
    return out;
  }

  // The classifier's view of the question: the mean of its known tokens' vectors (fastText's).
  Engine.prototype.hidden = function (query) {
    var toks = features(query.plain).concat([this.index.model.eos]), sum = null, n = 0;
    for (var i = 0; i < toks.length; i++) {
      var v = this.vectors[toks[i]];
      if (!v) continue;
      var x = this.decoded[toks[i]] || (this.decoded[toks[i]] = decode(v));
      if (!sum) sum = new Float32Array(x.length);
      for (var j = 0; j < x.length; j++) sum[j] += x[j];
      n++;
    }
    if (sum) for (j = 0; j < sum.length; j++) sum[j] /= n;
    return sum;
  };

  // The classifier's raw score (logit) for an output row; sigmoid of it: how sure, 0–1. key: where
  // the decoded row is kept.
  Engine.prototype.logit = function (row, key, hidden) {
    var w = this.decoded[key] || (this.decoded[key] = decode(row));
    var dot = 0;
    for (var j = 0; j < w.length; j++) dot += w[j] * hidden[j];
    return dot;
  };

  // … that this doc (an article) answers the question (its text shard loaded); null: not known.
  Engine.prototype.articleLogit = function (d, hidden) {
    var row = this.articleRow[d];
    return row ? this.logit(row, "#" + d, hidden) : null;
  };

  // The office the classifier gives the question to, its logit and the best rival's: each law
  // as a whole, and the articles found first (logits: sure answers' sigmoids are all near 1).
  // null without a classifier or offices in it.
  Engine.prototype.learntOutside = function (query, articles) {
    var model = this.index.model, hidden = model ? this.hidden(query) : null;
    if (!hidden) return null;
    var best = null, score = -Infinity, rival = -Infinity;
    for (var r = 0; r < model.labels.length; r++) {
      var s = this.logit(model.out[r], "@" + r, hidden), label = model.labels[r];
      if (label.indexOf(OFFICE_LABEL) === 0) {
        if (s > score) { score = s; best = label.slice(OFFICE_LABEL.length); }
      } else rival = Math.max(rival, s);  // a law (law:<id>)
    }
    for (var i = 0; i < articles.length; i++) {
      var a = this.articleLogit(articles[i], hidden);
      if (a !== null) rival = Math.max(rival, a);
    }
    if (best === null) return null;
    var office = (this.data.offices || []).filter(function (o) { return o.id === best; })[0];
    return office ? { office: office, score: score, article: rival } : null;
  };

  function sigmoid(x) { return 1 / (1 + Math.exp(-x)); }

  // The first RERANK articles of the list: their doc indices.
  function firstArticles(list) {
    var out = [];
    for (var i = 0; i < list.length && out.length < RERANK; i++) if (list[i].kind === "law") out.push(list[i].docs[0]);
    return out;
  }

  // The first RERANK articles of the list, reordered among their own places (RERANK above).
  Engine.prototype.rerank = function (query, list) {
    if (!this.index.model) return;
    var slots = [];
    for (var i = 0; i < list.length && slots.length < RERANK; i++) if (list[i].kind === "law") slots.push(i);
    var hidden = slots.length > 1 ? this.hidden(query) : null;
    if (!hidden) return;
    var self = this, model = this.index.model, lawScore = {};
    for (var r = 0; r < model.labels.length; r++)
      if (model.labels[r].indexOf(LAW_LABEL) === 0)
        lawScore[model.labels[r].slice(LAW_LABEL.length)] = sigmoid(this.logit(model.out[r], "@" + r, hidden));
    var ranked = slots.map(function (s, k) {
      var d = list[s].docs[0], a = self.articleLogit(d, hidden), law = lawScore[self.docs[d].law];
      var value = 1 / (k + 1) + MODEL_WEIGHT * (a === null ? 0 : sigmoid(a));
      return { unit: list[s], k: k, value: value + MODEL_LAW_WEIGHT * (law === undefined ? 0 : law) };
    });
    ranked.sort(function (a, b) { return b.value - a.value || a.k - b.k; });
    slots.forEach(function (s, k) { list[s] = ranked[k].unit; });
  };

  // The classifier's rows of the first articles come with their texts: those shards first.
  Engine.prototype.answer = function (query, weights, done) {
    var scored = this.score(query, weights), self = this;
    var list = this.rank(query, scored.scores);
    var articles = this.index.model ? firstArticles(list) : [];
    this.withTexts(articles, function () { self.decide(query, scored, list, articles, done); });
  };

  Engine.prototype.decide = function (query, scored, list, articles, done) {
    var weights = scored.weights;
    var top = list.length ? list[0].score : 0;
    if (top < CITATION_SCORE / 2) this.rerank(query, list);
    var confidence = list.length ? (top >= CITATION_SCORE / 2 ? 1 : this.confidence(query)) : 0;
    // a matter the site leaves to another office, unless the rest of the question is about the
    // site's topics as much (低保户的承包地被收回 is about 承包地); asked even when every bigram is
    // a topic word somewhere (危房改造: 危房 and 改造 are, the matter is the directory's), not of a citation
    var outside = top < CITATION_SCORE / 2 ? this.outside(query) : null;
    if (outside && outside.weight < OUTSIDE_WEIGHT) outside = null;
    var aside = outside ? outside.weight / Math.max(outside.rest, 1e-9) : 0;
    var learnt = top < CITATION_SCORE / 2 ? this.learntOutside(query, articles) : null;
    var learntSays = !!learnt && learnt.score >= MODEL_OUTSIDE && learnt.score - learnt.article >= MODEL_MARGIN;
    // make bench-search --coverage; tests/browser/test_search_desk.py (the shards a query loads)
    window.__lawSearchDebug = {
      confidence: confidence, outside: aside, tokens: this.needed(query, weights),
      learnt: learnt ? [learnt.score, learnt.article, learnt.office.id] : null
    };
    if (!list.length && !query.parts.length) return done({ items: [] });
    if (!list.length || confidence < (this.data.notCoveredBelow || 0) ||
        (outside && aside >= (this.data.outsideRatio || Infinity)) || learntSays)
      return done(this.notCovered(query, outside ? outside.office : learntSays ? learnt.office : null));
    // results far below the best section are noise (a whole page's score adds up its sections)
    var bestSection = 0;
    for (var key in scored.scores) bestSection = Math.max(bestSection, Math.min(scored.scores[key], CITATION_SCORE / 2));
    var floor = top >= CITATION_SCORE / 2 ? 0 : bestSection * FLOOR;
    // at most MAX_PAGES results that are not articles, so the articles are not crowded out
    var shown = [], pagesShown = 0, waiting = [];
    for (var i = 0; i < list.length && shown.length < MAX_RESULTS; i++) {
      var u = list[i];
      if (i > 0 && u.score < floor && !u.keep) continue;
      if (u.kind !== "law" && pagesShown >= MAX_PAGES) { waiting.push(u); continue; }
      if (u.kind !== "law") pagesShown++;
      shown.push(u);
    }
    while (shown.length < MAX_RESULTS && waiting.length) shown.push(waiting.shift());
    var need = [];
    var self = this;
    shown.forEach(function (u) {
      need.push(u.landing);
      for (var k = 0; k < u.docs.length && k < 3; k++) need.push(u.docs[k]);
      var page = self.byLocation[u.page];
      if (page !== undefined) need.push(page);
    });
    this.withTexts(need, function () { done(self.results(query, scored, shown)); });
  };

  Engine.prototype.plainOf = function (d) {
    var entry = this.docs[d];
    if (entry.plain === undefined)
      entry.plain = normalize(stripTags(entry.doc.title), this.data) + " " +
        normalize(this.data.keys[entry.doc.location] || "", this.data) + " " +
        normalize(stripTags(entry.doc.text || ""), this.data);
    return entry.plain;
  };

  Engine.prototype.results = function (query, scored, shown) {
    var expansions = query.expansions.map(function (e) { return normalize(e, this.data); }, this);
    var topic = this.topicWords();
    var items = [];
    for (var i = 0; i < shown.length; i++) {
      var u = shown[i], land = this.docs[u.landing];
      if (land.doc.text === null) continue;          // its shard failed to load
      var plain = "";
      for (var k = 0; k < u.docs.length && k < 3; k++) plain += " " + this.plainOf(u.docs[k]);
      plain += " " + this.plainOf(u.landing);
      var terms = foundTerms(query.parts, expansions, plain, topic), present = {};
      terms.forEach(function (t) { present[t] = true; });
      var title = stripTags(land.doc.title);
      var pageDoc = this.pages[land.page];
      var head = kindLabel(u.kind) + highlight(pageDoc ? pageDoc.title : title, scored.weights, this.data);
      // the snippet: from where the result opens, or (opening at a page's top, which has no
      // text of its own) from the section that matched best
      var from = land;
      if (!stripTags(land.doc.text || "").trim())
        for (k = 0; k < u.docs.length; k++) {
          var sec = this.docs[u.docs[k]];
          if (sec.doc.text && !AVOID[stripTags(sec.doc.title)]) { from = sec; break; }
        }
      var text = highlight(snippet(from.doc.text || "", this.plainTerms(from, terms)), scored.weights, this.data);
      if (!pageDoc || pageDoc === land.doc) {
        items.push([{ location: land.doc.location, title: head, text: text, score: u.score, terms: present }]);
        continue;
      }
      var sectionTitle = highlight(land.doc.title, scored.weights, this.data);
      if (SAY[title]) sectionTitle = '<span class="kb-say ' + SAY[title] + '">' + sectionTitle + "</span>";
      items.push([
        { location: land.doc.location, title: sectionTitle, text: text, score: u.score, terms: present },
        { location: pageDoc.location, title: head, text: "", score: 0, terms: present }
      ]);
    }
    return { items: items };
  };

  // The found terms as the landing section's own text writes them (for its snippet).
  Engine.prototype.plainTerms = function (entry, terms) {
    var text = normalize(stripTags(entry.doc.text || ""), this.data);
    return terms.filter(function (t) { return text.indexOf(t) >= 0; });
  };

  // Nothing on the site matches well: say so, and offer the office of the 转办目录 that handles
  // the matter (its name, other names and duties matched against the question), the 转办目录
  // itself and the 接待通则.
  Engine.prototype.notCovered = function (query, office) {
    var text = query.parts.join(" "), best = null, self = this;
    var qt = {}, total = 0;
    tokens(text).forEach(function (t) { if (t.length > 1 && !qt[t]) { qt[t] = true; total += self.weightInQuery(t); } });
    (this.data.offices || []).forEach(function (o) {
      var got = 0, seen = {};
      o.words.forEach(function (w) {
        tokens(normalize(w, self.data)).forEach(function (t) {
          if (qt[t] && !seen[t]) { seen[t] = true; got += self.weightInQuery(t); }
        });
      });
      // an office whose duties hold a good part of the question (低保 → 民政办), not one word
      if (got >= OFFICE_SHARE * total && (!best || got > best[1])) best = [o, got];
    });
    if (office) best = [office, 0];  // the office whose not_covered matters the question names
    // its duties (not its other names), those holding words of the question first
    var duties = function (o) {
      var hits = function (w) { return tokens(normalize(w, self.data)).filter(function (t) { return qt[t]; }).length; };
      return (o.matters || o.words.slice(1)).map(function (w, i) { return [hits(w), i, w]; })
        .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; }).map(function (x) { return x[2]; });
    };
    // the office under the 转办目录's title, then the 转办目录 (when no office), the 接待通则
    var items = [];
    (this.data.refer || []).forEach(function (loc, k) {
      var d = self.byLocation[loc];
      if (d === undefined) return;
      var info = self.data.pages[loc] || {};
      var page = { location: loc, title: kindLabel(info.kind || "index") + self.docs[d].doc.title, text: "", score: 0, terms: {} };
      if (k === 0 && best) {
        var o = best[0];
        items.push([{
          location: o.location, title: kindLabel("refer") + escapeHTML(o.name),
          text: "<p>" + escapeHTML(duties(o).join("；").slice(0, SNIPPET)) + "</p>", score: 1, terms: {}
        }, page]);
      } else items.push([page]);
    });
    var message = NOT_COVERED + (best ? "，可以转办：" + best[0].name : "，请看转办目录和接待通则");
    return { items: items, message: message };
  };

  /* ---------------- the worker stand-in ---------------- */

  // The line above the results ("N 个符合条件的结果") is Material's; when the site has nothing
  // on a question, or the index did not load, it says so instead.
  var metaMessage = null;
  function watchMeta() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta || meta.__lawSearch) return;
    meta.__lawSearch = true;
    var apply = function () {
      if (metaMessage && meta.textContent !== metaMessage) meta.textContent = metaMessage;
      meta.classList.toggle("kb-search-notice", !!metaMessage);
    };
    new MutationObserver(apply).observe(meta, { childList: true, characterData: true, subtree: true });
    apply();
  }
  document.addEventListener("DOMContentLoaded", watchMeta);

  // Material sends the query on keyup; the text is in the box from the input event (a key
  // press, an IME commit), so the postings shards of its tokens start loading then.
  var latestEngine = null;
  function isSearchBox(el) {
    return !!(el && el.classList && el.classList.contains("md-search__input"));
  }
  document.addEventListener("focusin", function (ev) {
    if (latestEngine && isSearchBox(ev.target)) latestEngine.prefetchPostings();
  }, true);
  document.addEventListener("input", function (ev) {
    var el = ev.target;
    if (!latestEngine || !isSearchBox(el)) return;
    latestEngine.prefetchPostings();
    try {
      var query = latestEngine.parse(el.value);
      latestEngine.withPostings(latestEngine.needed(query, latestEngine.weightsOf(query)), function () {});
    } catch (err) {
      console.warn("搜索出错：", err);
    }
  }, true);

  function LawSearchWorker() {
    this.listeners = [];
    this.engine = null;
  }
  LawSearchWorker.prototype.addEventListener = function (type, fn) {
    if (type === "message") this.listeners.push(fn);
  };
  LawSearchWorker.prototype.removeEventListener = function (type, fn) {
    this.listeners = this.listeners.filter(function (l) { return l !== fn; });
  };
  LawSearchWorker.prototype.terminate = function () { this.listeners = []; };
  LawSearchWorker.prototype.reply = function (data) {
    var self = this;
    setTimeout(function () {
      var ev = { data: data };
      self.listeners.forEach(function (fn) { fn(ev); });
      if (typeof self.onmessage === "function") self.onmessage(ev);
    }, 0);
  };
  LawSearchWorker.prototype.postMessage = function (message) {
    var self = this, data = window.__lawSearchData;
    if (message.type === SETUP) {
      whenIndexLoaded(function (ok) {
        if (!ok) console.warn("搜索索引 search/lawsearch-index.js 没有载入：请重新生成网站（make build）");
        self.engine = latestEngine = new Engine(data, ok ? window.__lawSearchIndex : EMPTY_INDEX);
        self.unavailable = !ok;
        self.reply({ type: READY });
        // the topic words (for "not covered") right after, not on the way to ready or the first query
        setTimeout(function () {
          self.engine.topicWords();
          if (isSearchBox(document.activeElement)) self.engine.prefetchPostings();
        }, 0);
      });
    } else if (message.type === QUERY) {
      // texts may load after a later query has answered: only the latest query replies
      var seq = this.seq = (this.seq || 0) + 1;
      var answer = function (result) {
        if (seq !== self.seq) return;
        metaMessage = self.unavailable ? UNAVAILABLE : result.message || null;
        watchMeta();
        self.reply({ type: RESULT, data: { items: result.items } });
      };
      try {
        this.engine.search(message.data, answer);
      } catch (err) {
        console.warn("搜索出错：", err);
        answer({ items: [] });
      }
    }
  };

  window.__LawSearchEngine = Engine;  // for tests that drive the engine without Material

  window.Worker = function (url, options) {
    if (/workers\/search\.[^/]*\.js/.test(url) && window.__lawSearchData)
      return new LawSearchWorker();
    return new NativeWorker(url, options);
  };
  window.Worker.prototype = NativeWorker && NativeWorker.prototype;
})();
