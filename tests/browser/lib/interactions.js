'use strict';
// Interaction tests: a person using the quiz, the scenario cards, print and
// the dev server's live reload in a real browser. run.js calls
// runInteractions() for the root site after the crawl, with the same server
// and browser. Every scenario is one test; its details say what went wrong
// and at which step. See README.md.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createHarness, Stop } = require('./harness');
const projector = require('./projector');
const printdoc = require('./printdoc');
const qti = require('./qti');
const { discoverSites } = require('./sites');
const { spawn } = require('child_process');
const { phoneState, textProblems } = require('./phone');

const TESTS = [
  'quiz-click', 'quiz-keyboard', 'quiz-storage', 'quiz-classroom',
  'scenario-js', 'scenario-nojs', 'print-worksheet', 'quiz-projector',
  'print-answer-key', 'print-document', 'live-reload', 'qti-player', 'qti-convert',
];

const QUIZ_PATH = 'nl/quiz/leerlingen/';
const SCENARIOS_PATH = 'nl/scenarios/';
const PREFERRED_CARD = 'groepsapp';
const LIVE_PAGE = 'nl/protocol/regels/';
const LIVE_OLD = 'We zijn aardig online.';
const LIVE_NEW = 'We zijn heel aardig online.';
const LIVE_GOOD_FM = 'audiences: [all]';
const LIVE_BAD_FM = 'audiences: [leerling]';
const LIVE_WAIT = 10000; // the brief's limit for a reload to show
const SERVE_START = 20000; // the dev server's first build and its "serving" line

// ------------------------------------------------------- in-page functions
// Passed to page.evaluate: self-contained, nothing from this module's scope.

/** Everything the quiz tests look at, read from the live DOM. */
function quizState() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const root = document.querySelector('[data-quiz]');
  if (!root) return null;
  const questions = [...root.querySelectorAll('[data-question]')].map((q) => {
    const status = q.querySelector('[data-status]');
    const details = q.querySelector('[data-answer]');
    const check = q.querySelector('[data-check]');
    const options = [...q.querySelectorAll('[data-option]')].map((o) => {
      const input = o.querySelector('input');
      const mark = o.querySelector('[data-mark]');
      const fb = o.querySelector('[data-feedback]');
      const label = input ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
      let optText = text(o.querySelector('.option-text, .order-text'));
      if (!optText && label) optText = text(label).replace(text(mark), '').trim();
      return {
        id: input ? input.id : o.getAttribute('data-option-id'),
        type: input ? input.type : 'order',
        checked: input ? input.checked : null,
        correct: input ? input.getAttribute('data-correct') === 'true' : null,
        position: o.hasAttribute('data-position') ? Number(o.getAttribute('data-position')) : null,
        text: optText.slice(0, 70),
        mark: text(mark),
        markVisible: vis(mark),
        hasFeedback: !!fb,
        feedback: text(fb),
        feedbackVisible: vis(fb),
        visible: vis(o),
      };
    });
    return {
      id: q.id,
      kind: q.getAttribute('data-kind'),
      visible: vis(q),
      status: text(status),
      statusVisible: vis(status),
      checkVisible: vis(check),
      answerOpen: details ? details.open : null,
      answerVisible: vis(details),
      options,
    };
  });
  const score = root.querySelector('[data-score]');
  let stored = null;
  try { stored = localStorage.getItem('leidraad-quiz:' + root.getAttribute('data-quiz')); } catch (_) { stored = 'UNREADABLE'; }
  return {
    quiz: root.getAttribute('data-quiz'),
    labels: Object.assign({}, root.dataset),
    questions,
    score: score ? score.innerText.replace(/\s+/g, ' ').trim() : '',
    scoreVisible: vis(score),
    resultVisible: vis(root.querySelector('[data-result]')),
    toolbarStatus: text(root.querySelector('[data-toolbar-status]')),
    barVisible: vis(root.querySelector('[data-classroom-bar]')),
    progress: text(root.querySelector('[data-classroom-progress]')),
    step: (root.querySelector('[data-question].is-step') || {}).id || '',
    stepProgress: text(root.querySelector('[data-step-progress]')),
    reveal: (() => {
      const b = root.querySelector('[data-classroom-reveal]');
      return b ? { text: text(b), expanded: b.getAttribute('aria-expanded') } : null;
    })(),
    stored,
    activeQuestion: document.activeElement && document.activeElement.closest ? (document.activeElement.closest('[data-question]') || {}).id || '' : '',
  };
}

/** The steps of a scenario card, their links and outcomes, and what shows. */
function scenarioState() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const card = document.querySelector('[data-scenario]');
  if (!card) return null;
  const steps = [...card.querySelectorAll('[data-step]')];
  const ids = new Set(steps.map((s) => s.id));
  const target = document.querySelector(':target');
  return {
    start: card.getAttribute('data-start') || (steps[0] && steps[0].id) || '',
    hash: location.hash,
    target: target ? target.id : '',
    focusStep: document.activeElement && document.activeElement.closest ? (document.activeElement.closest('[data-step]') || {}).id || '' : '',
    innerHeight: window.innerHeight,
    steps: steps.map((s) => {
      // The only marker of an outcome in the markup is its class
      // (outcome-good, outcome-bad, outcome-neutral); see scenario.html.
      let outcome = '';
      let outcomeEl = null;
      for (const el of s.querySelectorAll('*')) {
        const m = /(?:^|\s)outcome-(good|bad|neutral)(?:\s|$)/.exec(el.getAttribute('class') || '');
        if (m) { outcome = m[1]; outcomeEl = el; break; }
      }
      const links = [...s.querySelectorAll('a[href^="#"]')]
        .map((a) => ({ href: a.getAttribute('href'), text: text(a) }))
        .filter((l) => ids.has(decodeURIComponent(l.href.slice(1))));
      const r = s.getBoundingClientRect();
      return {
        id: s.id,
        visible: vis(s),
        top: Math.round(r.top),
        outcome,
        outcomeText: outcomeEl ? outcomeEl.innerText.replace(/\s+/g, ' ').trim().slice(0, 200) : '',
        outcomeVisible: vis(outcomeEl),
        links,
      };
    }),
  };
}

/** Under print media: what of the quiz page shows. */
function quizPrintFacts() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const desc = (el) => `${el.localName}${el.id ? '#' + el.id : ''}${[...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `[${a.name}]`).join('')}`;
  const heading = document.getElementById('answer-key-title');
  const key = heading ? heading.closest('section') : null;
  const cs = key ? getComputedStyle(key) : null;
  return {
    key: key ? {
      visible: vis(key),
      text: key.innerText.trim().length,
      breakBefore: cs.breakBefore,
      pageBreakBefore: cs.pageBreakBefore,
    } : null,
    questions: [...document.querySelectorAll('[data-question]')].map((q) => ({ id: q.id, visible: vis(q) })),
    shown: [
      ...document.querySelectorAll('[data-answer], [data-feedback], [data-mark], [data-check], [data-status], [data-score-button], [data-classroom-bar], [data-toolbar]'),
    ].filter((el) => vis(el) && el.textContent.trim() !== '').map((el) => `${desc(el)} in ${(el.closest('[data-question]') || {}).id || 'the page'}: "${el.textContent.replace(/\s+/g, ' ').trim().slice(0, 60)}"`),
    navs: [...document.querySelectorAll('nav')].filter((n) => !n.closest('main') && vis(n))
      .map((n) => `nav "${n.getAttribute('aria-label') || ''}" ${n.outerHTML.slice(0, 100).replace(/\s+/g, ' ')}`),
  };
}

/** Under print media: the list of scenario cards prints as the deck. */
function deckPrintFacts() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const lists = [...document.querySelectorAll('[data-filter-list]')];
  // The deck is the list of <article> cards; the screen list is the <ul> of links.
  const deck = lists.find((l) => l.querySelector(':scope > article')) || null;
  const screen = lists.find((l) => l !== deck) || null;
  const cards = deck ? [...deck.querySelectorAll(':scope > article')] : [];
  return {
    hasDeck: !!deck,
    deckVisible: vis(deck),
    cards: cards.length,
    cardsVisible: cards.filter(vis).length,
    hiddenCards: cards.filter((c) => !vis(c)).map((c) => (c.querySelector('h2, h3') || c).textContent.trim().slice(0, 60)),
    screenListVisible: vis(screen),
    navs: [...document.querySelectorAll('nav')].filter((n) => !n.closest('main') && vis(n))
      .map((n) => `nav "${n.getAttribute('aria-label') || ''}"`),
  };
}

// ----------------------------------------------------------------- helpers

