/* Quizzes: 练习 (check one question at a time), 考试 (random N questions, score at the end),
   错题本 (wrong answers until answered right twice), and progress shown wherever a
   <span class="quiz-progress" data-module="…"> appears. No framework and no network: the
   questions are in the page's HTML and the answers in its <script class="quiz-data"> JSON,
   so it works from file:// as well as from a web server. Progress lives in localStorage. */
(function () {
  "use strict";

  var STORE_KEY = "xzdzb-quiz-v1";
  var memoryStore = null; // used when localStorage is blocked (some file:// setups)

  function emptyState() { return { q: {}, book: {}, best: {}, meta: {} }; }

  function load() {
    try {
      var raw = window.localStorage.getItem(STORE_KEY);
      var s = raw ? JSON.parse(raw) : emptyState();
      ["q", "book", "best", "meta"].forEach(function (k) { if (!s[k]) s[k] = {}; });
      return s;
    } catch (e) {
      return memoryStore || (memoryStore = emptyState());
    }
  }

  function save(s) {
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(s)); } catch (e) { memoryStore = s; }
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

  function record(id, right) {
    var s = load(), entry = s.q[id] || (s.q[id] = { r: 0, w: 0 });
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

  function showResult(root, right, note) {
    root.classList.remove("quiz-right", "quiz-wrong");
    root.classList.add(right ? "quiz-right" : "quiz-wrong");
    root.querySelector(".quiz-verdict").textContent = (right ? "✔ 回答正确" : "✘ 回答错误") + (note || "");
    root.querySelector(".quiz-feedback").hidden = false;
    setInputsDisabled(root, true);
  }

  function resetQuestion(root) {
    root.classList.remove("quiz-right", "quiz-wrong");
    root.querySelectorAll("input").forEach(function (i) {
      i.disabled = false;
      if (i.type === "text") i.value = ""; else i.checked = false;
    });
    root.querySelector(".quiz-feedback").hidden = true;
    root.querySelector(".quiz-verdict").textContent = "";
    root.querySelector(".quiz-check").hidden = false;
    root.querySelector(".quiz-retry").hidden = true;
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
    var right = isRight(id, value), result = record(id, right), note = "";
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

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = list[i];
      list[i] = list[j]; list[j] = t;
    }
    return list;
  }

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
      box.appendChild(q);
    });
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

  function submitExam() {
    var exam = document.querySelector(".quiz-exam");
    var questions = exam.querySelectorAll(".quiz-exam-questions .quiz-question");
    var right = 0, wrong = [];
    questions.forEach(function (root, i) {
      var id = root.getAttribute("data-question-id"), ok = isRight(id, given(root));
      record(id, ok);
      showResult(root, ok, given(root) === null ? "（未作答）" : "");
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
    score.textContent = "得分：" + pct + " 分（答对 " + right + " / " + total + " 题）" + (isBest ? "，这是本范围的最好成绩" : "，最好成绩 " + best.pct + " 分");
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
      if (ids.indexOf(q.getAttribute("data-question-id")) === -1) return;
      n += 1;
      q.querySelector(".quiz-no").textContent = n;
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
    else if (t.closest(".quiz-submit")) submitExam();
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
    fillProgress();
    var setup = document.querySelector(".quiz-exam-setup");
    if (setup) {
      var wanted = new URLSearchParams(window.location.search).get("module");
      if (wanted && setup.querySelector('option[value="' + wanted + '"]')) setup.elements.module.value = wanted;
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
