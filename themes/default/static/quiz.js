/*
 * leidraad: quiz pages (default theme), the answers: what is chosen, checking
 * a question, marks in words and colour, an answer that stays once checked,
 * moving the items of order questions, the score, and what this browser keeps.
 *
 * Without the quiz scripts a quiz still works: every question has a <details>
 * with the answer. The page around the answers (one question at a time with
 * progress, "3 van 10", the end screen with the questions missed, the buttons
 * and the printable worksheet) is quiz-flow.js; classroom mode (one question
 * at a time for a projector) is classroom.js. This file runs first and hands
 * both what they share as `leidraadQuiz` on the quiz's element.
 *
 * All words come from data-label-* attributes that quiz.html fills from the
 * site's messages, so this file speaks no language. Answers are kept only in
 * this browser's localStorage (one key per quiz) and are never sent anywhere.
 */
(function () {
  'use strict';

  var root = document.querySelector('[data-quiz]');
  if (!root) return;

  var labels = root.dataset;
  var storageKey = 'leidraad-quiz:' + root.getAttribute('data-quiz');
  var passMark = Number(labels.pass) || 0;
  /* Where the page is (quiz-flow.js moves it): the question shown, or the end screen. */
  var place = { step: 0, finished: false };

  function all(selector, scope) {
    return Array.prototype.slice.call((scope || document).querySelectorAll(selector));
  }

  function one(selector, scope) {
    return (scope || root).querySelector(selector);
  }

  /* "{right} van {total} goed" with the values filled in. */
  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function show(element, visible) {
    if (element) element.hidden = !visible;
  }

  function inClassroom() {
    return document.body.classList.contains('classroom');
  }

  /* What classroom mode does when this file asks; classroom.js sets them. */
  var classroom = { goTo: function () {}, stop: function () {}, unreveal: function () {} };

  /* ------------------------------------------------------------ storage */

  function readStore() {
    try {
      var text = window.localStorage.getItem(storageKey);
      var data = text ? JSON.parse(text) : null;
      return data && typeof data === 'object' ? data : null;
    } catch (e) {
      return null; // storage blocked or unreadable: start empty
    }
  }

  /* The stored object: { answers: {q1: [...]}, checked: {q1: true},
     step: 2 or 'result', score: {right, total, percent, passed} }. The score
     is there only while every question is checked, that is while the result
     shows it; the acknowledgement form (acknowledgement.js) reads it. */
  function writeStore() {
    var data = { answers: {}, checked: {}, step: place.finished ? 'result' : place.step };
    questions.forEach(function (q) {
      data.answers[q.id] = answerOf(q);
      if (q.checked) data.checked[q.id] = true;
    });
    var result = scoreOf();
    if (result) data.score = result;
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(data));
    } catch (e) {
      /* storage blocked or full: the quiz works without it */
    }
  }

  function clearStore() {
    try {
      window.localStorage.removeItem(storageKey);
    } catch (e) {
      /* nothing stored */
    }
  }

  /* ---------------------------------------------------------- questions */

  var questions = all('[data-question]', root).map(function (el) {
    var q = {
      el: el,
      id: el.id,
      kind: el.getAttribute('data-kind'),
      options: all('[data-option]', el),
      inputs: all('input', el),
      list: one('[data-order-list]', el),
      status: one('[data-status]', el),
      details: one('[data-answer]', el),
      checkButton: one('[data-check]', el),
      checked: false,
      locked: false,
      viaPointer: false,
      right: false,
      stage: 0, // classroom: 0 hidden, 1 answer and explanation, 2 each option's feedback
    };
    q.initialOrder = q.list ? all('[data-option]', q.list) : [];
    return q;
  });
  if (!questions.length) return;

  function isOrder(q) {
    return q.kind === 'order';
  }

  function orderItems(q) {
    return all('[data-option]', q.list);
  }

  function answerOf(q) {
    if (isOrder(q)) {
      return orderItems(q).map(function (item) { return item.getAttribute('data-option-id'); });
    }
    return q.inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.id; });
  }

  function isAnswered(q) {
    return isOrder(q) || q.inputs.some(function (i) { return i.checked; });
  }

  function isRight(q) {
    if (isOrder(q)) {
      return orderItems(q).every(function (item, index) {
        return Number(item.getAttribute('data-position')) === index + 1;
      });
    }
    return q.inputs.every(function (i) {
      return i.checked === (i.getAttribute('data-correct') === 'true');
    });
  }

  /* One option's mark: state is 'right', 'wrong', 'missed' or '' (none).
     A right or wrong mark shows the option's feedback unless `quiet`. */
  function mark(option, state, quiet) {
    var markEl = one('[data-mark]', option);
    var feedback = one('[data-feedback]', option);
    var input = one('input', option);
    option.classList.remove('is-right', 'is-wrong', 'is-missed');
    if (state) option.classList.add('is-' + state);
    if (markEl) {
      markEl.textContent = state === 'right' ? labels.labelCorrect
        : state === 'wrong' ? labels.labelIncorrect
          : state === 'missed' ? labels.labelRightAnswer : '';
    }
    var withFeedback = !quiet && (state === 'right' || state === 'wrong');
    show(feedback, withFeedback);
    if (input && feedback) {
      if (withFeedback) input.setAttribute('aria-describedby', feedback.id);
      else input.removeAttribute('aria-describedby');
    }
  }

  function clearMarks(q) {
    q.options.forEach(function (option) { mark(option, ''); });
  }

  /* Marks after checking: the chosen options, and the right ones missed. */
  function markChosen(q) {
    if (isOrder(q)) {
      orderItems(q).forEach(function (item, index) {
        mark(item, Number(item.getAttribute('data-position')) === index + 1 ? 'right' : 'wrong');
      });
      return;
    }
    q.options.forEach(function (option) {
      var input = one('input', option);
      var correct = input.getAttribute('data-correct') === 'true';
      if (input.checked) mark(option, correct ? 'right' : 'wrong');
      else mark(option, correct ? 'missed' : '');
    });
  }

  /* Marks in classroom mode: every option, with its feedback. */
  /* Classroom: every option marked right or wrong, with its feedback or
     without. Order items keep their place (the answer shows the order);
     they only show their feedback. */
  function markEverything(q, withFeedback) {
    if (isOrder(q)) {
      q.options.forEach(function (item) { show(one('[data-feedback]', item), withFeedback); });
      return;
    }
    q.options.forEach(function (option) {
      var input = one('input', option);
      mark(option, input.getAttribute('data-correct') === 'true' ? 'right' : 'wrong', !withFeedback);
    });
  }

  function setStatus(q, text, state) {
    q.el.classList.remove('is-answered-right', 'is-answered-wrong');
    if (state) q.el.classList.add('is-answered-' + state);
    if (q.status) q.status.textContent = text || '';
  }

  /* Checks one question. `everything` is true when the score button checks them all. */
  function check(q, everything) {
    if (!isAnswered(q)) {
      if (!everything) {
        setStatus(q, labels.labelStatusEmpty, '');
        return;
      }
      q.checked = true;
      q.right = false;
      clearMarks(q);
      setStatus(q, labels.labelStatusUnanswered, 'wrong');
      if (q.details) q.details.open = true;
      return;
    }
    q.checked = true;
    q.right = isRight(q);
    markChosen(q);
    setStatus(q, q.right ? labels.labelStatusRight : labels.labelStatusWrong, q.right ? 'right' : 'wrong');
    if (q.details) q.details.open = true;
    lock(q, true);
  }

  /* A checked answer stays: the first answer counts, as in a test, until
     "again" or "clear". The controls stay focusable (aria-disabled), so a
     screen reader still reads the options and where the focus was. */
  function lock(q, locked) {
    q.locked = locked;
    q.el.classList.toggle('is-locked', locked);
    q.inputs.forEach(function (input) {
      if (locked) input.setAttribute('aria-disabled', 'true');
      else input.removeAttribute('aria-disabled');
    });
    all('select', q.el).forEach(function (select) { select.disabled = locked; });
    if (isOrder(q)) updateMoveButtons(q);
    show(q.checkButton, !locked);
  }

  /* An answer changed: the question is no longer checked. */
  function changed(q) {
    if (q.checked) {
      q.checked = false;
      q.right = false;
      clearMarks(q);
      setStatus(q, '', '');
    }
    writeStore();
    updateScore();
  }

  /* ------------------------------------------------------ order questions */

  function updateMoveButtons(q) {
    var items = orderItems(q);
    items.forEach(function (item, index) {
      var up = one('[data-move="up"]', item);
      var down = one('[data-move="down"]', item);
      if (up) up.setAttribute('aria-disabled', q.locked || index === 0 ? 'true' : 'false');
      if (down) down.setAttribute('aria-disabled', q.locked || index === items.length - 1 ? 'true' : 'false');
    });
  }

  function move(q, item, direction) {
    // The neighbour moves, not the item: the pressed button keeps its focus.
    var neighbour = direction === 'up' ? item.previousElementSibling : item.nextElementSibling;
    if (!neighbour || q.locked) return;
    if (direction === 'up') item.after(neighbour);
    else item.before(neighbour);
    updateMoveButtons(q);
    changed(q);
    var position = orderItems(q).indexOf(item) + 1;
    var text = one('.order-text', item);
    if (q.status) q.status.textContent = fill(labels.labelMoved, { item: text ? text.textContent : '', place: position });
  }

  function applyOrder(q, ids) {
    var byId = {};
    orderItems(q).forEach(function (item) { byId[item.getAttribute('data-option-id')] = item; });
    var items = ids.map(function (id) { return byId[id]; }).filter(Boolean);
    if (items.length !== q.initialOrder.length) return; // stored answer does not fit this page
    items.forEach(function (item) { q.list.appendChild(item); });
    updateMoveButtons(q);
  }

  /* ---------------------------------------------------------------- score */

  var result = one('[data-result]');
  var score = one('[data-score]');

  /* The score once every question is checked, else null. */
  function scoreOf() {
    if (!questions.every(function (q) { return q.checked; })) return null;
    var right = questions.filter(function (q) { return q.right; }).length;
    var total = questions.length;
    return {
      right: right,
      total: total,
      percent: Math.round((right * 100) / total),
      passed: right * 100 >= passMark * total,
    };
  }

  function updateScore() {
    if (!result || !score) return;
    var now = scoreOf();
    result.classList.remove('is-passed', 'is-failed');
    if (!now) {
      score.textContent = '';
      return;
    }
    result.classList.add(now.passed ? 'is-passed' : 'is-failed');
    score.textContent = '';
    var line = document.createElement('p');
    line.className = 'quiz-score-line';
    line.textContent = fill(labels.labelScore, { right: now.right, total: now.total, percent: now.percent });
    var verdict = document.createElement('p');
    verdict.className = 'quiz-verdict';
    verdict.textContent = now.passed ? labels.labelPassed : labels.labelFailed;
    score.appendChild(line);
    score.appendChild(verdict);
  }

  function reset() {
    questions.forEach(function (q) {
      q.inputs.forEach(function (i) { i.checked = false; });
      if (isOrder(q)) {
        q.initialOrder.forEach(function (item) { q.list.appendChild(item); });
        updateMoveButtons(q);
      }
      classroom.unreveal(q);
      q.checked = false;
      q.right = false;
      lock(q, false);
      clearMarks(q);
      setStatus(q, '', '');
      if (q.details) q.details.open = false;
    });
    clearStore();
    updateScore();
  }

  /* What quiz-flow.js and classroom.js use: they run after this file, in
     that order (all three are deferred). */
  root.leidraadQuiz = {
    questions: questions,
    labels: labels,
    place: place,
    result: result,
    score: score,
    all: all,
    one: one,
    fill: fill,
    show: show,
    inClassroom: inClassroom,
    classroom: classroom,
    readStore: readStore,
    writeStore: writeStore,
    isOrder: isOrder,
    isAnswered: isAnswered,
    check: check,
    changed: changed,
    markEverything: markEverything,
    clearMarks: clearMarks,
    markChosen: markChosen,
    move: move,
    updateMoveButtons: updateMoveButtons,
    applyOrder: applyOrder,
    scoreOf: scoreOf,
    updateScore: updateScore,
    reset: reset,
  };
})();