function fill(template, values) {
  return String(template || '').replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * The messages of a locale's ui.ftl as a page in the default register shows
 * them: the site's own, then the built-in ones. A message that selects on a
 * variable (`{ $register -> ... *[je] ... }`) gives its default variant.
 */
function messages(siteDir, repo, lang) {
  const out = {};
  for (const dir of [repo, siteDir]) {
    let text = '';
    try { text = fs.readFileSync(path.join(dir, 'locales', lang, 'ui.ftl'), 'utf8'); } catch (_) { continue; }
    for (const m of text.matchAll(/^([a-z][a-z0-9-]*)[ \t]*=[ \t]*(.*)\n((?:[ \t]+.*(?:\n|$))*)/gm)) {
      const value = m[2].trim();
      if (value && !/->\s*$/.test(value)) { out[m[1]] = value; continue; }
      const fallback = m[3].match(/^[ \t]*\*\[[^\]]+\][ \t]*(.*)$/m);
      if (fallback) out[m[1]] = fallback[1].trim();
    }
  }
  return out;
}

function describeOptions(q) {
  return q.options.map((o) => `${o.id}${o.checked ? ' [checked]' : ''}${o.correct ? ' (correct)' : ''}${o.position ? ` pos ${o.position}` : ''} mark="${o.mark}"`).join('; ');
}

function orderOf(q) {
  return q.options.map((o) => o.id);
}

/** Retries fn (an async check returning a truthy value when done) until done or timeout. */
async function poll(fn, timeout, interval = 100) {
  const end = Date.now() + timeout;
  let last;
  let error = null;
  for (;;) {
    try {
      last = await fn();
      error = null;
      if (last) return { ok: true, value: last };
    } catch (e) {
      error = e; // the page may be between two documents
    }
    if (Date.now() >= end) return { ok: false, value: last, error };
    await new Promise((r) => setTimeout(r, interval));
  }
}

// -------------------------------------------------------------- the runner

/**
 * env: { browser, srv, site, repo, bin, screenshots, pageTimeout, record,
 *        blockOutside, isLocal, shortUrl, clip, withTimeout }
 * Returns { results: [{name, ok, details, secs}], files: [screenshot paths] }.
 */
