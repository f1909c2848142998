/*
 * leidraad: quiz pages (default theme).
 *
 * Without this script a quiz still works: every question has a <details>
 * with the answer. With it: one question at a time with progress ("3 van
 * 10"), a "check" button per question (a tap on an option of a single-choice
 * or true/false question checks it at once), marks in words and colour, an
 * answer that stays once checked, an end screen with the score and the
 * questions missed, moving the items of order questions with buttons and a
 * printable worksheet. Classroom mode (one question at a time for a
 * projector) is classroom.js, which this file hands what they share.
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
    var data = { answers: {}, checked: {}, step: finished ? 'result' : step };
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
    var place = orderItems(q).indexOf(item) + 1;
    var text = one('.order-text', item);
    if (q.status) q.status.textContent = fill(labels.labelMoved, { item: text ? text.textContent : '', place: place });
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

  /* ---------------------------------------------- one question at a time */
  /* Outside classroom mode: the current question (is-step), progress, the
     previous and next buttons, and at the end the score with the questions
     missed, each with the rules it cites. quiz.css hides the other questions
     on screen only, so the worksheet still prints them all. */

  var stepBox = one('[data-step-progress-box]');
  var stepText = one('[data-step-progress]');
  var stepBar = one('[data-step-bar]');
  var steps = one('[data-steps]');
  var stepPrev = one('[data-step-prev]');
  var stepNext = one('[data-step-next]');
  var scoreButton = one('[data-score-button]');
  var step = 0;
  var finished = false;

  /* Puts the page's top edge of `element` in view if it is above or below. */
  function bringIntoView(element) {
    if (!element) return;
    var box = element.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight * 0.5) element.scrollIntoView({ block: 'start' });
  }

  /* Shows question `index`. `user` is true when a person asked for it: then
     the focus moves there and the place is stored. */
  function showStep(index, user) {
    step = Math.max(0, Math.min(questions.length - 1, index));
    finished = false;
    root.classList.remove('is-finished');
    show(result, false);
    questions.forEach(function (q, i) { q.el.classList.toggle('is-step', i === step); });
    if (stepText) stepText.textContent = fill(labels.labelStepProgress, { number: step + 1, total: questions.length });
    if (stepBar) stepBar.value = step + 1;
    if (stepPrev) stepPrev.setAttribute('aria-disabled', step === 0 ? 'true' : 'false');
    var last = step === questions.length - 1;
    show(stepNext, !last);
    show(scoreButton, last);
    if (!user) return;
    writeStore();
    bringIntoView(stepBox);
    questions[step].el.focus({ preventScroll: true });
  }

  /* The end screen: unanswered questions count as not answered. */
  function finish(user) {
    questions.forEach(function (q) { if (!q.checked) check(q, true); });
    finished = true;
    root.classList.add('is-finished');
    questions.forEach(function (q) { q.el.classList.remove('is-step'); });
    updateScore();
    var missed = 0;
    questions.forEach(function (q) {
      var item = one('[data-missed-for="' + q.id + '"]');
      if (!item) return;
      show(item, !q.right);
      if (q.right) return;
      missed++;
      var status = one('[data-missed-status]', item);
      if (status) status.textContent = isAnswered(q) ? labels.labelIncorrect : labels.labelStatusUnanswered;
      item.classList.toggle('is-unanswered', !isAnswered(q));
    });
    show(one('[data-missed]'), missed > 0);
    show(one('[data-all-right]'), missed === 0);
    show(result, true);
    writeStore();
    if (!user) return;
    bringIntoView(result);
    if (score) score.focus({ preventScroll: true });
  }

  /* What classroom.js uses: it runs after this file (both are deferred). */
  root.leidraadQuiz = {
    questions: questions,
    labels: labels,
    all: all,
    one: one,
    fill: fill,
    show: show,
    inClassroom: inClassroom,
    markEverything: markEverything,
    clearMarks: clearMarks,
    markChosen: markChosen,
    classroom: classroom,
  };

  /* --------------------------------------------------------------- wiring */

  questions.forEach(function (q) {
    if (q.checkButton) {
      q.checkButton.addEventListener('click', function () {
        check(q, false);
        writeStore();
        updateScore();
      });
    }
    // A tap or click on an option checks a single-choice or true/false
    // question at once; arrow keys only choose (they move through the
    // options), and the check button or Enter on it checks.
    q.el.addEventListener('pointerdown', function () { q.viaPointer = true; });
    q.el.addEventListener('keydown', function () { q.viaPointer = false; });
    var atOnce = q.kind === 'single' || q.kind === 'truefalse';
    q.inputs.forEach(function (input) {
      input.addEventListener('click', function (event) {
        if (q.locked) event.preventDefault(); // a checked answer stays
      });
      input.addEventListener('change', function () {
        changed(q);
        if (atOnce && q.viaPointer && !inClassroom()) {
          check(q, false);
          writeStore();
          updateScore();
        }
      });
    });
    if (isOrder(q)) {
      all('[data-order-buttons]', q.el).forEach(function (el) { show(el, true); });
      all('[data-order-place]', q.el).forEach(function (el) { show(el, false); });
      q.list.classList.add('is-movable');
      q.list.addEventListener('click', function (event) {
        var button = event.target.closest('[data-move]');
        if (!button || button.getAttribute('aria-disabled') === 'true') return;
        move(q, button.closest('[data-option]'), button.getAttribute('data-move'));
      });
      updateMoveButtons(q);
    }
    show(one('[data-actions]', q.el), true);
  });

  function on(selector, handler) {
    all(selector, root).forEach(function (el) { el.addEventListener('click', handler); });
  }

  var toolbarStatus = one('[data-toolbar-status]');

  on('[data-score-button]', function () { finish(true); });
  on('[data-step-prev]', function () { if (step > 0) showStep(step - 1, true); });
  on('[data-step-next]', function () { showStep(step + 1, true); });
  all('[data-goto]', root).forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.getAttribute('data-goto');
      showStep(questions.findIndex(function (q) { return q.id === id; }), true);
    });
  });
  on('[data-retry]', function () {
    reset();
    if (inClassroom()) classroom.goTo(0, true);
    else showStep(0, true);
  });
  on('[data-clear]', function () {
    reset();
    showStep(0, false);
    if (toolbarStatus) toolbarStatus.textContent = labels.labelCleared;
  });
  on('[data-print]', function () {
    if (inClassroom()) classroom.stop();
    document.body.classList.add('worksheet');
    window.print();
  });
  window.addEventListener('afterprint', function () {
    document.body.classList.remove('worksheet');
  });

  // Feedback shows only with its mark (the page shows it in the opened answer without this script).
  all('[data-feedback]', root).forEach(function (el) { show(el, false); });
  if (score) score.setAttribute('tabindex', '-1');
  all('[data-toolbar], [data-teacher-buttons]', root).forEach(function (el) { show(el, true); });
  show(stepBox, true);
  show(steps, true);
  root.classList.add('has-js', 'is-stepwise');

  /* Earlier answers on this device. */
  var stored = readStore();
  if (stored && stored.answers) {
    questions.forEach(function (q) {
      var answer = stored.answers[q.id];
      if (!Array.isArray(answer)) return;
      if (isOrder(q)) applyOrder(q, answer);
      else q.inputs.forEach(function (i) { i.checked = answer.indexOf(i.id) !== -1; });
      if (stored.checked && stored.checked[q.id]) check(q, true);
    });
    updateScore();
  }
  if (stored && stored.step === 'result' && scoreOf()) finish(false);
  else showStep(stored && typeof stored.step === 'number' ? stored.step : 0, false);
})();
