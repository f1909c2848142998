/*
 * leidraad: classroom mode of quiz pages (default theme), on top of quiz.js.
 *
 * One question at a time for a projector (?klas or ?class in the address,
 * or the teacher's button): each question a slide fitted above the bar, its
 * answer revealed in two steps, arrow keys to move, full screen, and an end
 * slide with the rules to discuss. quiz.js runs first and hands over what
 * they share as `leidraadQuiz` on the quiz's element; without it this file
 * does nothing. All words come from the quiz's data-label-* attributes.
 */
(function () {
  'use strict';

  var root = document.querySelector('[data-quiz]');
  var quiz = root && root.leidraadQuiz;
  if (!quiz) return;
  var questions = quiz.questions;
  var labels = quiz.labels;
  var all = quiz.all;
  var one = quiz.one;
  var fill = quiz.fill;
  var show = quiz.show;
  var inClassroom = quiz.inClassroom;
  var markEverything = quiz.markEverything;
  var clearMarks = quiz.clearMarks;
  var markChosen = quiz.markChosen;

  /* ------------------------------------------------------- classroom mode */

  /* One slide per question, then an end slide with the rules to discuss
     (current === questions.length). Each slide is fitted above the bar. */
  var bar = one('[data-classroom-bar]');
  var progress = one('[data-classroom-progress]');
  var revealButton = one('[data-classroom-reveal]');
  var prevButton = one('[data-classroom-prev]');
  var nextButton = one('[data-classroom-next]');
  var fullscreenButton = one('[data-classroom-fullscreen]');
  var endSlide = one('[data-classroom-end]');
  var current = 0;
  var FIT_MIN = 0.4;

  function atEnd() {
    return current === questions.length;
  }

  /* The type shrinks (through --fit, set with the CSSOM, which the
     Content-Security-Policy allows) until the slide ends above the bar. */
  function fit() {
    if (!inClassroom()) {
      root.style.removeProperty('--fit');
      return;
    }
    var slide = atEnd() ? endSlide : questions[current].el;
    if (!slide || !bar) return;
    var overflows = function (scale) {
      root.style.setProperty('--fit', String(scale));
      var limit = window.innerHeight - bar.offsetHeight - 8;
      return slide.getBoundingClientRect().bottom + window.scrollY > limit;
    };
    if (!overflows(1)) return;
    // Halving between a scale that fits and one that does not: 8 layouts.
    var low = FIT_MIN;
    var high = 1;
    if (overflows(low)) return; // as small as it goes; the page scrolls
    for (var i = 0; i < 8; i++) {
      var middle = (low + high) / 2;
      if (overflows(middle)) high = middle;
      else low = middle;
    }
    root.style.setProperty('--fit', String(Math.floor(low * 1000) / 1000));
  }

  /* Revealing goes in two steps, so that a slide stays readable from the
     back of the room: first the right answer with its explanation, then
     (for a question with feedback per option) what each option says. */
  function hasOptionFeedback(q) {
    return !!one('[data-feedback]', q.el);
  }

  function nextStage(q) {
    if (q.stage === 0) return 1;
    return q.stage === 1 && hasOptionFeedback(q) ? 2 : 0;
  }

  function setStage(q, stage) {
    q.stage = stage;
    q.el.classList.toggle('is-revealed', stage > 0);
    q.el.classList.toggle('is-revealed-options', stage === 2);
    if (stage > 0) {
      markEverything(q, stage === 2);
      if (q.details) q.details.open = true;
      return;
    }
    clearMarks(q);
    if (q.details && !q.checked) q.details.open = false;
  }

  function unreveal(q) {
    if (q.stage > 0) setStage(q, 0);
  }

  function toggleReveal() {
    var q = questions[current];
    if (!q) return;
    setStage(q, nextStage(q));
    updateRevealButton();
    fit();
  }

  function updateRevealButton() {
    var q = questions[current];
    if (!revealButton) return;
    show(revealButton, !!q);
    if (!q) return;
    var next = nextStage(q);
    revealButton.textContent = next === 1 ? labels.labelReveal
      : next === 2 ? labels.labelRevealOptions : labels.labelHide;
    revealButton.setAttribute('aria-expanded', q.stage > 0 ? 'true' : 'false');
  }

  function goTo(index, focus) {
    current = Math.max(0, Math.min(questions.length, index));
    questions.forEach(function (q, i) { q.el.classList.toggle('is-current', i === current); });
    show(endSlide, inClassroom() && atEnd());
    if (progress) {
      progress.textContent = atEnd() ? labels.labelEnd
        : fill(labels.labelProgress, { number: current + 1, total: questions.length });
    }
    if (prevButton) prevButton.setAttribute('aria-disabled', current === 0 ? 'true' : 'false');
    if (nextButton) nextButton.setAttribute('aria-disabled', atEnd() ? 'true' : 'false');
    updateRevealButton();
    window.scrollTo(0, 0);
    fit();
    if (focus) (atEnd() ? endSlide : questions[current].el).focus({ preventScroll: true });
  }

  function setAddress(classroom) {
    if (!window.history || !window.history.replaceState) return;
    var params = new URLSearchParams(window.location.search);
    params.delete('klas');
    params.delete('class');
    var query = params.toString();
    if (classroom) query = query ? 'klas&' + query : 'klas';
    try {
      window.history.replaceState(window.history.state, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
    } catch (e) {
      /* a file: address may refuse; the mode still works */
    }
  }

  function startClassroom(focus) {
    // The class sees no answers until the teacher reveals them, not even
    // answers checked earlier on this device.
    questions.forEach(clearMarks);
    document.body.classList.add('classroom');
    show(bar, true);
    goTo(current, focus);
    setAddress(true);
  }

  function stopClassroom() {
    if (isFullscreen()) document.exitFullscreen().catch(function () {});
    document.body.classList.remove('classroom');
    show(bar, false);
    show(endSlide, false);
    if (atEnd()) current = 0;
    questions.forEach(function (q) {
      unreveal(q);
      if (q.checked) markChosen(q);
      q.el.classList.remove('is-current');
    });
    fit();
    setAddress(false);
    var start = one('[data-classroom-start]');
    if (start) start.focus();
  }

  /* Full screen where the browser allows it; the button stays hidden elsewhere. */
  function isFullscreen() {
    return !!document.fullscreenElement;
  }

  function toggleFullscreen() {
    if (!document.fullscreenEnabled) return;
    var done = isFullscreen() ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    if (done && done.catch) done.catch(function () { /* refused: stay as we are */ });
  }

  if (fullscreenButton && document.fullscreenEnabled) {
    show(fullscreenButton, true);
    fullscreenButton.addEventListener('click', toggleFullscreen);
    document.addEventListener('fullscreenchange', function () {
      fullscreenButton.setAttribute('aria-pressed', isFullscreen() ? 'true' : 'false');
      fit();
    });
  }
  window.addEventListener('resize', fit);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fit);

  /* Keys: arrows and Page Up/Down move, space reveals, F is full screen.
     Keys that a focused control, link or button uses itself are left alone. */
  document.addEventListener('keydown', function (event) {
    if (!inClassroom() || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    var inControl = target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
    var inButton = target && /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
    var key = event.key;
    if ((key === 'ArrowRight' && !inControl) || key === 'PageDown') {
      event.preventDefault();
      goTo(current + 1, true);
    } else if ((key === 'ArrowLeft' && !inControl) || key === 'PageUp') {
      event.preventDefault();
      goTo(current - 1, true);
    } else if (key === ' ' && !inControl && !inButton && !atEnd()) {
      event.preventDefault();
      toggleReveal();
    } else if ((key === 'f' || key === 'F') && !inControl) {
      toggleFullscreen();
    } else if (key === 'Escape' && !isFullscreen()) {
      stopClassroom();
    }
  });

  /* --------------------------------------------------------------- wiring */

  function on(selector, handler) {
    all(selector, root).forEach(function (el) { el.addEventListener('click', handler); });
  }

  on('[data-classroom-start]', function () { startClassroom(true); });
  on('[data-classroom-stop]', stopClassroom);
  on('[data-classroom-prev]', function () { goTo(current - 1, false); });
  on('[data-classroom-next]', function () { goTo(current + 1, false); });
  on('[data-classroom-reveal]', toggleReveal);

  quiz.classroom.goTo = goTo;
  quiz.classroom.stop = stopClassroom;
  quiz.classroom.unreveal = unreveal;

  var params = new URLSearchParams(window.location.search);
  if (params.has('klas') || params.has('class')) startClassroom(false);
})();
