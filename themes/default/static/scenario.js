/*
 * leidraad: scenario cards (default theme).
 *
 * Without this script scenario.css shows only the step in the address
 * (#step-...), the start when there is none, and the back button walks back
 * through the choices. With it, the same step shows (through `hidden`), the
 * focus moves to it, and a trail lists the choices made so far, each a link
 * back to the step where it was made. The trail of each history entry is
 * kept in history.state, so Back and Forward bring back the trail of that
 * moment; an address opened directly gets the shortest way to its step.
 */
(function () {
  'use strict';

  var card = document.querySelector('[data-scenario]');
  if (!card) return;
  var steps = Array.prototype.slice.call(card.querySelectorAll('[data-step]'));
  if (!steps.length) return;
  var startId = card.getAttribute('data-start');
  var start = steps.filter(function (s) { return s.id === startId; })[0] || steps[0];
  var trailBox = card.querySelector('[data-trail]');
  var trailList = card.querySelector('[data-trail-list]');
  var trail = [];
  var pending = null;

  function idOf(hash) {
    var id = String(hash || '').replace(/^#/, '');
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      /* not encoded */
    }
    return id;
  }

  function byId(id) {
    return steps.filter(function (s) { return s.id === id; })[0] || null;
  }

  /** The choices of a step: [{label, to}] from its choice links. */
  function choicesOf(step) {
    return Array.prototype.map.call(step.querySelectorAll('a[data-choice]'), function (a) {
      return { label: a.textContent.replace(/\s+/g, ' ').trim(), to: idOf(a.getAttribute('href')) };
    });
  }

  /** The shortest trail from the start to `id` (breadth first), or []. */
  function shortestTrail(id) {
    var before = {};
    before[start.id] = null;
    var queue = [start.id];
    while (queue.length) {
      var here = queue.shift();
      if (here === id) break;
      var step = byId(here);
      if (!step) continue;
      choicesOf(step).forEach(function (c) {
        if (!(c.to in before)) {
          before[c.to] = { from: here, label: c.label, to: c.to };
          queue.push(c.to);
        }
      });
    }
    var out = [];
    for (var e = before[id]; e; e = before[e.from]) out.unshift(e);
    return out;
  }

  /** A trail is valid for `step` when it starts at the start and ends there. */
  function fits(list, step) {
    if (!Array.isArray(list)) return false;
    if (!list.length) return step === start;
    return list[0].from === start.id && list[list.length - 1].to === step.id;
  }

  function trailFor(step) {
    var state = window.history.state;
    if (pending && fits(pending, step)) return pending;
    if (state && fits(state.scenarioTrail, step)) return state.scenarioTrail;
    return shortestTrail(step.id);
  }

  function remember() {
    try {
      var state = Object.assign({}, window.history.state || {}, { scenarioTrail: trail });
      window.history.replaceState(state, '');
    } catch (e) {
      /* history not writable (a file: page in some browsers) */
    }
  }

  function drawTrail() {
    if (!trailBox || !trailList) return;
    while (trailList.firstChild) trailList.removeChild(trailList.firstChild);
    trail.forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + encodeURIComponent(e.from);
      a.textContent = e.label;
      a.setAttribute('data-trail-back', '');
      li.appendChild(a);
      trailList.appendChild(li);
    });
    trailBox.hidden = trail.length === 0;
  }

  function showStep(step, focus) {
    steps.forEach(function (s) {
      s.hidden = s !== step;
      s.classList.toggle('is-current', s === step);
    });
    trail = trailFor(step);
    pending = null;
    remember();
    drawTrail();
    if (focus) {
      var heading = step.querySelector('.step-heading');
      if (heading) heading.focus();
    }
  }

  // What a click on a link in the card will make the trail: one more choice,
  // back to an earlier one, or empty again. The hashchange that follows uses it.
  card.addEventListener('click', function (event) {
    var a = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (!a) return;
    var current = steps.filter(function (s) { return !s.hidden; })[0];
    var to = idOf(a.getAttribute('href'));
    if (a.hasAttribute('data-choice') && current) {
      pending = trail.concat([{ from: current.id, label: a.textContent.replace(/\s+/g, ' ').trim(), to: to }]);
    } else if (a.hasAttribute('data-trail-back')) {
      var index = Array.prototype.indexOf.call(trailList.querySelectorAll('a'), a);
      pending = trail.slice(0, Math.max(0, index));
    } else if (to === start.id) {
      pending = [];
    }
  });

  card.classList.add('js-steps');
  var first = byId(idOf(window.location.hash));
  showStep(first || start, !!first && first !== start);

  window.addEventListener('hashchange', function () {
    var step = byId(idOf(window.location.hash));
    // Other anchors (the skip link, #main) leave the current step alone.
    if (step) showStep(step, true);
    else if (!window.location.hash) showStep(start, true);
  });
})();
