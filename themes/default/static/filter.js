/*
 * leidraad: filtering the lists of quizzes and scenario cards by audience
 * (default theme). Without this script the page shows every card and links
 * to the audience pages instead.
 */
(function () {
  'use strict';

  var bar = document.querySelector('[data-filter]');
  var lists = Array.prototype.slice.call(document.querySelectorAll('[data-filter-list]'));
  if (bar && lists.length) {
    var buttons = Array.prototype.slice.call(bar.querySelectorAll('[data-filter-value]'));

    var apply = function (value) {
      buttons.forEach(function (b) {
        b.setAttribute('aria-pressed', b.getAttribute('data-filter-value') === value ? 'true' : 'false');
      });
      lists.forEach(function (list) {
        Array.prototype.forEach.call(list.querySelectorAll('[data-audiences]'), function (item) {
          var audiences = item.getAttribute('data-audiences').split(' ').filter(Boolean);
          item.hidden = !!value && audiences.length > 0 && audiences.indexOf(value) === -1;
        });
      });
    };

    bar.addEventListener('click', function (event) {
      var button = event.target.closest('[data-filter-value]');
      if (button) apply(button.getAttribute('data-filter-value'));
    });
    bar.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll('[data-filter-links]'), function (el) {
      el.hidden = true;
    });
  }

  // "Print the cards": the printed page is the deck (see leidraad.css).
  Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
    button.addEventListener('click', function () { window.print(); });
    var wrap = button.closest('[data-print-buttons]');
    if (wrap) wrap.hidden = false;
  });
})();
