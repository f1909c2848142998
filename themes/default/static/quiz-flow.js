/*
 * leidraad: quiz pages (default theme), the page around the answers: one
 * question at a time with progress ("3 van 10"), the previous and next
 * buttons, the end screen with the score and the questions missed, "again",
 * "clear", the printable worksheet, and the answers this browser kept.
 * quiz.js runs first and hands over what they share as `leidraadQuiz` on the
 * quiz's element; without it this file does nothing.
 */
(function () {
  'use strict';

  var root = document.querySelector('[data-quiz]');
  var quiz = root && root.leidraadQuiz;
  if (!quiz || !quiz.place) return; // no quiz, or a site's own quiz.js of before the split
  var questions = quiz.questions;
  var labels = quiz.labels;
  var place = quiz.place;
  var result = quiz.result;
  var score = quiz.score;
  var all = quiz.all;
  var one = quiz.one;
  var fill = quiz.fill;
  var show = quiz.show;
  var inClassroom = quiz.inClassroom;
  var classroom = quiz.classroom;
  var writeStore = quiz.writeStore;
  var isOrder = quiz.isOrder;
  var isAnswered = quiz.isAnswered;
  var check = quiz.check;
  var changed = quiz.changed;
  var updateScore = quiz.updateScore;
  var scoreOf = quiz.scoreOf;
  var reset = quiz.reset;
  var readStore = quiz.readStore;
  var move = quiz.move;
  var updateMoveButtons = quiz.updateMoveButtons;
  var applyOrder = quiz.applyOrder;

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

  /* Puts the page's top edge of `element` in view if it is above or below. */
  function bringIntoView(element) {
    if (!element) return;
    var box = element.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight * 0.5) element.scrollIntoView({ block: 'start' });
  }

  /* Shows question `index`. `user` is true when a person asked for it: then
     the focus moves there and the place is stored. */
  function showStep(index, user) {
    place.step = Math.max(0, Math.min(questions.length - 1, index));
    place.finished = false;
    root.classList.remove('is-finished');
    show(result, false);
    questions.forEach(function (q, i) { q.el.classList.toggle('is-step', i === place.step); });
    if (stepText) stepText.textContent = fill(labels.labelStepProgress, { number: place.step + 1, total: questions.length });
    if (stepBar) stepBar.value = place.step + 1;
    if (stepPrev) stepPrev.setAttribute('aria-disabled', place.step === 0 ? 'true' : 'false');
    var last = place.step === questions.length - 1;
    show(stepNext, !last);
    show(scoreButton, last);
    if (!user) return;
    writeStore();
    bringIntoView(stepBox);
    questions[place.step].el.focus({ preventScroll: true });
  }

  /* The end screen: unanswered questions count as not answered. */
  function finish(user) {
    questions.forEach(function (q) { if (!q.checked) check(q, true); });
    place.finished = true;
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
  on('[data-step-prev]', function () { if (place.step > 0) showStep(place.step - 1, true); });
  on('[data-step-next]', function () { showStep(place.step + 1, true); });
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
