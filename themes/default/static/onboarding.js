/*
 * leidraad: the reading path of an onboarding audience (default theme).
 *
 * Without this script the articles simply show in order. With it, every
 * article gets a "read" toggle button, the page shows how many have been
 * read, and the table of contents marks the ones done. What has been read is
 * kept only in this browser's localStorage (leidraad-read:<audience id>)
 * and is never sent anywhere.
 *
 * All words come from data-label-* attributes that audience.html fills from
 * the site's messages, so this file speaks no language.
 */
(function () {
  'use strict';

  var box = document.querySelector('[data-onboarding]');
  if (!box) return;

  var labels = box.dataset;
  var storageKey = 'leidraad-read:' + box.getAttribute('data-onboarding');
  var text = box.querySelector('[data-progress-text]');
  var bar = box.querySelector('[data-progress-bar]');
  var resetButton = box.querySelector('[data-progress-reset]');

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  var buttons = all('[data-read-toggle]');
  if (!buttons.length) return;

  // Every article once, in reading order (an article could show in two groups).
  var ids = [];
  buttons.forEach(function (b) {
    var id = b.getAttribute('data-read-toggle');
    if (ids.indexOf(id) === -1) ids.push(id);
  });

  /* ------------------------------------------------------------ storage */

  function readStore() {
    try {
      var data = JSON.parse(window.localStorage.getItem(storageKey) || 'null');
      return data && Array.isArray(data.read) ? data.read.filter(function (id) { return ids.indexOf(id) !== -1; }) : [];
    } catch (e) {
      return []; // storage blocked or unreadable: start empty
    }
  }

  function writeStore(read) {
    try {
      if (read.length) window.localStorage.setItem(storageKey, JSON.stringify({ read: read }));
      else window.localStorage.removeItem(storageKey);
    } catch (e) {
      /* storage blocked or full: the buttons work for this visit */
    }
  }

  /* --------------------------------------------------------------- view */

  var read = readStore();

  function show() {
    buttons.forEach(function (b) {
      var done = read.indexOf(b.getAttribute('data-read-toggle')) !== -1;
      b.setAttribute('aria-pressed', done ? 'true' : 'false');
      var article = b.closest('[data-read-article]');
      if (article) article.classList.toggle('is-read', done);
    });
    all('[data-toc-read]').forEach(function (mark) {
      mark.hidden = read.indexOf(mark.getAttribute('data-toc-read')) === -1;
    });
    var count = read.length;
    var total = ids.length;
    if (bar) bar.style.width = (total ? Math.round((count * 100) / total) : 0) + '%';
    box.classList.toggle('is-done', count === total);
    if (text) {
      var line = fill(labels.labelProgress, { read: count, total: total });
      if (count === total) line += ' ' + labels.labelDone;
      text.textContent = line;
    }
  }

  function toggle(button) {
    var id = button.getAttribute('data-read-toggle');
    var at = read.indexOf(id);
    if (at === -1) read.push(id);
    else read.splice(at, 1);
    // keep the reading order, whatever the order of the clicks
    read = ids.filter(function (x) { return read.indexOf(x) !== -1; });
    writeStore(read);
    show();
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-read-toggle]');
    if (button) toggle(button);
  });

  if (resetButton) {
    resetButton.addEventListener('click', function () {
      read = [];
      writeStore(read);
      show();
      if (text) text.textContent = labels.labelResetDone + ' ' + text.textContent;
    });
  }

  all('.read-toggle-row').forEach(function (row) { row.hidden = false; });
  box.hidden = false;
  show();
})();
