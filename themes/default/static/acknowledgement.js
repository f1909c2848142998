/*
 * leidraad: the acknowledgement form of an onboarding audience (default
 * theme).
 *
 * Without this script the form prints with empty lines to fill in. With it:
 * a print button, the score of the audience's quiz when it was taken in
 * this browser (quiz.js keeps it in localStorage, leidraad-quiz:<quiz id>),
 * and a warning when articles of the reading path are not marked as read
 * (onboarding.js, leidraad-read:<audience id>). Nothing is sent anywhere.
 *
 * All words come from data-label-* attributes that acknowledgement.html
 * fills from the site's messages, so this file speaks no language.
 */
(function () {
  'use strict';

  var form = document.querySelector('[data-ack]');
  if (!form) return;
  var labels = form.dataset;

  function one(selector) {
    return form.querySelector(selector);
  }

  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function stored(key) {
    if (!key) return null;
    try {
      var data = JSON.parse(window.localStorage.getItem(key) || 'null');
      return data && typeof data === 'object' ? data : null;
    } catch (e) {
      return null; // storage blocked or unreadable
    }
  }

  /* The quiz score, as quiz.js stored it when it showed the result. */
  var scoreEl = one('[data-ack-score]');
  var noScoreEl = one('[data-ack-score-none]');
  if (scoreEl) {
    var quiz = stored(form.getAttribute('data-quiz-key'));
    var score = quiz && quiz.score;
    if (score && typeof score.right === 'number' && typeof score.total === 'number' && score.total > 0) {
      scoreEl.textContent = fill(labels.labelScore, { right: score.right, total: score.total, percent: score.percent })
        + ' · ' + (score.passed ? labels.labelPassed : labels.labelFailed);
      scoreEl.classList.add('is-filled');
    } else if (noScoreEl) {
      noScoreEl.hidden = false; // the line stays empty, to fill in by hand
    }
  }

  /* Articles of the reading path not marked as read (when the page knows their ids). */
  var unreadBox = one('[data-ack-unread]');
  var unreadText = one('[data-ack-unread-text]');
  var items = Array.prototype.slice.call(form.querySelectorAll('[data-ack-article]')).filter(function (li) {
    return li.getAttribute('data-ack-article');
  });
  var reading = stored(form.getAttribute('data-read-key'));
  if (unreadBox && unreadText && items.length && reading && Array.isArray(reading.read)) {
    var unread = items.filter(function (li) { return reading.read.indexOf(li.getAttribute('data-ack-article')) === -1; });
    unread.forEach(function (li) { li.classList.add('is-unread'); });
    if (unread.length) {
      unreadText.textContent = unread.length === 1 ? labels.labelUnreadOne : fill(labels.labelUnreadOther, { count: unread.length });
      unreadBox.hidden = false;
    }
  }

  /* Print. */
  var buttons = one('[data-ack-buttons]');
  var print = one('[data-print]');
  if (print && typeof window.print === 'function') {
    print.addEventListener('click', function () { window.print(); });
    if (buttons) buttons.hidden = false;
  }
})();
