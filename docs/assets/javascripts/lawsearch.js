/* Search that understands how reception staff type: colloquial words, citations such as
 * 土地管理法第62条, traditional characters, whole spoken questions.
 *
 * Material's UI talks to its search worker through four messages (SETUP, READY, QUERY,
 * RESULT). This script, loaded in <head> after the iframe-worker shim, hands Material an
 * object that speaks the same messages, so the search box and the result list stay Material's
 * own. Ranking is BM25 over character bigrams of each section (title, text and the article's
 * 要点), with the query rewritten using the vocabulary the build writes to
 * lawsearch-data.js (macros/searchdata.py). Without that data, Material's worker is used.
 *
 * The index is built at build time (macros/search/index.py): search/lawsearch-index.js holds
 * each section's location, title and length and every token's postings, packed; the texts
 * shown in results come from search/lawsearch-text-N.js shards, loaded for the sections a query
 * shows. Both are loaded with <script> elements, so the search works from file:// too. */
(function () {
  "use strict";
  var NativeWorker = window.Worker;
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var K1 = 1.2, B = 0.5;
  var FIELD_WEIGHT = { title: 3, keys: 2.5, text: 1 };
  var SYNONYM_WEIGHT = 0.9;
  var LAW_BOOST = 1.6;           // the query names a law: its articles go ahead
  var CITATION_SCORE = 1e6;      // 某法第N条: that article first
  var MAX_RESULTS = 40;

  /* ---------------- text helpers: lawsearch-tokens.js, mirrored by macros/search/index.py ---- */

  var T = window.LawSearchTokens, stripTags = T.stripTags, normalize = T.normalize, tokens = T.tokens;
  var HAN = T.HAN;

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
  window.__lawSearchText = function (k, texts) {
    var engine = window.__lawSearchText.engine;
    if (engine) {
      var start = engine.index.shards[k];
      for (var i = 0; i < texts.length; i++) engine.docs[start + i].doc.text = texts[i];
    }
  };

  /* ---------------- the index ---------------- */

  // An index with nothing in it: what the engine searches if lawsearch-index.js cannot be loaded.
  var EMPTY_INDEX = { docs: [], lengths: [], tokens: [], postings: [], shards: [0] };

  // `index`: the prebuilt index (lawsearch-index.js, written by macros/search/index.py).
  function Engine(data, index) {
    this.data = data;
    this.docs = [];
    this.index = index;
    this.postings = Object.create(null);   // token -> [[doc index, weighted tf], ...], decoded on use
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
    this.tokenOf = Object.create(null);
    for (i = 0; i < index.tokens.length; i++) this.tokenOf[index.tokens[i]] = i;
    window.__lawSearchText.engine = this;
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
  }

  // A token's postings: decoded from the prebuilt index the first time a query uses it.
  Engine.prototype.list = function (tok) {
    if (tok in this.postings) return this.postings[tok];
    var k = this.tokenOf[tok];
    return (this.postings[tok] = k === undefined ? undefined : unpack(this.index.postings[k]));
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
    var q = normalize(raw, data);
    var result = { laws: [], citations: [], numbers: [], parts: [], text: q.replace(/\s+/g, "") };

    // Citations: [law name] 第N条 (the law may be typed short or colloquially)
    var self = this;
    q = q.replace(/([\u3400-\u9fff]*?法)?\s*第?\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*条/g,
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
    var expansions = [];
    for (i = 0; i < data.synonyms.length; i++) {
      var group = data.synonyms[i];
      for (var s = 0; s < group.say.length; s++)
        if (q.indexOf(group.say[s]) >= 0) {
          expansions.push.apply(expansions, group.law);
          break;
        }
    }
    // Filler words of spoken questions (怎么办, 能不能 …) carry no meaning: cut them out
    for (i = 0; i < data.stop.length; i++) q = q.split(data.stop[i]).join(" ");

    result.parts = q.split(/\s+/).filter(Boolean);
    result.expansions = expansions;
    return result;
  };

  Engine.prototype.score = function (query) {
    var weights = Object.create(null);
    var add = function (toks, w) {
      for (var t = 0; t < toks.length; t++) weights[toks[t]] = Math.max(weights[toks[t]] || 0, w);
    };
    for (var p = 0; p < query.parts.length; p++) add(tokens(query.parts[p]), 1);
    for (p = 0; p < query.expansions.length; p++) add(tokens(normalize(query.expansions[p], this.data)), SYNONYM_WEIGHT);

    var N = this.docs.length, scores = Object.create(null);
    for (var tok in weights) {
      var list = this.list(tok);
      if (!list) continue;
      var idf = Math.log(1 + (N - list.length + 0.5) / (list.length + 0.5));
      // single characters say little on their own
      var w = weights[tok] * (tok.length === 1 && HAN.test(tok) ? 0.3 : 1);
      for (var i = 0; i < list.length; i++) {
        var d = list[i][0], tf = list[i][1];
        var norm = K1 * (1 - B + B * this.docs[d].length / this.avgLength);
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

  /* ---------------- results in Material's format ---------------- */

  // Wraps the query's tokens in <mark> inside the text parts of an HTML string.
  function highlight(html, weights, data) {
    return html.replace(/\u200b/g, "").split(/(<[^>]*>)/).map(function (part) {
      if (part[0] === "<" || !part) return part;
      var norm = normalize(part, data);
      if (norm.length !== part.length) return part;
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

  // Calls done(result) with the results in Material's format (at once when the texts are there).
  Engine.prototype.search = function (raw, done) {
    var query = this.parse(raw);
    var scored = this.score(query);
    var ranked = Object.keys(scored.scores).map(Number).sort(function (a, b) {
      return scored.scores[b] - scored.scores[a] || a - b;
    });
    if (!ranked.length) return done({ items: [] });
    var floor = scored.scores[ranked[0]] >= CITATION_SCORE / 2 ? 0 : scored.scores[ranked[0]] * 0.15;
    var shown = [];
    for (var i = 0; i < ranked.length && shown.length < MAX_RESULTS; i++) {
      if (scored.scores[ranked[i]] < floor) break;
      shown.push(ranked[i]);
    }
    var self = this;
    this.withTexts(shown, function () { done(self.results(query, scored, shown)); });
  };

  Engine.prototype.results = function (query, scored, shown) {
    var terms = {};
    query.parts.concat(query.expansions).forEach(function (t) { if (t.length > 1) terms[t] = true; });

    var items = [];
    for (var i = 0; i < shown.length; i++) {
      var entry = this.docs[shown[i]], score = scored.scores[shown[i]];
      if (entry.doc.text === null) continue;          // its shard failed to load
      if (entry.plain === undefined)
        entry.plain = normalize(stripTags(entry.doc.title), this.data) + " " +
          normalize(this.data.keys[entry.doc.location] || "", this.data) + " " +
          normalize(stripTags(entry.doc.text), this.data);
      var present = {};
      for (var t in terms) if (entry.plain.indexOf(normalize(t, this.data)) >= 0) present[t] = true;
      var item = {
        location: entry.doc.location,
        title: highlight(entry.doc.title, scored.weights, this.data),
        text: highlight(entry.doc.text, scored.weights, this.data),
        score: score, terms: present
      };
      if (entry.doc.tags) item.tags = entry.doc.tags.slice();
      // Each hit is its own result under its page's title, so the order shown is the ranking.
      var page = this.pages[entry.page];
      var group = [item];
      if (page && page !== entry.doc)
        group.push({ location: page.location, title: stripTags(page.title), text: "", score: 0, terms: {} });
      items.push(group);
    }
    return { items: items };
  };

  /* ---------------- the worker stand-in ---------------- */

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
        self.engine = new Engine(data, ok ? window.__lawSearchIndex : EMPTY_INDEX);
        self.reply({ type: READY });
      });
    } else if (message.type === QUERY) {
      // texts may load after a later query has answered: only the latest query replies
      var seq = this.seq = (this.seq || 0) + 1;
      var answer = function (result) {
        if (seq === self.seq) self.reply({ type: RESULT, data: result });
      };
      try {
        this.engine.search(message.data, answer);
      } catch (err) {
        console.warn("搜索出错：", err);
        answer({ items: [] });
      }
    }
  };

  window.Worker = function (url, options) {
    if (/workers\/search\.[^/]*\.js/.test(url) && window.__lawSearchData)
      return new LawSearchWorker();
    return new NativeWorker(url, options);
  };
  window.Worker.prototype = NativeWorker && NativeWorker.prototype;
})();
