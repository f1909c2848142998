/*
 * leidraad: the acknowledgement form of an onboarding audience (default
 * theme).
 *
 * Without this script the form lists the articles of the reading path with
 * empty boxes to tick by hand, says it cannot tell which were read, and
 * prints with an empty line for the quiz score. With it, when this
 * browser's storage can be read:
 * - the list splits into "read" and "not read yet", from the reading path
 *   kept by onboarding.js (localStorage leidraad-read:<audience id>; no key
 *   means nothing marked), and a notice says on screen and on paper that
 *   the form is not complete while articles are unread;
 * - the quiz score kept by quiz.js (leidraad-quiz:<quiz id>, its `score`
 *   {right, total}) is filled in, with the verdict worked out here from the
 *   quiz's pass mark, so the form never contradicts the score it shows;
 * - a print button.
 * Nothing is sent anywhere.
 *
 * All words come from data-label-* attributes that acknowledgement.html
 * fills from the site's messages, so this file speaks no language.
 */
(function () {
  'use strict';

  var form = document.querySelector('[data-ack]');
  if (!form) return;
  var labels = form.dataset;

  function one(selector, scope) {
    return (scope || form).querySelector(selector);
  }

  function all(selector, scope) {
    return Array.prototype.slice.call((scope || form).querySelectorAll(selector));
  }

  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* A stored object: {value} when readable (value null when the key is
     absent), or null when storage is blocked or the value is not JSON. */
  function stored(key) {
    if (!key) return null;
    try {
      var text = window.localStorage.getItem(key);
      var data = text === null ? null : JSON.parse(text);
      if (data !== null && typeof data !== 'object') return null;
      return { value: data };
    } catch (e) {
      return null;
    }
  }

  function isCount(n) {
    return typeof n === 'number' && isFinite(n) && n >= 0 && Math.floor(n) === n;
  }

  /* ------------------------------------------------------------ the quiz */

  var scoreEl = one('[data-ack-score]');
  var noScoreEl = one('[data-ack-score-none]');
  if (scoreEl) {
    var quiz = stored(form.getAttribute('data-quiz-key'));
    var score = quiz && quiz.value && quiz.value.score;
    var questions = Number(labels.quizQuestions);
    var pass = Number(labels.quizPass) || 0;
    // A score of this quiz: whole numbers, as many questions as the quiz has now.
    if (score && isCount(score.right) && isCount(score.total) && score.total > 0
        && score.right <= score.total && (!questions || score.total === questions)) {
      var passed = score.right * 100 >= pass * score.total; // the rule quiz.js applies
      var percent = Math.round((score.right * 100) / score.total);
      scoreEl.textContent = fill(labels.labelScore, { right: score.right, total: score.total, percent: percent })
        + ' · ' + (passed ? labels.labelPassed : labels.labelFailed);
      scoreEl.classList.add('is-filled');
      scoreEl.classList.toggle('is-passed', passed);
    } else if (noScoreEl) {
      noScoreEl.hidden = false; // the line stays empty, to fill in by hand
    }
  }

  /* ----------------------------------------------- read and unread articles */

  var list = one('[data-ack-list]');
  var reading = stored(form.getAttribute('data-read-key'));
  var read = reading && (reading.value === null ? [] : reading.value.read);
  if (list && Array.isArray(read)) {
    var items = all('[data-ack-article]', list);
    var parts = { read: one('[data-ack-part="read"]'), unread: one('[data-ack-part="unread"]') };
    var unread = 0;
    items.forEach(function (li) {
      var done = read.indexOf(li.getAttribute('data-ack-article')) !== -1;
      li.classList.toggle('is-read', done);
      li.classList.toggle('is-unread', !done);
      if (!done) unread += 1;
      var part = parts[done ? 'read' : 'unread'];
      if (part) one('[data-ack-part-list]', part).appendChild(li);
    });
    Object.keys(parts).forEach(function (name) {
      var part = parts[name];
      if (!part) return;
      var count = all('li', part).length;
      one('[data-ack-count]', part).textContent = '(' + count + ')';
      part.hidden = count === 0;
    });
    list.hidden = true;
    var unknown = one('[data-ack-unknown]');
    var known = one('[data-ack-known]');
    if (unknown) unknown.hidden = true;
    if (known) known.hidden = false;

    var incomplete = one('[data-ack-incomplete]');
    var incompleteText = one('[data-ack-incomplete-text]');
    if (incomplete && incompleteText && unread) {
      incompleteText.textContent = fill(unread === 1 ? labels.labelIncompleteOne : labels.labelIncompleteOther,
        { unread: unread, total: items.length });
      incomplete.hidden = false;
    }
    form.classList.toggle('is-incomplete', unread > 0);
  }

  /* ---------------------------------------------------------------- print */

  var buttons = one('[data-ack-buttons]');
  var print = one('[data-print]');
  if (print && typeof window.print === 'function') {
    print.addEventListener('click', function () { window.print(); });
    if (buttons) buttons.hidden = false;
  }
})();
