/* Quizzes: 练习 (check one question at a time), 考试 (random N questions, score at the end),
   错题本 (wrong answers until answered right twice), and progress shown wherever a
   <span class="quiz-progress" data-module="…"> appears. No framework and no network: the
   questions are in the page's HTML and the answers in its <script class="quiz-data"> JSON,
   so it works from file:// as well as from a web server. Progress lives in localStorage.
   Options of single and multiple choice questions are shuffled each time a question is shown
   (page load, 再做一次, a new exam): an input's value stays the file's letter, so checking,
   the score and the 错题本 compare the same keys, while the letters on screen (A, B, C …) and the
   "正确答案" line follow the order shown. The printed paper and its key keep the file's order. */
(function () {
  "use strict";

  var STORE_KEY = "xzdzb-quiz-v1";
  var memoryStore = null; // used when localStorage is blocked (some file:// setups)

  function emptyState() { return { q: {}, book: {}, best: {}, meta: {}, last: {} }; }

  /* What is read back from localStorage is checked entry by entry: a value of the wrong shape
     (an old version's, a hand edit, another site's key) is dropped and reported once in the
     console, never allowed to stop 核对, the exam score or the 错题本. */
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function isCount(v) { return typeof v === "number" && isFinite(v) && v >= 0; }
  var VALID = {
    q: function (v) { return isObject(v) && isCount(v.r) && isCount(v.w); },
    book: isCount,
    best: function (v) { return isObject(v) && isCount(v.pct) && isCount(v.right) && isCount(v.total); },
    meta: function (v) { return isObject(v) && isCount(v.count) && typeof v.title === "string"; },
    last: function (v) { return v === null || typeof v === "string" || typeof v === "boolean" || Array.isArray(v); }
  };
  var reported = false;

  function clean(raw) {
    var s = emptyState(), dropped = 0;
    if (!isObject(raw)) return { state: s, dropped: raw === null || raw === undefined ? 0 : 1 };
    Object.keys(VALID).forEach(function (part) {
      if (!(part in raw)) return;
      if (!isObject(raw[part])) { dropped += 1; return; }
      Object.keys(raw[part]).forEach(function (id) {
        if (VALID[part](raw[part][id])) s[part][id] = raw[part][id]; else dropped += 1;
      });
    });
    return { state: s, dropped: dropped };
  }

  // null: localStorage works; otherwise the reason progress will not be kept
  var storageProblem = (function () {
    try {
      var probe = STORE_KEY + "-probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return null;
    } catch (e) {
      return "这台电脑的浏览器不允许本页保存数据（可能是从共享文件夹打开、或开了隐私模式），做题进度和错题本只在本页打开期间有效，关掉就没有了。";
    }
  })();

  function load() {
    if (storageProblem) return memoryStore || (memoryStore = emptyState());
    var parsed;
    try {
      var raw = window.localStorage.getItem(STORE_KEY);
      parsed = raw ? JSON.parse(raw) : null;
    } catch (e) {
      parsed = "unreadable";
    }
    var result = clean(parsed);
    if (result.dropped && !reported) {
      reported = true;
      console.warn("做题记录里有 " + result.dropped + " 项格式不对，已舍弃（其余记录照常使用）。");
      save(result.state);
    }
    return result.state;
  }

  function save(s) {
    if (storageProblem) { memoryStore = s; return; }
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(s)); } catch (e) { memoryStore = s; }
  }

  function showStorageProblem() {
    if (!storageProblem) return;
    document.querySelectorAll(".quiz-practice, .quiz-exam-setup, .quiz-mistakes, .quiz-status").forEach(function (el) {
      if (el.previousElementSibling && el.previousElementSibling.classList.contains("quiz-storage-note")) return;
      var note = document.createElement("p");
      note.className = "quiz-storage-note";
      note.setAttribute("role", "note");
      note.textContent = storageProblem;
      el.parentNode.insertBefore(note, el);
    });
  }

  function moduleOf(id) { return id.replace(/-\d{3}$/, ""); }

  /* ---------- page data ---------- */

  var answers = {};

  function readData() {
    answers = {};
    var s = load(), changed = false;
    document.querySelectorAll("script.quiz-data").forEach(function (el) {
      var data = JSON.parse(el.textContent);
      Object.keys(data.answers).forEach(function (id) { answers[id] = data.answers[id]; });
      Object.keys(data.modules).forEach(function (slug) {
        var m = data.modules[slug], old = s.meta[slug];
        if (!old || old.count !== m.count || old.title !== m.title) { s.meta[slug] = m; changed = true; }
      });
    });
    if (changed) save(s);
  }

  /* ---------- options in a fresh order ---------- */

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = list[i];
      list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  var LETTERS = "ABCDEF";

  function isChoice(root) {
    var type = root.getAttribute("data-type");
    return type === "single" || type === "multiple";
  }

  function optionLabels(root) {
    return Array.prototype.slice.call(root.querySelectorAll("fieldset > .quiz-option"));
  }

  /* The letter shown on screen for the option whose value (the file's letter) is `value`. */
  function shownLetter(root, value) {
    var labels = optionLabels(root);
    for (var i = 0; i < labels.length; i++) {
      if (labels[i].querySelector("input").value === value) return LETTERS[i];
    }
    return value;
  }

  function optionText(root, value) {
    var input = root.querySelector('fieldset input[value="' + value + '"]');
    if (!input) return value;
    // the option's words, without its letter and marks (an option may hold a linked citation)
    var copy = input.closest(".quiz-option").cloneNode(true);
    copy.querySelectorAll("input, .quiz-letter, .quiz-mark").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* The right answer as the learner sees it: 正确答案：C. 一处（and, for several, each on its letter). */
  function answerLine(root) {
    var a = answers[root.getAttribute("data-question-id")], el = root.querySelector(".quiz-answer");
    if (!a || !el || !isChoice(root)) return;
    var keys = a.type === "multiple" ? a.answer : [a.answer];
    var shown = keys.map(function (k) { return { letter: shownLetter(root, k), text: optionText(root, k) }; });
    shown.sort(function (x, y) { return x.letter < y.letter ? -1 : 1; });
    el.textContent = "正确答案：" + shown.map(function (x) { return x.letter + ". " + x.text; }).join("；");
  }

  /* `fresh`: 再做一次 must not show the order just answered, or a learner could answer by position. */
  function shuffleOptions(root, fresh) {
    if (!isChoice(root)) return;
    var labels = optionLabels(root), fieldset = root.querySelector("fieldset");
    if (labels.length < 2) return;
    var anchor = labels[labels.length - 1].nextSibling, order = labels.slice();
    do { shuffle(order); } while (fresh && order.every(function (label, i) { return label === labels[i]; }));
    order.forEach(function (label, i) {
      fieldset.insertBefore(label, anchor);
      label.querySelector(".quiz-letter").textContent = LETTERS[i] + ".";
    });
    answerLine(root);
  }

  /* ---------- answers ---------- */

  function normalise(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/[\s。，、,.．;；:：!！?？"'“”‘’]/g, "");
  }

  function given(root) {
    var type = root.getAttribute("data-type");
    if (type === "fill") {
      var v = root.querySelector("input[type=text]").value;
      return v.trim() === "" ? null : v;
    }
    var checked = Array.prototype.map.call(root.querySelectorAll("input:checked"), function (i) { return i.value; });
    if (!checked.length) return null;
    return type === "multiple" ? checked.sort() : checked[0];
  }

  function isRight(id, value) {
    var a = answers[id];
    if (!a || value === null) return false;
    if (a.type === "single") return value === a.answer;
    if (a.type === "truefalse") return value === String(a.answer);
    if (a.type === "multiple") return value.join(",") === a.answer.join(",");
    var typed = normalise(value);
    return a.answer.some(function (x) { return normalise(x) === typed; });
  }

  /* ---------- progress ---------- */

  function record(id, right, value) {
    var s = load(), entry = s.q[id] || (s.q[id] = { r: 0, w: 0 });
    if (!right) s.last[id] = value; // the wrong answer given, shown on the 错题本
    else delete s.last[id];
    var leftBook = false;
    if (right) {
      entry.r += 1;
      if (id in s.book) {
        s.book[id] += 1;
        if (s.book[id] >= 2) { delete s.book[id]; leftBook = true; }
      }
    } else {
      entry.w += 1;
      s.book[id] = 0; // into the 错题本, or back to zero right answers
    }
    save(s);
    fillProgress();
    return { leftBook: leftBook, inBook: id in s.book ? s.book[id] : null };
  }

  function moduleProgress(s, slug) {
    var right = 0, tried = 0;
    Object.keys(s.q).forEach(function (id) {
      if (moduleOf(id) !== slug) return;
      tried += 1;
      if (s.q[id].r > 0) right += 1;
    });
    return { right: right, tried: tried };
  }

  function progressText(s, slug) {
    var p = moduleProgress(s, slug), meta = s.meta[slug], best = s.best[slug];
    if (!p.tried && !best) return "尚未练习";
    var parts = ["已答对 " + p.right + (meta ? " / " + meta.count : "") + " 题"];
    if (best) parts.push("考试最好成绩 " + best.pct + " 分");
    return parts.join(" · ");
  }

  function fillProgress() {
    var s = load();
    document.querySelectorAll(".quiz-progress[data-module]").forEach(function (el) {
      el.textContent = progressText(s, el.getAttribute("data-module"));
    });
  }

  /* ---------- showing a result on one question ---------- */

  function setInputsDisabled(root, disabled) {
    root.querySelectorAll("input").forEach(function (i) { i.disabled = disabled; });
  }

  function clearMarks(root) {
    root.querySelectorAll(".quiz-mark").forEach(function (m) { m.remove(); });
    root.querySelectorAll(".quiz-chosen, .quiz-correct").forEach(function (l) {
      l.classList.remove("quiz-chosen", "quiz-correct");
    });
  }

  function mark(label, text, cls) {
    label.classList.add(cls);
    var m = document.createElement("span");
    m.className = "quiz-mark " + cls + "-mark";
    m.textContent = text;
    label.appendChild(m);
  }

  /* Feedback that does not rest on colour: the chosen option and the right one say so in words. */
  function markOptions(root) {
    var a = answers[root.getAttribute("data-question-id")];
    if (!a) return;
    if (a.type === "fill") {
      var input = root.querySelector("input[type=text]"), label = input.closest(".quiz-fill");
      if (input.value.trim()) mark(label, "你的答案：" + input.value.trim(), "quiz-chosen");
      return;
    }
    var keys = a.type === "multiple" ? a.answer : [String(a.answer)];
    root.querySelectorAll("fieldset > .quiz-option").forEach(function (label) {
      var inp = label.querySelector("input"), right = keys.indexOf(inp.value) !== -1;
      if (inp.checked) mark(label, right ? "← 你的选择（正确）" : "← 你的选择（错误）", "quiz-chosen");
      if (right) mark(label, "✔ 正确答案", "quiz-correct");
    });
  }

  function showResult(root, right, note) {
    root.classList.remove("quiz-right", "quiz-wrong");
    root.classList.add(right ? "quiz-right" : "quiz-wrong");
    root.querySelector(".quiz-verdict").textContent = (right ? "✔ 回答正确" : "✘ 回答错误") + (note || "");
    root.querySelector(".quiz-feedback").hidden = false;
    clearMarks(root);
    markOptions(root);
    setInputsDisabled(root, true);
  }

  function resetQuestion(root) {
    root.classList.remove("quiz-right", "quiz-wrong");
    clearMarks(root);
    root.querySelectorAll("input").forEach(function (i) {
      i.disabled = false;
      if (i.type === "text") i.value = ""; else i.checked = false;
    });
    root.querySelector(".quiz-feedback").hidden = true;
    root.querySelector(".quiz-verdict").textContent = "";
    root.querySelector(".quiz-check").hidden = false;
    root.querySelector(".quiz-retry").hidden = true;
    shuffleOptions(root, true);
  }

  /* ---------- 练习 and 错题本: check one question ---------- */

  var session = { checked: 0, right: 0 };

  function updateSession() {
    var el = document.querySelector(".quiz-session");
    if (el) el.textContent = session.checked ? "本次核对 " + session.checked + " 题，答对 " + session.right + " 题" : "";
  }

  function check(root) {
    var id = root.getAttribute("data-question-id"), value = given(root);
    if (value === null) {
      root.querySelector(".quiz-verdict").textContent = "请先作答，再核对。";
      root.querySelector(".quiz-feedback").hidden = true;
      var hint = root.querySelector(".quiz-hint");
      if (!hint) {
        hint = document.createElement("p");
        hint.className = "quiz-hint";
        hint.setAttribute("role", "status");
        root.querySelector(".quiz-actions").appendChild(hint);
      }
      hint.textContent = "请先作答，再核对。";
      return;
    }
    var old = root.querySelector(".quiz-hint");
    if (old) old.remove();
    var right = isRight(id, value), result = record(id, right, value), note = "";
    if (root.closest(".quiz-mistakes")) {
      if (result.leftBook) note = "（已答对两次，移出错题本）";
      else if (right) note = "（再答对一次就移出错题本）";
    }
    session.checked += 1;
    if (right) session.right += 1;
    updateSession();
    showResult(root, right, note);
    root.querySelector(".quiz-check").hidden = true;
    root.querySelector(".quiz-retry").hidden = false;
  }

  /* ---------- 考试 ---------- */

  function startExam(form) {
    var exam = document.querySelector(".quiz-exam"), pool = document.querySelector(".quiz-pool");
    var box = exam.querySelector(".quiz-exam-questions");
    // put the questions of a previous exam back into the pool
    Array.prototype.slice.call(box.children).forEach(function (q) { resetQuestion(q); pool.appendChild(q); });
    var scope = form.elements.module.value;
    var candidates = Array.prototype.filter.call(pool.querySelectorAll(".quiz-question"), function (q) {
      return scope === "all" || q.getAttribute("data-module") === scope;
    });
    var n = Math.max(1, Math.min(parseInt(form.elements.count.value, 10) || 10, candidates.length));
    shuffle(candidates).slice(0, n).forEach(function (q, i) {
      q.querySelector(".quiz-no").textContent = i + 1;
      shuffleOptions(q);
      box.appendChild(q);
    });
    exam.querySelector(".quiz-blank-warning").hidden = true;
    var title = form.elements.module.options[form.elements.module.selectedIndex].text.replace(/（.*$/, "");
    exam.setAttribute("data-scope", scope);
    exam.querySelector(".quiz-exam-info").textContent = "考试范围：" + title + "，共 " + n + " 题。答完后点“交卷”。";
    exam.querySelector(".quiz-submit").hidden = false;
    var result = exam.querySelector(".quiz-result");
    result.hidden = true;
    result.innerHTML = "";
    form.hidden = true;
    exam.hidden = false;
    exam.scrollIntoView();
  }

  function examQuestions() {
    return document.querySelectorAll(".quiz-exam .quiz-exam-questions .quiz-question");
  }

  /* 交卷: with blanks left, say which and ask first; unanswered questions count as wrong. */
  function askSubmit() {
    var exam = document.querySelector(".quiz-exam"), blanks = [];
    examQuestions().forEach(function (root, i) { if (given(root) === null) blanks.push(i + 1); });
    if (!blanks.length) { submitExam(); return; }
    var warning = exam.querySelector(".quiz-blank-warning");
    warning.querySelector(".quiz-blank-text").textContent =
      "还有 " + blanks.length + " 题没有作答（第 " + blanks.join("、") + " 题），交卷后按答错计。要交卷吗？";
    warning.hidden = false;
    warning.querySelector(".quiz-back").focus();
  }

  function submitExam() {
    var exam = document.querySelector(".quiz-exam");
    exam.querySelector(".quiz-blank-warning").hidden = true;
    var questions = examQuestions();
    var right = 0, wrong = [];
    questions.forEach(function (root, i) {
      var id = root.getAttribute("data-question-id"), value = given(root), ok = isRight(id, value);
      record(id, ok, value);
      showResult(root, ok, value === null ? "（未作答）" : "");
      if (ok) right += 1; else wrong.push({ n: i + 1, id: id });
    });
    var total = questions.length, pct = Math.round(100 * right / total);
    var scope = exam.getAttribute("data-scope"), s = load();
    var best = s.best[scope];
    var isBest = !best || pct > best.pct;
    if (isBest) {
      s.best[scope] = { pct: pct, right: right, total: total, date: new Date().toISOString().slice(0, 10) };
      save(s);
      fillProgress();
    }
    var result = exam.querySelector(".quiz-result");
    result.innerHTML = "";
    var score = document.createElement("p");
    score.className = "quiz-score";
    var line = "得分：" + pct + " 分（答对 " + right + " / " + total + " 题）";
    if (!best) line += "，这是本范围的第一次考试";
    else if (isBest) line += "，超过了以前的最好成绩 " + best.pct + " 分";
    else line += "，最好成绩 " + best.pct + " 分";
    score.textContent = line;
    result.appendChild(score);
    var review = document.createElement("p");
    review.className = "quiz-review";
    if (wrong.length) {
      review.appendChild(document.createTextNode("答错的题（已记入错题本，解析见题下）："));
      wrong.forEach(function (w, k) {
        var a = document.createElement("a");
        a.href = "#" + w.id;
        a.textContent = "第 " + w.n + " 题";
        if (k) review.appendChild(document.createTextNode("、"));
        review.appendChild(a);
      });
    } else {
      review.textContent = "全部答对！";
    }
    result.appendChild(review);
    var again = document.createElement("button");
    again.type = "button";
    again.className = "md-button quiz-again";
    again.textContent = "再考一次";
    result.appendChild(again);
    result.hidden = false;
    // right answers collapse to their verdict; wrong ones keep the explanation open for review
    questions.forEach(function (root) {
      if (root.classList.contains("quiz-right")) root.querySelector(".quiz-feedback").hidden = true;
    });
    exam.querySelector(".quiz-submit").hidden = true;
    result.scrollIntoView();
  }

  /* ---------- 错题本 ---------- */

  /* " · 上次答的是：B. 两处（答错 2 次）" — letters as this page shows the options now. */
  function lastAnswerText(root, value, counts) {
    var times = counts && counts.w ? "（答错 " + counts.w + " 次）" : "";
    if (value === undefined) return times ? " · " + times.slice(1, -1) : "";
    if (value === null) return " · 上次没有作答" + times;
    var type = root.getAttribute("data-type"), text;
    if (type === "fill") text = "“" + value + "”";
    else if (type === "truefalse") text = value === "true" ? "正确" : "错误";
    else {
      var keys = type === "multiple" ? value : [value];
      text = keys.map(function (k) { return { l: shownLetter(root, k), t: optionText(root, k) }; })
        .sort(function (x, y) { return x.l < y.l ? -1 : 1; })
        .map(function (x) { return x.l + ". " + x.t; }).join("；");
    }
    return " · 上次答的是：" + text + times;
  }

  function showMistakes(box) {
    var s = load(), pool = document.querySelector(".quiz-pool"), list = box.querySelector(".quiz-mistakes-questions");
    var ids = Object.keys(s.book).filter(function (id) { return answers[id]; });
    var info = box.querySelector(".quiz-mistakes-info");
    if (!ids.length) {
      info.textContent = "错题本是空的：练习或考试中答错的题会出现在这里。";
      return;
    }
    info.textContent = "错题本里有 " + ids.length + " 道题。";
    var n = 0;
    pool.querySelectorAll(".quiz-question").forEach(function (q) {
      var id = q.getAttribute("data-question-id");
      if (ids.indexOf(id) === -1) return;
      n += 1;
      q.querySelector(".quiz-no").textContent = n;
      var unit = q.querySelector(".quiz-unit");
      if (unit) {
        unit.hidden = false;
        unit.querySelector(".quiz-last").textContent = lastAnswerText(q, s.last[id], s.q[id]);
      }
      list.appendChild(q);
    });
  }

  /* ---------- wiring ---------- */

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var root = t.closest(".quiz-question");
    if (t.closest(".quiz-check") && root) check(root);
    else if (t.closest(".quiz-retry") && root) resetQuestion(root);
    else if (t.closest(".quiz-submit")) askSubmit();
    else if (t.closest(".quiz-submit-anyway")) submitExam();
    else if (t.closest(".quiz-back")) {
      document.querySelector(".quiz-blank-warning").hidden = true;
      var first = Array.prototype.filter.call(examQuestions(), function (q) { return given(q) === null; })[0];
      if (first) { first.scrollIntoView(); var inp = first.querySelector("input"); if (inp) inp.focus(); }
    }
    else if (t.closest(".quiz-again")) {
      document.querySelector(".quiz-exam").hidden = true;
      document.querySelector(".quiz-exam-setup").hidden = false;
    }
  });

  document.addEventListener("submit", function (ev) {
    if (ev.target.classList && ev.target.classList.contains("quiz-exam-setup")) {
      ev.preventDefault();
      startExam(ev.target);
    }
  });

  function init() {
    var marker = document.querySelector(".md-content") || document.body;
    if (!marker || marker.getAttribute("data-quiz-init")) return;
    marker.setAttribute("data-quiz-init", "1");
    session = { checked: 0, right: 0 };
    readData();
    showStorageProblem();
    document.querySelectorAll(".quiz-question").forEach(shuffleOptions);
    fillProgress();
    var setup = document.querySelector(".quiz-exam-setup");
    if (setup) {
      // ?module=…: only a module the page offers (never read as a CSS selector)
      var wanted = new URLSearchParams(window.location.search).get("module");
      var offered = Array.prototype.some.call(setup.elements.module.options, function (o) { return o.value === wanted; });
      if (wanted && offered) setup.elements.module.value = wanted;
      var max = document.querySelectorAll(".quiz-pool .quiz-question").length;
      setup.elements.count.max = max;
    }
    var mistakes = document.querySelector(".quiz-mistakes");
    if (mistakes) showMistakes(mistakes);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // Material's instant navigation (if it is ever switched on) swaps pages without a reload
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
