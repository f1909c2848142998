/*
 * leidraad: scenario cards (default theme).
 *
 * Without this script a card is one page of steps joined by links, and the
 * back button walks back through the choices. With it, only the step in the
 * address (#stap-...) is shown, the start when there is none; the others
 * stay in the page (print shows every step).
 */
(function () {
  'use strict';

  var card = document.querySelector('[data-scenario]');
  if (!card) return;
  var steps = Array.prototype.slice.call(card.querySelectorAll('[data-step]'));
  if (!steps.length) return;
  var startId = card.getAttribute('data-start');
  var start = steps.filter(function (s) { return s.id === startId; })[0] || steps[0];

  function stepFor(hash) {
    var id = hash.replace(/^#/, '');
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      /* not encoded */
    }
    return steps.filter(function (s) { return s.id === id; })[0] || null;
  }

  function showStep(step, focus) {
    steps.forEach(function (s) {
      s.hidden = s !== step;
      s.classList.toggle('is-current', s === step);
    });
    if (focus) {
      var heading = step.querySelector('.step-heading');
      if (heading) heading.focus();
    }
  }

  card.classList.add('js-steps');
  var first = stepFor(window.location.hash);
  showStep(first || start, !!first && first !== start);

  window.addEventListener('hashchange', function () {
    var step = stepFor(window.location.hash);
    // Other anchors (the skip link, #main) leave the current step alone.
    if (step) showStep(step, true);
    else if (!window.location.hash) showStep(start, true);
  });
})();