async function runInteractions(env) {
  const { browser, srv, site, clip } = env;
  const { run, files, results, T, short } = createHarness(env, { label: 'interaction', width: 15, ignoreFavicon: false });
  const quizUrl = srv.base + QUIZ_PATH;
  const shared = { quizRequests: [], initialOrder: {}, keyboard: {} };
  let quizCtx = null;

  async function openQuiz(t, page, url = quizUrl) {
    const resp = await page.goto(url, { waitUntil: 'load' });
    t.must(resp && resp.status() === 200, `${env.shortUrl(url, srv.origin)} gave ${resp ? resp.status() : 'no response'}`);
    // quiz-flow.js shows the toolbar while setting up, in the same run of
    // script as restoring stored answers, so once it is visible the quiz is ready.
    await page.waitForSelector('[data-toolbar]:not([hidden])', { state: 'attached', timeout: T })
      .catch(() => { throw new Stop('the quiz scripts did not set up the quiz: [data-toolbar] stays hidden'); });
    const s = await page.evaluate(quizState);
    t.must(s && s.questions.length > 0, 'no [data-quiz] with [data-question] on the quiz page');
    return s;
  }

  async function questionOf(page, id) {
    const s = await page.evaluate(quizState);
    return s.questions.find((q) => q.id === id);
  }

  /** Puts the items of an order question in order with its move-up buttons. */
  async function sortOrder(t, page, qid, how) {
    const q = page.locator(`[id="${qid}"]`);
    const positions = () => q.locator('[data-option]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-position'))));
    let pos = await positions();
    const n = pos.length;
    t.must(n > 1, `order question ${qid} has ${n} items`);
    t.must([...pos].sort((a, b) => a - b).every((p, i) => p === i + 1), `order question ${qid}: data-position values are not 1..${n}: ${pos.join(', ')}`);
    let presses = 0;
    for (let p = 1; p <= n; p++) {
      let idx = pos.indexOf(p);
      const up = q.locator(`[data-option][data-position="${p}"] [data-move="up"]`);
      t.must(await up.count() === 1, `${qid}: the item at position ${p} has no [data-move="up"] button`);
      if (how === 'keyboard' && idx > p - 1) await up.focus();
      while (idx > p - 1) {
        if (how === 'click') {
          await up.click();
        } else {
          await page.keyboard.press(presses % 2 ? 'Space' : 'Enter');
          const kept = await up.evaluate((b) => document.activeElement === b);
          t.expect(kept, `${qid}: after pressing the "up" button of item ${p}, the focus left the button`);
          if (!kept) await up.focus();
        }
        presses++;
        const next = await positions();
        const nidx = next.indexOf(p);
        t.must(nidx === idx - 1, `${qid}: ${how === 'click' ? 'clicking' : 'pressing'} "up" on the item at position ${p} moved it from place ${idx + 1} to ${nidx + 1}, expected ${idx}; order now ${next.join(', ')}`);
        pos = next;
        idx = nidx;
      }
    }
    pos = await positions();
    t.must(pos.every((p, i) => p === i + 1), `${qid}: after moving, the order is ${pos.join(', ')}`);
    return presses;
  }

  /**
   * Brings question `id` up in the one-at-a-time flow with the previous and
   * next buttons, by click or (how === 'keyboard') by focus and Enter.
   */
  async function showQuestion(t, page, id, how = 'click') {
    for (let guard = 0; guard < 60; guard++) {
      const at = await page.evaluate((qid) => {
        const qs = [...document.querySelectorAll('[data-question]')];
        return { cur: qs.findIndex((q) => q.classList.contains('is-step')), want: qs.findIndex((q) => q.id === qid) };
      }, id);
      t.must(at.want >= 0, `no question ${id}`);
      t.must(at.cur >= 0, `no current question ([data-question].is-step) while looking for ${id}`);
      if (at.cur === at.want) return;
      const button = page.locator(at.cur < at.want ? '[data-step-next]' : '[data-step-prev]');
      if (how === 'keyboard') {
        await button.focus();
        await page.keyboard.press('Enter');
      } else {
        await button.click();
      }
    }
    t.must(false, `the previous/next buttons did not reach ${id}`);
  }

  /** Tab until the focus is on `selector` (within maxTabs presses). */
  async function tabTo(page, selector, maxTabs) {
    for (let i = 0; i < maxTabs; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => !!document.activeElement && document.activeElement.matches(sel), selector)) return i + 1;
    }
    return 0;
  }

  async function activeDesc(page) {
    return page.evaluate(() => {
      const a = document.activeElement;
      if (!a) return 'nothing';
      return `${a.localName}${a.id ? '#' + a.id : ''}${[...a.attributes].filter((x) => x.name.startsWith('data-')).map((x) => `[${x.name}]`).join('')} "${(a.textContent || '').trim().slice(0, 40)}"`;
    });
  }

  // ------------------------------------------------------------ 1 quiz-click
  await run('quiz-click', '/school/' + QUIZ_PATH, async (t) => {
    t.at('open the quiz');
    quizCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await env.blockOutside(quizCtx, srv.origin);
    quizCtx.on('request', (r) => shared.quizRequests.push({ method: r.method(), url: r.url(), type: r.resourceType() }));
    const page = await t.newPage(quizCtx);
    const s0 = await openQuiz(t, page);
    const L = s0.labels;
    for (const q of s0.questions) if (q.kind === 'order') shared.initialOrder[q.id] = orderOf(q);
    const visibleIds = (st) => st.questions.filter((q) => q.visible).map((q) => q.id);
    t.expect(visibleIds(s0).join() === s0.questions[0].id, `on arrival visible questions: [${visibleIds(s0).join(', ')}], expected only ${s0.questions[0].id}`);
    t.expect(s0.questions[0].checkVisible, 'the first question has no visible check button ([data-check])');

    for (const [i, q0] of s0.questions.entries()) {
      t.at(`answer ${q0.id} (${q0.kind})`);
      const q = page.locator(`[id="${q0.id}"]`);
      const now = await page.evaluate(quizState);
      t.expect(visibleIds(now).join() === q0.id, `visible questions: [${visibleIds(now).join(', ')}], expected only ${q0.id}`);
      const progress = fill(L.labelStepProgress, { number: i + 1, total: s0.questions.length });
      t.expect(now.stepProgress === progress, `progress reads "${now.stepProgress}", expected "${progress}"`);
      if (q0.kind === 'order') {
        await sortOrder(t, page, q0.id, 'click');
      } else {
        t.must(q0.options.length > 0 && q0.options.every((o) => o.type === 'radio' || o.type === 'checkbox'), `${q0.id}: options are not radio buttons or check boxes: ${describeOptions(q0)}`);
        t.must(q0.options.some((o) => o.correct), `${q0.id}: no option has data-correct="true"`);
        for (const o of q0.options) {
          const input = q.locator(`input[id="${o.id}"]`);
          if ((await input.isChecked()) !== o.correct) await q.locator(`label[for="${o.id}"]`).click();
        }
      }
      // A click on an option of a single or true/false question checks it at once.
      if (q0.kind === 'multiple' || q0.kind === 'order') await q.locator('[data-check]').click();
      const a = await questionOf(page, q0.id);
      if (q0.kind !== 'order') {
        t.expect(a.options.every((o) => o.checked === o.correct), () => `${q0.id}: after clicking the labels, the checked options are wrong: ${describeOptions(a)}`);
      }
      t.expect(a.status === L.labelStatusRight && a.statusVisible, `${q0.id}: status reads "${a.status}"${a.statusVisible ? '' : ' (not visible)'}, expected "${L.labelStatusRight}"`);
      const chosen = a.options.filter((o) => o.type === 'order' || o.checked);
      const badMarks = chosen.filter((o) => o.mark !== L.labelCorrect || !o.markVisible);
      t.expect(!badMarks.length, () => `${q0.id}: chosen options without the visible mark "${L.labelCorrect}": ${badMarks.map((o) => `${o.id} mark="${o.mark}"${o.markVisible ? '' : ' (hidden)'}`).join('; ')}`);
      const noFeedback = chosen.filter((o) => o.hasFeedback && !o.feedbackVisible);
      t.expect(!noFeedback.length, () => `${q0.id}: feedback of chosen options not shown after checking: ${noFeedback.map((o) => o.id).join(', ')}`);
      t.expect(a.answerOpen === true && a.answerVisible, `${q0.id}: the answer ([data-answer] details) is not open after checking (open=${a.answerOpen})`);
      const twice = textProblems(await page.evaluate(phoneState));
      t.expect(!twice.length, () => `${q0.id}: ${twice.join('; ')}`);
      if (i < s0.questions.length - 1) await page.locator('[data-step-next]').click();
    }

    t.at('show the score');
    await page.locator('[data-score-button]').click();
    const s1 = await page.evaluate(quizState);
    const n = s1.questions.length;
    const want = fill(L.labelScore, { right: n, total: n, percent: 100 });
    t.expect(s1.resultVisible && s1.scoreVisible, `the result box is not visible (result ${s1.resultVisible}, score ${s1.scoreVisible})`);
    t.expect(s1.score.includes(want), `the score reads "${s1.score}", expected it to contain "${want}"`);
    t.expect(s1.score.includes(L.labelPassed), `the score reads "${s1.score}", expected the pass wording "${L.labelPassed}" (data-label-passed)`);
    t.expect(!s1.score.includes(L.labelFailed), `the score contains the fail wording "${L.labelFailed}"`);
    const notRight = s1.questions.filter((q) => q.status !== L.labelStatusRight);
    t.expect(!notRight.length, () => `after the score button, not every status says "${L.labelStatusRight}": ${notRight.map((q) => `${q.id}="${q.status}"`).join('; ')}`);
    const end = await page.evaluate(phoneState);
    t.expect(!end.missed.length && end.allRightVisible, `the end screen lists missed questions [${end.missed.map((m) => m.id).join(', ')}] or lacks the all-right words`);
    t.at('screenshot');
    await t.shot(page, 'quiz-1280-light');
  });

  // ---------------------------------------------------------- 2 quiz-keyboard
  await run('quiz-keyboard', '/school/' + QUIZ_PATH, async (t) => {
    t.must(quizCtx, 'no browser context (quiz-click could not start)');
    t.at('open the quiz and clear the answers');
    const page = await t.newPage(quizCtx);
    let s = await openQuiz(t, page);
    const L = s.labels;
    await page.locator('[data-clear]').click();
    s = await page.evaluate(quizState);
    t.expect(s.toolbarStatus === L.labelCleared, `after "${L.labelCleared}"-button ([data-clear]) the toolbar status reads "${s.toolbarStatus}", expected "${L.labelCleared}"`);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-toolbar]:not([hidden])', { state: 'attached' });
    s = await page.evaluate(quizState);
    const left = s.questions.filter((q) => q.options.some((o) => o.checked) || q.status);
    t.must(!left.length, () => `after clearing and reloading, answers remain: ${left.map((q) => `${q.id}: ${describeOptions(q)} status="${q.status}"`).join(' | ')}`);
    t.expect(s.stored === null, `localStorage still holds the quiz after clearing: ${clip(s.stored || '', 120)}`);

    // A single-choice question, right, with Tab, arrows, Tab, Enter.
    const single = s.questions.find((q) => q.kind === 'single');
    t.must(single, 'the quiz has no single-choice question');
    t.at(`keyboard: answer ${single.id} (single) right`);
    const k = single.options.findIndex((o) => o.correct);
    await page.locator(`[id="${single.id}"]`).focus();
    await page.keyboard.press('Tab');
    let active = await page.evaluate(() => document.activeElement && document.activeElement.id);
    t.must(active === single.options[0].id, `Tab from the question went to ${await activeDesc(page)}, expected the first radio button #${single.options[0].id}`);
    if (k === 0) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
    } else {
      for (let i = 0; i < k; i++) await page.keyboard.press('ArrowDown');
    }
    let q = await questionOf(page, single.id);
    active = await page.evaluate(() => document.activeElement && document.activeElement.id);
    t.must(active === single.options[k].id && q.options[k].checked && q.options.filter((o) => o.checked).length === 1,
      `arrow keys did not select option ${k + 1}: focus on ${active}; ${describeOptions(q)}`);
    t.expect(!q.status, `${single.id}: choosing with the arrow keys checked the question already (status "${q.status}"); the keyboard passes options on the way`);
    let tabs = await tabTo(page, `[id="${single.id}"] [data-check]`, 4);
    t.must(tabs === 1, tabs ? `the check button took ${tabs} Tab presses from the radio buttons, expected 1` : `Tab from the radio buttons did not reach the check button ([data-check]) of ${single.id}; focus on ${await activeDesc(page)}`);
    await page.keyboard.press('Enter');
    q = await questionOf(page, single.id);
    t.expect(q.status === L.labelStatusRight && q.statusVisible, `${single.id}: status reads "${q.status}", expected "${L.labelStatusRight}"`);
    const chosenS = q.options[k];
    t.expect(chosenS.mark === L.labelCorrect && chosenS.markVisible, `${single.id}: the chosen option's mark reads "${chosenS.mark}", expected "${L.labelCorrect}"`);
    t.expect(!chosenS.hasFeedback || (chosenS.feedbackVisible && chosenS.feedback), `${single.id}: the chosen option's feedback is not shown`);
    shared.keyboard.single = { id: single.id, chosen: single.options[k].id };

    // An order question with the move buttons, by keyboard.
    const order = s.questions.find((x) => x.kind === 'order');
    if (!order) {
      t.fail('the quiz has no order question');
    } else {
      t.at(`keyboard: put ${order.id} (order) in order`);
      await showQuestion(t, page, order.id, 'keyboard');
      await page.locator(`[id="${order.id}"]`).focus();
      await page.keyboard.press('Tab');
      const onMove = await page.evaluate((id) => {
        const a = document.activeElement;
        return !!a && a.matches('[data-move]') && !!a.closest(`[id="${id}"]`);
      }, order.id);
      t.expect(onMove, `Tab from the order question went to ${await activeDesc(page)}, expected a move button ([data-move])`);
      const presses = await sortOrder(t, page, order.id, 'keyboard');
      if (presses > 0) {
        q = await questionOf(page, order.id);
        t.expect(q.status.length > 0, `${order.id}: moving an item announced nothing in the status ([data-status] is empty); expected text like "${L.labelMoved}"`);
      }
      tabs = await tabTo(page, `[id="${order.id}"] [data-check]`, 2 * order.options.length + 3);
      t.must(tabs > 0, `Tab from the move buttons did not reach the check button of ${order.id}; focus on ${await activeDesc(page)}`);
      await page.keyboard.press('Enter');
      q = await questionOf(page, order.id);
      t.expect(q.status === L.labelStatusRight && q.statusVisible, `${order.id}: status reads "${q.status}", expected "${L.labelStatusRight}"`);
      const unmarked = q.options.filter((o) => o.mark !== L.labelCorrect);
      t.expect(!unmarked.length, () => `${order.id}: items without the mark "${L.labelCorrect}": ${unmarked.map((o) => `${o.id}="${o.mark}"`).join('; ')}`);
      shared.keyboard.order = { id: order.id, ids: orderOf(q) };
    }

    // A question answered wrong on purpose.
    const wrongQ = s.questions.find((x) => x.kind === 'truefalse' && x.id !== single.id)
      || s.questions.find((x) => x.kind === 'single' && x.id !== single.id);
    t.must(wrongQ, 'no second single-choice or true/false question to answer wrong');
    t.at(`keyboard: answer ${wrongQ.id} (${wrongQ.kind}) wrong`);
    const w = wrongQ.options.findIndex((o) => !o.correct);
    const r = wrongQ.options.findIndex((o) => o.correct);
    await showQuestion(t, page, wrongQ.id, 'keyboard');
    await page.locator(`[id="${wrongQ.id}"]`).focus();
    await page.keyboard.press('Tab');
    if (w === 0) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
    } else {
      for (let i = 0; i < w; i++) await page.keyboard.press('ArrowDown');
    }
    tabs = await tabTo(page, `[id="${wrongQ.id}"] [data-check]`, 4);
    t.must(tabs > 0, `Tab did not reach the check button of ${wrongQ.id}; focus on ${await activeDesc(page)}`);
    await page.keyboard.press('Enter');
    q = await questionOf(page, wrongQ.id);
    t.must(q.options[w].checked, `${wrongQ.id}: the wrong option ${wrongQ.options[w].id} is not selected: ${describeOptions(q)}`);
    t.expect(q.status === L.labelStatusWrong && q.statusVisible, `${wrongQ.id}: status reads "${q.status}", expected "${L.labelStatusWrong}"`);
    const chosenW = q.options[w];
    t.expect(chosenW.mark === L.labelIncorrect && chosenW.markVisible, `${wrongQ.id}: the chosen wrong option's mark reads "${chosenW.mark}", expected "${L.labelIncorrect}"`);
    t.expect(chosenW.hasFeedback, `${wrongQ.id}: the chosen wrong option has no feedback in the markup`);
    t.expect(!chosenW.hasFeedback || (chosenW.feedbackVisible && chosenW.feedback.length > 0), `${wrongQ.id}: the chosen wrong option's feedback is not shown (visible=${chosenW.feedbackVisible})`);
    if (r >= 0) {
      t.expect(q.options[r].mark === L.labelRightAnswer, `${wrongQ.id}: the right option ${q.options[r].id} (not chosen) is marked "${q.options[r].mark}", expected "${L.labelRightAnswer}"`);
    }
    t.expect(q.answerOpen && q.answerVisible, `${wrongQ.id}: the answer ([data-answer]) did not open after a wrong answer`);
    shared.keyboard.wrong = { id: wrongQ.id, chosen: wrongQ.options[w].id };
  });

  // ----------------------------------------------------------- 3 quiz-storage
  await run('quiz-storage', '/school/' + QUIZ_PATH, async (t) => {
    t.must(quizCtx, 'no browser context (quiz-click could not start)');
    t.at('open the quiz');
    const page = await t.newPage(quizCtx);
    let s = await openQuiz(t, page);
    const L = s.labels;
    // Answer one more question by clicking, so there is a fresh answer too.
    const extra = [...s.questions].reverse().find((q) => q.kind !== 'order' && !q.options.some((o) => o.checked));
    if (extra) {
      t.at(`answer ${extra.id} by clicking`);
      await showQuestion(t, page, extra.id);
      for (const o of extra.options) if (o.correct) await page.locator(`label[for="${o.id}"]`).click();
      if (extra.kind === 'multiple') await page.locator(`[id="${extra.id}"] [data-check]`).click();
    }
    const before = await page.evaluate(quizState);
    const answered = before.questions.filter((q) => q.options.some((o) => o.checked) || q.status);
    t.expect(answered.length >= 2, `only ${answered.length} question(s) answered before the reload; the earlier tests' answers are missing`);
    t.expect(before.stored, 'nothing in localStorage after answering');

    t.at('reload');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-toolbar]:not([hidden])', { state: 'attached' });
    const after = await page.evaluate(quizState);
    t.expect(after.step === before.step && after.step, `after the reload the current question is "${after.step}", expected "${before.step}"`);
    for (const qb of before.questions) {
      const qa = after.questions.find((x) => x.id === qb.id);
      if (!qa) { t.fail(`${qb.id} is gone after the reload`); continue; }
      const cb = qb.options.map((o) => `${o.id}:${o.checked}`).join(' ');
      const ca = qa.options.map((o) => `${o.id}:${o.checked}`).join(' ');
      t.expect(cb === ca, `${qb.id}: checked options not restored: before ${cb}; after ${ca}`);
      if (qb.kind === 'order') t.expect(orderOf(qb).join() === orderOf(qa).join(), `${qb.id}: order not restored: before ${orderOf(qb).join(', ')}; after ${orderOf(qa).join(', ')}`);
      t.expect(qb.status === qa.status, `${qb.id}: status not restored: before "${qb.status}", after "${qa.status}"`);
      const mb = qb.options.map((o) => o.mark).join('|');
      const ma = qa.options.map((o) => o.mark).join('|');
      t.expect(mb === ma, `${qb.id}: marks not restored: before ${mb}; after ${ma}`);
    }
    const kb = shared.keyboard;
    for (const key of ['single', 'wrong']) {
      if (!kb[key]) continue;
      const qa = after.questions.find((x) => x.id === kb[key].id);
      const o = qa && qa.options.find((x) => x.id === kb[key].chosen);
      t.expect(o && o.checked, `${kb[key].id}: the answer given by keyboard (${kb[key].chosen}) is not checked after the reload`);
    }
    if (kb.order) {
      const qa = after.questions.find((x) => x.id === kb.order.id);
      t.expect(qa && orderOf(qa).join() === kb.order.ids.join(), `${kb.order.id}: the order set by keyboard is not restored: ${qa ? orderOf(qa).join(', ') : 'question missing'}`);
    }

    t.at('network and storage');
    const bad = shared.quizRequests.filter((r) => !env.isLocal(r.url, srv.origin) || !['GET', 'HEAD'].includes(r.method) || ['ping', 'eventsource', 'websocket'].includes(r.type));
    t.expect(!bad.length, () => `requests that are not a GET to the loopback server: ${bad.slice(0, 8).map((r) => `${r.method} ${r.type} ${r.url}`).join('; ')}`);
    t.expect(shared.quizRequests.length > 0, 'no requests were recorded at all (the request listener did not work)');
    const cookies = await quizCtx.cookies();
    t.expect(!cookies.length, () => `cookies set: ${cookies.map((c) => c.name).join(', ')}`);
    const keys = await page.evaluate(() => Object.keys(localStorage));
    t.expect(keys.length === 1 && keys[0] === `leidraad-quiz:${after.quiz}`, `localStorage keys: ${keys.join(', ') || '(none)'}; expected just leidraad-quiz:${after.quiz}`);

    t.at('clear ("Wis mijn antwoorden") and reload');
    await page.locator('[data-clear]').click();
    s = await page.evaluate(quizState);
    t.expect(s.toolbarStatus === L.labelCleared, `the toolbar status reads "${s.toolbarStatus}", expected "${L.labelCleared}"`);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-toolbar]:not([hidden])', { state: 'attached' });
    s = await page.evaluate(quizState);
    const still = s.questions.filter((q) => q.options.some((o) => o.checked) || q.status || q.options.some((o) => o.mark));
    t.expect(!still.length, () => `after clearing and reloading, answers remain: ${still.map((q) => `${q.id}: ${describeOptions(q)} status="${q.status}"`).join(' | ')}`);
    for (const q of s.questions.filter((x) => x.kind === 'order')) {
      const init = shared.initialOrder[q.id];
      if (init) t.expect(orderOf(q).join() === init.join(), `${q.id}: after clearing, the order is ${orderOf(q).join(', ')}, expected the page's own order ${init.join(', ')}`);
    }
    t.expect(s.stored === null, `localStorage still holds the quiz: ${clip(s.stored || '', 120)}`);
    t.expect(!s.score, `the score still shows "${s.score}"`);
    t.expect(s.step === s.questions[0].id, `after clearing the current question is "${s.step}", expected ${s.questions[0].id}`);
  });
  if (quizCtx) await quizCtx.close().catch(() => {});

  // --------------------------------------------------------- 4 quiz-classroom
  await run('quiz-classroom', `/school/${QUIZ_PATH}?klas`, async (t) => {
    t.at('open the quiz in classroom mode (?klas)');
    const ctx = await t.context({});
    const page = await t.newPage(ctx);
    let s = await openQuiz(t, page, quizUrl + '?klas');
    const L = s.labels;
    const total = s.questions.length;
    t.must(total >= 3, `only ${total} questions; classroom navigation needs 3`);
    const visibleIds = (st) => st.questions.filter((q) => q.visible).map((q) => q.id);
    const first = s.questions[0];
    const second = s.questions[1];
    const third = s.questions[2];
    t.expect(visibleIds(s).join() === first.id, `visible questions: [${visibleIds(s).join(', ')}], expected only ${first.id}`);
    t.must(s.barVisible, 'classroom mode did not start: the classroom bar ([data-classroom-bar]) is not visible');
    t.expect(s.progress === fill(L.labelProgress, { number: 1, total }), `progress reads "${s.progress}", expected "${fill(L.labelProgress, { number: 1, total })}"`);
    const shownEarly = first.options.filter((o) => o.feedbackVisible || o.markVisible);
    t.expect(!shownEarly.length, () => `${first.id}: feedback or marks visible before "${L.labelReveal}": ${shownEarly.map((o) => o.id).join(', ')}`);
    t.expect(!first.answerVisible, `${first.id}: the answer ([data-answer]) is visible before "${L.labelReveal}"`);
    t.expect(s.reveal && s.reveal.text === L.labelReveal && s.reveal.expanded === 'false', `the reveal button reads "${s.reveal && s.reveal.text}" aria-expanded=${s.reveal && s.reveal.expanded}, expected "${L.labelReveal}" and false`);

    // Revealing goes in two steps: the right answer with its explanation,
    // then what each option says (lib/projector.js checks both fit).
    t.at(`"${L.labelReveal}"`);
    await page.locator('[data-classroom-reveal]').click();
    s = await page.evaluate(quizState);
    let q = s.questions[0];
    const withFb = q.options.filter((o) => o.hasFeedback);
    t.expect(withFb.length > 0, `${q.id}: no option has feedback to discuss`);
    const wrongMarks = q.options.filter((o) => o.mark !== (o.correct ? L.labelCorrect : L.labelIncorrect));
    t.expect(!wrongMarks.length, () => `${q.id}: after revealing, marks should say "${L.labelCorrect}"/"${L.labelIncorrect}": ${describeOptions(q)}`);
    t.expect(q.answerVisible, `${q.id}: the answer and explanation ([data-answer]) do not show after "${L.labelReveal}"`);
    const early = withFb.filter((o) => o.feedbackVisible);
    t.expect(!early.length, () => `${q.id}: the feedback of ${early.map((o) => o.id).join(', ')} shows in the first step; it belongs to "${L.labelRevealOptions}"`);
    t.expect(s.reveal.text === L.labelRevealOptions && s.reveal.expanded === 'true', `the reveal button reads "${s.reveal.text}" aria-expanded=${s.reveal.expanded}, expected "${L.labelRevealOptions}" and true`);

    t.at(`"${L.labelRevealOptions}"`);
    await page.locator('[data-classroom-reveal]').click();
    s = await page.evaluate(quizState);
    q = s.questions[0];
    const hidden = q.options.filter((o) => o.hasFeedback && (!o.feedbackVisible || !o.feedback));
    t.expect(!hidden.length, () => `${q.id}: feedback (discussion points) not visible after "${L.labelRevealOptions}": ${hidden.map((o) => o.id).join(', ')}`);
    const marksAfter = q.options.filter((o) => o.mark !== (o.correct ? L.labelCorrect : L.labelIncorrect));
    t.expect(!marksAfter.length, () => `${q.id}: the marks changed in the second step: ${describeOptions(q)}`);
    t.expect(s.reveal.text === L.labelHide && s.reveal.expanded === 'true', `the reveal button reads "${s.reveal.text}" aria-expanded=${s.reveal.expanded}, expected "${L.labelHide}" and true`);
    t.expect(visibleIds(s).join() === first.id, `visible questions after revealing: [${visibleIds(s).join(', ')}]`);
    t.at('screenshot');
    // What the projector shows: the viewport (the bar is fixed to its bottom).
    await t.shot(page, 'quiz-classroom-1280', false);

    t.at('the next button ([data-classroom-next])');
    await page.locator('[data-classroom-next]').click();
    s = await page.evaluate(quizState);
    t.expect(visibleIds(s).join() === second.id, `after the next button ([data-classroom-next]) visible: [${visibleIds(s).join(', ')}], expected ${second.id}`);
    t.expect(s.progress === fill(L.labelProgress, { number: 2, total }), `progress reads "${s.progress}", expected "${fill(L.labelProgress, { number: 2, total })}"`);
    q = s.questions[1];
    t.expect(!q.options.some((o) => o.feedbackVisible), `${q.id}: feedback visible before revealing`);
    t.expect(s.reveal.text === L.labelReveal, `on ${q.id} the reveal button reads "${s.reveal.text}", expected "${L.labelReveal}"`);

    t.at('ArrowRight');
    await page.keyboard.press('ArrowRight');
    s = await page.evaluate(quizState);
    t.expect(visibleIds(s).join() === third.id, `after ArrowRight visible: [${visibleIds(s).join(', ')}], expected ${third.id}`);
    t.expect(s.activeQuestion === third.id, `after ArrowRight the focus is not in ${third.id} (it is in "${s.activeQuestion}")`);
    t.at('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    s = await page.evaluate(quizState);
    t.expect(visibleIds(s).join() === second.id, `after ArrowLeft visible: [${visibleIds(s).join(', ')}], expected ${second.id}`);
    t.expect(s.progress === fill(L.labelProgress, { number: 2, total }), `progress reads "${s.progress}" after ArrowLeft`);

    t.at('space reveals the answer of the focused question, step by step');
    await page.keyboard.press(' ');
    s = await page.evaluate(quizState);
    t.expect(s.reveal.expanded === 'true' && s.questions[1].answerVisible, `after Space on ${second.id} the answer is not revealed (aria-expanded=${s.reveal.expanded})`);
    const steps = s.questions[1].options.some((o) => o.hasFeedback) ? 2 : 1;
    for (let i = 0; i < steps; i++) await page.keyboard.press(' ');
    s = await page.evaluate(quizState);
    t.expect(s.reveal.expanded === 'false' && !s.questions[1].answerVisible, `${steps + 1} presses of Space do not hide the answer again`);

    t.at('space on a focused button stays the button\'s');
    await page.locator('[data-classroom-next]').focus();
    await page.keyboard.press(' ');
    s = await page.evaluate(quizState);
    t.expect(visibleIds(s).join() === third.id && s.reveal.expanded === 'false', `Space on the focused next button: visible [${visibleIds(s).join(', ')}], reveal aria-expanded=${s.reveal.expanded}; expected ${third.id}, not revealed`);

    t.at('F for full screen');
    const fsy = await page.evaluate(() => {
      const b = document.querySelector('[data-classroom-fullscreen]');
      return { enabled: document.fullscreenEnabled, shown: !!b && !b.hidden && b.getBoundingClientRect().width > 0 };
    });
    t.expect(fsy.shown === fsy.enabled, `the full-screen button is ${fsy.shown ? 'shown' : 'hidden'} while document.fullscreenEnabled is ${fsy.enabled}`);
    if (fsy.enabled) {
      await page.keyboard.press('ArrowLeft'); // the focus back on a question
      await page.keyboard.press('f');
      // The button follows the fullscreenchange event, a task after the
      // element itself: wait for both.
      const state = () => page.evaluate(() => ({
        full: !!document.fullscreenElement,
        pressed: document.querySelector('[data-classroom-fullscreen]').getAttribute('aria-pressed'),
      }));
      let r = await poll(async () => { const st = await state(); return st.full && st.pressed === 'true' ? st : null; }, 3000);
      const st = await state();
      t.expect(r.ok, `F did not go full screen (fullscreenElement: ${st.full}, aria-pressed=${st.pressed})`);
      await page.keyboard.press('f');
      r = await poll(() => page.evaluate(() => !document.fullscreenElement), 3000);
      t.expect(r.ok, 'a second F did not leave full screen');
    }

    t.at('past the last question: the end slide');
    for (let i = 0; i < total + 1; i++) await page.keyboard.press('ArrowRight');
    s = await page.evaluate(quizState);
    const endFacts = await page.evaluate(() => {
      const end = document.querySelector('[data-classroom-end]');
      const r = end ? end.getBoundingClientRect() : null;
      return end ? { visible: !end.hidden && r.height > 0, links: end.querySelectorAll('a[href]').length, focused: document.activeElement === end } : null;
    });
    t.must(endFacts, 'no end slide ([data-classroom-end])');
    t.expect(endFacts.visible && !visibleIds(s).length, `after the last question: end slide visible ${endFacts.visible}, questions visible [${visibleIds(s).join(', ')}]`);
    t.expect(s.progress === L.labelEnd, `on the end slide the progress reads "${s.progress}", expected "${L.labelEnd}"`);
    t.expect(endFacts.links > 0 && endFacts.focused, `the end slide has ${endFacts.links} rule links and ${endFacts.focused ? 'has' : 'does not have'} the focus`);
    await page.keyboard.press('ArrowLeft');
    s = await page.evaluate(quizState);
    t.expect(visibleIds(s).join() === s.questions[total - 1].id, `ArrowLeft on the end slide shows [${visibleIds(s).join(', ')}], expected the last question`);

    t.at('stop classroom mode');
    await page.locator('[data-classroom-stop]').click();
    s = await page.evaluate(quizState);
    t.expect(visibleIds(s).length === 1 && visibleIds(s)[0] === s.step, `after stopping, visible questions: [${visibleIds(s).join(', ')}] of ${total}, expected the current one of the one-at-a-time flow (${s.step})`);
    t.expect(!s.barVisible, 'the classroom bar is still visible after stopping');
    t.expect(!/[?&](klas|class)\b/.test(new URL(page.url()).search), `the address still has classroom mode: ${page.url()}`);
    const leftFb = s.questions.filter((x) => x.options.some((o) => o.feedbackVisible));
    t.expect(!leftFb.length, `feedback still visible after stopping: ${leftFb.map((x) => x.id).join(', ')}`);

    t.at('screenshot at 360px');
    const ctx360 = await t.context({ viewport: { width: 360, height: 740 } });
    const p360 = await t.newPage(ctx360);
    await openQuiz(t, p360);
    await t.shot(p360, 'quiz-360-light');
  });

  // ---------------------------------------------------------- scenario paths
  let cardUrl = null;
  let cardGraph = null;
  const outcomeWords = {};

  async function findCard(t, page) {
    if (cardUrl) return cardUrl;
    t.at(`find a card on /school/${SCENARIOS_PATH}`);
    const list = srv.base + SCENARIOS_PATH;
    const resp = await page.goto(list, { waitUntil: 'load' });
    t.must(resp && resp.status() === 200, `${SCENARIOS_PATH} gave ${resp ? resp.status() : 'no response'}`);
    // Links in main to a page one level below the list: the cards.
    const cards = await page.evaluate(() => [...document.querySelectorAll('main a[href]')].map((a) => a.href).filter((h) => {
      const u = new URL(h);
      return u.origin === location.origin && u.pathname.startsWith(location.pathname) && /^[^/]+\/$/.test(u.pathname.slice(location.pathname.length));
    }));
    t.must(cards.length, `no link to a card in main of /school/${SCENARIOS_PATH}`);
    cardUrl = cards.find((h) => new URL(h).pathname.endsWith(`/${PREFERRED_CARD}/`)) || cards[0];
    return cardUrl;
  }

  /** Shortest walks from the start to an outcome of each kind. */
  function paths(graph) {
    const byId = new Map(graph.steps.map((s) => [s.id, s]));
    const prev = new Map([[graph.start, null]]);
    const queue = [graph.start];
    while (queue.length) {
      const id = queue.shift();
      const st = byId.get(id);
      if (!st || st.outcome) continue; // an outcome ends the walk (its only link is "start again")
      for (const l of st.links) {
        const to = decodeURIComponent(l.href.slice(1));
        if (!prev.has(to)) { prev.set(to, { from: id, href: l.href, text: l.text, to }); queue.push(to); }
      }
    }
    const walk = (end) => {
      const out = [];
      for (let e = prev.get(end); e; e = prev.get(e.from)) out.unshift(e);
      return out;
    };
    const result = {};
    for (const kind of ['good', 'bad']) {
      const end = graph.steps.find((s) => s.outcome === kind && prev.has(s.id));
      result[kind] = end ? walk(end.id) : null;
    }
    result.unreachable = graph.steps.filter((s) => !prev.has(s.id)).map((s) => s.id);
    return result;
  }

  async function loadCard(t, page, lang) {
    const resp = await page.goto(cardUrl, { waitUntil: 'load' });
    t.must(resp && resp.status() === 200, `${env.shortUrl(cardUrl, srv.origin)} gave ${resp ? resp.status() : 'no response'}`);
    const st = await page.evaluate(scenarioState);
    t.must(st && st.steps.length > 1, 'no [data-scenario] with [data-step] sections on the card');
    if (!outcomeWords.good) {
      const htmlLang = lang || await page.evaluate(() => document.documentElement.lang || 'nl');
      const m = messages(site.dir, env.repo, htmlLang.split('-')[0]);
      outcomeWords.good = m['outcome-good'] || '';
      outcomeWords.bad = m['outcome-bad'] || '';
      outcomeWords.restart = m['scenario-restart'] || '';
    }
    return st;
  }

  function describeSteps(st) {
    return st.steps.map((s) => `${s.id}${s.visible ? '*' : ''}`).join(' ');
  }

  // ------------------------------------------------------------ 5 scenario-js
  await run('scenario-js', `/school/${SCENARIOS_PATH}${PREFERRED_CARD}/`, async (t) => {
    const ctx = await t.context({});
    const page = await t.newPage(ctx);
    await findCard(t, page);
    t.page = env.shortUrl(cardUrl, srv.origin);
    t.at('open the card');
    // The link from the list, followed the way a reader would.
    let st = await loadCard(t, page);
    cardGraph = st;
    const ways = paths(st);
    t.must(ways.good, () => `no path from the start "${st.start}" to a good outcome; steps: ${st.steps.map((s) => `${s.id}(${s.outcome || '-'}: ${s.links.map((l) => l.href).join(' ')})`).join(' ')}`);
    t.must(ways.bad, 'no path from the start to a bad outcome');
    const visible = (x) => x.steps.filter((s) => s.visible).map((s) => s.id);
    t.expect(visible(st).join() === st.start, `on arrival, visible steps: [${visible(st).join(', ')}], expected only the start "${st.start}"`);

    async function walk(route, kind) {
      for (const e of route) {
        t.at(`${kind} path: ${e.from} → ${e.to} ("${clip(e.text, 50)}")`);
        const link = page.locator(`[id="${e.from}"] a[href="${e.href}"]`).first();
        t.must(await link.isVisible(), `the choice link ${e.href} in ${e.from} is not visible; steps: ${describeSteps(await page.evaluate(scenarioState))}`);
        await link.click();
        const r = await poll(async () => {
          const x = await page.evaluate(scenarioState);
          return visible(x).join() === e.to ? x : null;
        }, 3000);
        const x = r.value || await page.evaluate(scenarioState);
        t.must(r.ok, `after clicking "${clip(e.text, 60)}", visible steps: [${visible(x).join(', ')}], expected only ${e.to}; hash ${x.hash}`);
        t.expect(x.hash === e.href, `location.hash is "${x.hash}", expected "${e.href}"`);
        t.expect(x.focusStep === e.to, `the focus is not in the new step ${e.to} (it is in "${x.focusStep || 'no step'}")`);
      }
      return page.evaluate(scenarioState);
    }

    st = await walk(ways.good, 'good');
    const goodId = ways.good[ways.good.length - 1].to;
    let end = st.steps.find((s) => s.id === goodId);
    t.expect(end.outcome === 'good' && end.outcomeVisible, `the outcome of ${goodId} is not visible`);
    if (outcomeWords.good) t.expect(end.outcomeText.includes(outcomeWords.good), `${goodId}: the outcome reads "${end.outcomeText}", expected the words "${outcomeWords.good}"`);
    else t.expect(end.outcomeText.length > 0, `${goodId}: the outcome has no text`);

    t.at('start again');
    const restartName = outcomeWords.restart ? new RegExp(outcomeWords.restart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : null;
    let restart = restartName ? page.locator(`[id="${goodId}"]`).getByRole('link', { name: restartName }) : null;
    if (!restart || await restart.count() !== 1) restart = page.locator(`[id="${goodId}"] a[href="#${st.start}"]`).first();
    await restart.click();
    let r = await poll(async () => {
      const x = await page.evaluate(scenarioState);
      return visible(x).join() === x.start ? x : null;
    }, 3000);
    st = r.value || await page.evaluate(scenarioState);
    t.must(r.ok, `after "${outcomeWords.restart || 'start again'}", visible steps: [${visible(st).join(', ')}], expected only ${st.start}`);

    st = await walk(ways.bad, 'bad');
    const badId = ways.bad[ways.bad.length - 1].to;
    end = st.steps.find((s) => s.id === badId);
    t.expect(end.outcome === 'bad' && end.outcomeVisible, `the outcome of ${badId} is not visible`);
    if (outcomeWords.bad) t.expect(end.outcomeText.includes(outcomeWords.bad), `${badId}: the outcome reads "${end.outcomeText}", expected the words "${outcomeWords.bad}"`);

    t.at('browser back button');
    const before = ways.bad[ways.bad.length - 1].from;
    await page.goBack();
    r = await poll(async () => {
      const x = await page.evaluate(scenarioState);
      return visible(x).join() === before ? x : null;
    }, 3000);
    st = r.value || await page.evaluate(scenarioState);
    t.expect(r.ok, `after Back, visible steps: [${visible(st).join(', ')}] with hash "${st.hash}", expected the previous step ${before}`);
    t.expect(st.hash === `#${before}` || (before === st.start && st.hash === ''), `after Back the hash is "${st.hash}", expected "#${before}"`);
  });

  // ---------------------------------------------------------- 6 scenario-nojs
  await run('scenario-nojs', `/school/${SCENARIOS_PATH}${PREFERRED_CARD}/ (no JavaScript)`, async (t) => {
    const ctx = await t.context({ javaScriptEnabled: false });
    const page = await t.newPage(ctx);
    await findCard(t, page);
    t.page = `${env.shortUrl(cardUrl, srv.origin)} (no JavaScript)`;
    t.at('open the card without JavaScript');
    let st = await loadCard(t, page);
    // Only the start shows (scenario.css: the :target step, else the start), so
    // no outcome is seen before a choice.
    const shownSteps = st.steps.filter((s) => s.visible).map((s) => s.id);
    t.expect(shownSteps.join() === st.start, `without JavaScript on arrival visible steps: [${shownSteps.join(', ')}], expected only the start ${st.start}`);
    const early = st.steps.filter((s) => s.outcomeVisible).map((s) => s.id);
    t.expect(!early.length, `without JavaScript outcomes show before any choice: ${early.join(', ')}`);
    const ways = paths(st);
    t.must(ways.good && ways.bad, `no path to a ${ways.good ? 'bad' : 'good'} outcome`);
    t.at('screenshot');
    await t.shot(page, 'scenario-1280-light');

    async function walk(route, kind) {
      for (const e of route) {
        t.at(`${kind} path: ${e.from} → ${e.to} ("${clip(e.text, 50)}")`);
        await page.locator(`[id="${e.from}"] a[href="${e.href}"]`).first().click();
        const r = await poll(async () => {
          const x = await page.evaluate(scenarioState);
          return x.target === e.to ? x : null;
        }, 3000);
        const x = r.value || await page.evaluate(scenarioState);
        t.must(r.ok, `after clicking "${clip(e.text, 60)}", :target is "${x.target}", expected ${e.to}; hash "${x.hash}"`);
        t.expect(x.hash === e.href, `location.hash is "${x.hash}", expected "${e.href}"`);
        const s = x.steps.find((y) => y.id === e.to);
        t.expect(s.visible && s.top > -5 && s.top < x.innerHeight, `step ${e.to} is not scrolled into view (top ${s.top}px of ${x.innerHeight}px)`);
        const others = x.steps.filter((y) => y.visible && y.id !== e.to).map((y) => y.id);
        t.expect(!others.length, `after clicking "${clip(e.text, 60)}" other steps show too: ${others.join(', ')}`);
      }
      return page.evaluate(scenarioState);
    }
    st = await walk(ways.good, 'good');
    const good = st.steps.find((s) => s.id === ways.good[ways.good.length - 1].to);
    t.expect(good.outcomeVisible && (!outcomeWords.good || good.outcomeText.includes(outcomeWords.good)), `${good.id}: the good outcome reads "${good.outcomeText}"${good.outcomeVisible ? '' : ' (not visible)'}`);

    t.at('start again');
    await page.locator(`[id="${good.id}"] a[href="#${st.start}"]`).first().click();
    const r = await poll(async () => {
      const x = await page.evaluate(scenarioState);
      return x.target === x.start ? x : null;
    }, 3000);
    t.expect(r.ok, `after the start-again link, :target is "${(r.value || await page.evaluate(scenarioState)).target}", expected ${st.start}`);

    st = await walk(ways.bad, 'bad');
    const bad = st.steps.find((s) => s.id === ways.bad[ways.bad.length - 1].to);
    t.expect(bad.outcomeVisible && (!outcomeWords.bad || bad.outcomeText.includes(outcomeWords.bad)), `${bad.id}: the bad outcome reads "${bad.outcomeText}"${bad.outcomeVisible ? '' : ' (not visible)'}`);

    t.at('screenshot at 360px, dark');
    const ctx360 = await t.context({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    const p360 = await t.newPage(ctx360);
    await p360.goto(cardUrl, { waitUntil: 'load' });
    await t.shot(p360, 'scenario-360-dark');
  });

  // --------------------------------------------------------- 7 print-worksheet
  await run('print-worksheet', `/school/${QUIZ_PATH} and /school/${SCENARIOS_PATH} (print)`, async (t) => {
    const ctx = await t.context({});
    const page = await t.newPage(ctx);
    t.at('open the quiz and answer a question');
    const s = await openQuiz(t, page);
    // One answered question, so the screen shows feedback that paper must not.
    const q1 = s.questions.find((q) => q.kind !== 'order');
    if (q1) {
      await showQuestion(t, page, q1.id);
      for (const o of q1.options) if (!o.correct) { await page.locator(`label[for="${o.id}"]`).click(); break; }
      const checkButton = page.locator(`[id="${q1.id}"] [data-check]`);
      if (await checkButton.isVisible()) await checkButton.click();
    }
    t.at('quiz under print media');
    await page.emulateMedia({ media: 'print' });
    const pf = await page.evaluate(quizPrintFacts);
    t.must(pf.key, 'no answer key: no section with the heading #answer-key-title');
    t.expect(pf.key.visible && pf.key.text > 0, `the answer key is not visible in print (visible=${pf.key.visible}, ${pf.key.text} characters)`);
    t.expect(pf.key.breakBefore === 'page' || pf.key.pageBreakBefore === 'always', `the answer key does not start a new page: break-before "${pf.key.breakBefore}", page-break-before "${pf.key.pageBreakBefore}"`);
    const hiddenQ = pf.questions.filter((q) => !q.visible).map((q) => q.id);
    t.expect(!hiddenQ.length, `questions not printed: ${hiddenQ.join(', ')}`);
    t.expect(!pf.shown.length, () => `answers, feedback or buttons visible in print: ${pf.shown.slice(0, 6).join('; ')}${pf.shown.length > 6 ? ` … (${pf.shown.length})` : ''}`);
    t.expect(!pf.navs.length, () => `navigation visible in print: ${pf.navs.join('; ')}`);
    await page.emulateMedia({ media: 'screen' });

    t.at(`/school/${SCENARIOS_PATH} under print media`);
    const resp = await page.goto(srv.base + SCENARIOS_PATH, { waitUntil: 'load' });
    t.must(resp && resp.status() === 200, `${SCENARIOS_PATH} gave ${resp ? resp.status() : 'no response'}`);
    const screenDeck = await page.evaluate(deckPrintFacts);
    t.must(screenDeck.hasDeck, 'no deck on the list of scenario cards (a [data-filter-list] of <article> cards)');
    t.expect(!screenDeck.deckVisible, 'the deck is visible on screen (it is meant for paper only)');
    await page.emulateMedia({ media: 'print' });
    const df = await page.evaluate(deckPrintFacts);
    t.expect(df.deckVisible, 'the deck is not visible in print');
    t.expect(df.cards > 0 && df.cardsVisible === df.cards, () => `${df.cardsVisible} of ${df.cards} deck cards visible in print; hidden: ${df.hiddenCards.join('; ')}`);
    t.expect(!df.screenListVisible, 'the screen list of cards is printed as well as the deck');
    t.expect(!df.navs.length, () => `navigation visible in print: ${df.navs.join('; ')}`);

    if (cardUrl) {
      t.at('a scenario card under print media, with JavaScript');
      await page.emulateMedia({ media: 'screen' });
      await page.goto(cardUrl, { waitUntil: 'load' });
      const st = await page.evaluate(scenarioState);
      await page.emulateMedia({ media: 'print' });
      // Printed, a card is its deck: one card per step (lib/scenarios.js reads the PDF).
      const printed = await page.evaluate(() => [...document.querySelectorAll('.deck [data-deck-card], .deck [data-deck-end]')]
        .map((c) => c.checkVisibility({ checkVisibilityCSS: true })));
      t.expect(printed.length === st.steps.length && printed.every(Boolean), `${env.shortUrl(cardUrl, srv.origin)} prints ${printed.filter(Boolean).length} deck cards for ${st.steps.length} steps`);
    }
  });

  // ------------------------------------------------- 8 quiz-projector, answer key
  // Every quiz of every example site, nl and en (lib/projector.js).
  const projectorEnv = Object.assign({}, env, { repo: env.repo, bin: env.bin });
  for (const size of projector.SIZES) await run('quiz-projector', `every quiz of every site, ?klas at ${size.join('x')}`, async (t) => {
    const figures = await projector.projectorTest(t, projectorEnv, [size]);
    const by = {};
    for (const f of figures) {
      const k = `${f.site} ${f.size}`;
      by[k] = by[k] || { fit: 1, prompt: Infinity, text: Infinity };
      by[k].fit = Math.min(by[k].fit, f.minFit);
      by[k].prompt = Math.min(by[k].prompt, f.minPrompt);
      by[k].text = Math.min(by[k].text, f.minText);
    }
    for (const [k, v] of Object.entries(by)) console.log(`      quiz-projector ${k}: smallest --fit ${v.fit.toFixed(2)}, prompt ≥ ${v.prompt.toFixed(1)}px, any text ≥ ${v.text.toFixed(1)}px`);
  });
  await run('print-answer-key', 'every quiz of every site as an A4 PDF', async (t) => {
    const figures = await projector.answerKeyTest(t, projectorEnv);
    for (const f of figures) console.log(`      print-answer-key ${f.site} /${f.quiz}: ${f.pages} pages, key grid (${f.questions} questions) on page ${f.keyPage}`);
  });
  await run('print-document', 'the protocol and an audience view of every site, nl and en, as PDF', async (t) => {
    const figures = await printdoc.printDocumentTest(t, projectorEnv, messages);
    for (const f of figures) console.log(`      print-document ${f.site} /${f.rel}: ${f.pages} pages, ${f.tocEntries} entries in the contents`);
  });

  // ------------------------------------------------- 8 qti-player, qti-convert
  // Every QTI package of every example site in Cito's player, and through
  // Cito's converter to QTI 2.1 (lib/qti.js). One player test per site.
  let packages = null;
  const built = () => { packages = packages || qti.builtPackages(projectorEnv); return packages; };
  // One player test per site and locale, each within the time limit.
  const groups = discoverSites(env.repo).flatMap((s) => ['nl', 'en'].map((lang) => [s.name, lang]));
  for (const [name, lang] of groups) await run('qti-player', `the ${lang} QTI packages of ${name} in @citolab/qti-components`, async (t) => {
    const mine = built().filter((p) => p.site === name && p.path.split(path.sep)[0] === lang);
    t.must(mine.length > 0, `no QTI packages of ${name} in ${lang}`);
    const counts = await qti.playerTest(t, env, mine);
    const kinds = Object.entries(counts.kinds).map(([k, v]) => `${v} ${k}`).join(', ');
    console.log(`      qti-player ${name} ${lang}: ${counts.packages} packages, ${counts.items} items (${kinds}), ${counts.scores} scores checked`);
  });
  await run('qti-convert', 'every QTI package of every site to QTI 2.1 with citolab-qti-convert', async (t) => {
    console.log(`      qti-convert: ${qti.convertTest(t, built())} of ${built().length} packages converted to QTI 2.1`);
  });

  // ------------------------------------------------------------ 8 live-reload
  await run('live-reload', 'leidraad serve (tests/fixtures/minimal)', async (t) => {
    const fixture = path.join(env.repo, 'tests', 'fixtures', 'minimal');
    t.at('copy the fixture');
    t.must(fs.existsSync(path.join(fixture, 'site.yaml')), `no fixture site at ${fixture}`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-live-'));
    let child = null;
    let killOnExit = null;
    const out = [];
    const err = [];
    const tail = (chunks) => clip(Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).slice(-6).join(' | '), 600);
    try {
      fs.cpSync(fixture, tmp, { recursive: true });
      const file = path.join(tmp, 'content', 'nl', 'protocol', 'regels.md');
      t.must(fs.existsSync(file), `the fixture has no content/nl/protocol/regels.md`);
      const original = fs.readFileSync(file, 'utf8');

      t.at('start leidraad serve --port 0');
      child = spawn(env.bin, ['serve', '--root', tmp, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      // Should the suite itself die, the server must not outlive it.
      killOnExit = () => { try { child.kill('SIGKILL'); } catch (_) { /* gone */ } };
      process.once('exit', killOnExit);
      const base = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Stop(`no "serving http://127.0.0.1:PORT/" line within ${SERVE_START / 1000} s; stdout: ${tail(out)}; stderr: ${tail(err)}`)), SERVE_START);
        child.stdout.on('data', (d) => {
          out.push(d);
          const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(Buffer.concat(out).toString('utf8'));
          if (m) { clearTimeout(timer); resolve(m[1]); }
        });
        child.stderr.on('data', (d) => err.push(d));
        child.once('error', (e) => { clearTimeout(timer); reject(new Stop(`could not start ${env.bin}: ${e.message}`)); });
        child.once('exit', (code, sig) => { clearTimeout(timer); reject(new Stop(`leidraad serve exited (${code === null ? sig : code}) before serving; stderr: ${tail(err)}`)); });
      });
      child.removeAllListeners('exit');
      const origin = new URL(base).origin;
      const url = base + LIVE_PAGE;
      t.page = `${url} (leidraad serve)`;

      t.at(`open ${LIVE_PAGE}`);
      const ctx = await t.context({}, origin);
      // The reload stream ends whenever the page reloads or the server stops:
      // console noise about it is not a failure; uncaught errors are.
      const page = await t.newPage(ctx, { consoleErrors: false });
      const isEvents = (r) => new URL(r.url()).pathname === '/__leidraad/events';
      // (settled at once into true/false, so a timeout is never an unhandled rejection)
      let connected = page.waitForResponse(isEvents, { timeout: LIVE_WAIT }).then(() => true, () => false);
      const resp = await page.goto(url, { waitUntil: 'load' });
      t.must(resp && resp.status() === 200, `${url} gave ${resp ? resp.status() : 'no response'}; server output: ${tail(out)} ${tail(err)}`);
      const text0 = await page.evaluate(() => document.body.innerText);
      if (original.includes(LIVE_OLD)) t.expect(text0.includes(LIVE_OLD), `the served page does not show "${LIVE_OLD}"`);
      t.must(await connected, 'the page did not open the live-reload stream /__leidraad/events');

      t.at('edit the page text');
      const edited = original.includes(LIVE_OLD) ? original.replace(LIVE_OLD, LIVE_NEW) : `${original.trimEnd()}\n\n${LIVE_NEW}\n`;
      await page.evaluate(() => { window.__leidraadTest = 'before'; });
      connected = page.waitForResponse(isEvents, { timeout: LIVE_WAIT + 5000 }).then(() => true, () => false);
      const t0 = Date.now();
      fs.writeFileSync(file, edited);
      let r = await poll(async () => page.evaluate((s) => document.body.innerText.includes(s) && window.__leidraadTest !== 'before', LIVE_NEW), LIVE_WAIT);
      t.must(r.ok, `the page did not reload with "${LIVE_NEW}" within ${LIVE_WAIT / 1000} s${r.error ? ` (${clip(r.error.message, 100)})` : ''}; server output: ${tail(out)} | ${tail(err)}`);
      console.log(`      live-reload: new text shown after ${Date.now() - t0} ms`);
      t.must(await connected, 'after the reload the page did not open /__leidraad/events again');

      t.at('break the front matter');
      t.must(edited.includes(LIVE_GOOD_FM), `the fixture's regels.md has no "${LIVE_GOOD_FM}" to break`);
      fs.writeFileSync(file, edited.replace(LIVE_GOOD_FM, LIVE_BAD_FM));
      r = await poll(async () => page.evaluate(() => {
        const o = document.getElementById('leidraad-errors');
        return o && o.getAttribute('role') === 'alert' ? o.innerText : null;
      }), LIVE_WAIT);
      t.must(r.ok, `no error overlay (#leidraad-errors, role=alert) within ${LIVE_WAIT / 1000} s; server output: ${tail(out)} | ${tail(err)}`);
      t.expect(/unknown audience/i.test(r.value), `the error overlay does not mention "unknown audience": "${clip(r.value, 300)}"`);
      const stillGood = await page.evaluate((s) => document.body.innerText.includes(s), LIVE_NEW);
      t.expect(stillGood, 'with the error overlay, the page no longer shows the last good build');

      t.at('fix the front matter');
      await page.evaluate(() => { window.__leidraadTest = 'broken'; });
      const t1 = Date.now();
      fs.writeFileSync(file, edited);
      r = await poll(async () => page.evaluate((s) => (!document.getElementById('leidraad-errors') && document.body.innerText.includes(s)
        ? { reloaded: window.__leidraadTest !== 'broken' } : null), LIVE_NEW), LIVE_WAIT);
      t.expect(r.ok, () => `the error overlay is still there ${LIVE_WAIT / 1000} s after fixing the file; server output: ${tail(out)} | ${tail(err)}`);
      if (r.ok) console.log(`      live-reload: overlay gone after ${Date.now() - t1} ms (${r.value.reloaded ? 'page reloaded' : 'without a reload'})`);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((res) => child.once('exit', res));
        child.kill('SIGTERM');
        const done = await Promise.race([exited.then(() => true), new Promise((res) => setTimeout(() => res(false), 5000))]);
        if (!done) {
          child.kill('SIGKILL');
          await Promise.race([exited, new Promise((res) => setTimeout(res, 2000))]);
        }
      }
      if (killOnExit) process.removeListener('exit', killOnExit);
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  return { results, files };
}

module.exports = { runInteractions, TESTS, quizState, messages, fill, poll };
