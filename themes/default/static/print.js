/*
 * leidraad: the print button of the whole protocol and the audience views
 * (default theme). Without this script the button stays hidden; the
 * browser's own print command prints the same document.
 */
(function () {
  'use strict';

  if (typeof window.print !== 'function') return;
  Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
    button.addEventListener('click', function () { window.print(); });
    var wrap = button.closest('[data-print-buttons]');
    if (wrap) wrap.hidden = false;
  });
})();
