'use strict';
// The quiz on a phone (issue 22): at 390×844, with JavaScript one question
// at a time with progress, feedback at once, previous/next and an end screen
// with the score, the pass mark and the questions missed (each with working
// links to its rules); without JavaScript the whole form, each explanation
// shown once. run.js calls runPhone() for every site, with a quiz page per
// locale found in the built folder. One test per site, locale and mode.
const fs = require('fs');
const path = require('path');
const { createHarness, Stop } = require('./harness');

const TESTS = ['quiz-phone', 'quiz-phone-nojs'];
const PHONE = { width: 390, height: 844 };

/** The first quiz page (by path) of each locale in a built site folder. */
function quizPages(out) {
  const found = new Map();
  const walk = (dir) => {
    let entries = [];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (_) { return; }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'pagefind') walk(p); continue; }
      if (e.name !== 'index.html') continue;
      const html = fs.readFileSync(p, 'utf8');
      if (!html.includes('data-quiz=')) continue;
      const lang = (/<html[^>]*\blang="([^"]+)"/.exec(html) || [])[1] || '?';
      if (!found.has(lang)) found.set(lang, path.relative(out, dir).split(path.sep).join('/') + '/');
    }
  };
  walk(out);
  return [...found.entries()].map(([lang, rel]) => ({ lang, rel }));
}

// ------------------------------------------------------- in-page functions

/** What a phone shows of the quiz: the visible questions, progress, texts shown. */
function phoneState() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const norm = (s) => String(s || '').replace(/\s+/g, ' ').trim();
  const root = document.querySelector('[data-quiz]');
  const page = norm(document.body.innerText);
  const count = (needle) => (needle ? page.split(needle).length - 1 : 0);
  // Every explanation and feedback text of the page, with where it is and whether it shows.
  const texts = [];
  for (const q of root.querySelectorAll('[data-question]')) {
    for (const fb of q.querySelectorAll('[data-feedback]')) {
      const own = fb.querySelector('.option-feedback-text');
      texts.push({ q: q.id, kind: 'feedback', text: norm((own || fb).textContent), shown: vis(fb) });
    }
    for (const ex of q.querySelectorAll('.explanation p:not(.answer-label)')) {
      texts.push({ q: q.id, kind: 'explanation', text: norm(ex.textContent), shown: vis(ex) });
    }
  }
  const result = root.querySelector('[data-result]');
  return {
    quiz: root.getAttribute('data-quiz'),
    pass: Number(root.getAttribute('data-pass')),
    labels: Object.assign({}, root.dataset),
    questions: [...root.querySelectorAll('[data-question]')].map((q) => ({
      id: q.id,
      kind: q.getAttribute('data-kind'),
      visible: vis(q),
      status: norm((q.querySelector('[data-status]') || {}).textContent),
      statusVisible: vis(q.querySelector('[data-status]')),
      answerOpen: !!(q.querySelector('[data-answer]') || {}).open,
      refs: [...q.querySelectorAll('[data-answer] .refs a')].map((a) => a.href),
      options: [...q.querySelectorAll('[data-option]')].map((o) => {
        const input = o.querySelector('input');
        return {
          id: input ? input.id : o.getAttribute('data-option-id'),
          checked: input ? input.checked : null,
          correct: input ? input.getAttribute('data-correct') === 'true' : null,
          mark: norm((o.querySelector('[data-mark]') || {}).textContent),
          markVisible: vis(o.querySelector('[data-mark]')),
          hasFeedback: !!o.querySelector('[data-feedback]'),
          feedbackVisible: vis(o.querySelector('[data-feedback]')),
        };
      }),
    })),
    progress: norm((root.querySelector('[data-step-progress]') || {}).textContent),
    progressVisible: vis(root.querySelector('[data-step-progress]')),
    stepsVisible: vis(root.querySelector('[data-steps]')),
    nextVisible: vis(root.querySelector('[data-step-next]')),
    scoreButtonVisible: vis(root.querySelector('[data-score-button]')),
    resultVisible: vis(result),
    score: norm(result && result.querySelector('[data-score]') ? result.querySelector('[data-score]').innerText : ''),
    passMark: result && vis(result.querySelector('[data-pass-mark]')) ? norm(result.querySelector('[data-pass-mark]').textContent) : '',
    missed: [...root.querySelectorAll('[data-missed-for]')].filter(vis).map((li) => ({
      id: li.getAttribute('data-missed-for'),
      status: norm((li.querySelector('[data-missed-status]') || {}).textContent),
      links: [...li.querySelectorAll('.refs a')].filter(vis).map((a) => a.href),
    })),
    allRightVisible: vis(root.querySelector('[data-all-right]')),
    texts: texts.map((x) => Object.assign(x, { onPage: count(x.text) })),
    activeQuestion: document.activeElement && document.activeElement.closest ? (document.activeElement.closest('[data-question]') || {}).id || '' : '',
  };
}

/** Each explanation and feedback text that shows must be on the page once, the others not at all. */
function textProblems(s) {
  const out = [];
  const shownBy = new Map();
  for (const x of s.texts) if (x.shown) shownBy.set(x.text, (shownBy.get(x.text) || 0) + 1);
  for (const x of s.texts) {
    if (!x.text) continue;
    const want = shownBy.get(x.text) || 0;
    if (x.onPage !== want) out.push(`${x.q} ${x.kind} "${x.text.slice(0, 50)}…" shows ${x.onPage} time(s), expected ${want}`);
  }
  return [...new Set(out)];
}

// -------------------------------------------------------------- the runner

/**
 * env: as for runInteractions, plus out (the built folder), injectAxe,
 * runAxe, axeDetails and listenForViolations from run.js.
 */
async function runPhone(env) {
  const { srv } = env;
  const { run, files, results, T } = createHarness(env, { label: 'phone', width: 15 });
  const pages = quizPages(env.out);
  if (!pages.length) {
    await run('quiz-phone', `${env.out} (no quiz)`, async () => { throw new Stop('no page with [data-quiz] in the built site'); });
    return { results, files };
  }

  async function axeProblems(page) {
    await env.injectAxe(page);
    const v = await env.runAxe(page, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return env.axeDetails(v);
  }

  for (const { lang, rel } of pages) {
    const url = srv.base + rel;
    const where = `/school/${rel} (${lang}, ${PHONE.width}×${PHONE.height})`;

    await run('quiz-phone', where, async (t) => {
      const ctx = await t.context({ viewport: PHONE, isMobile: true, hasTouch: true });
      await env.listenForViolations(ctx);
      const page = await t.newPage(ctx);
      const state = () => page.evaluate(phoneState);
      t.at('open the quiz');
      const resp = await page.goto(url, { waitUntil: 'load' });
      t.must(resp && resp.status() === 200, `${rel} gave ${resp ? resp.status() : 'no response'}`);
      await page.waitForSelector('[data-steps]:not([hidden])', { state: 'attached', timeout: T })
        .catch(() => { throw new Stop('quiz-flow.js did not show the previous/next buttons ([data-steps] stays hidden)'); });
      let s = await state();
      const L = s.labels;
      const n = s.questions.length;
      t.must(n > 1, `the quiz has ${n} question(s)`);
      t.must(L.labelStepProgress, 'no data-label-step-progress on [data-quiz]');
      const progress = (i) => L.labelStepProgress.replace('{number}', i + 1).replace('{total}', n);
      const visibleQs = (x) => x.questions.filter((q) => q.visible).map((q) => q.id);
      t.expect(visibleQs(s).join() === s.questions[0].id, `on arrival visible questions: [${visibleQs(s).join(', ')}], expected only ${s.questions[0].id}`);
      t.expect(s.progressVisible && s.progress === progress(0), `progress reads "${s.progress}"${s.progressVisible ? '' : ' (hidden)'}, expected "${progress(0)}"`);
      t.expect(!s.resultVisible, 'the end screen shows before the last question');
      // The first question starts on the first screen, right after the introduction.
      const firstTop = await page.locator(`[id="${s.questions[0].id}"] .question-prompt`).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      t.expect(firstTop < PHONE.height, `the first question's prompt starts at ${Math.round(firstTop)}px, below the first screen (${PHONE.height}px)`);
      t.expect(!textProblems(s).length, () => `before answering: ${textProblems(s).join('; ')}`);
      await t.shot(page, `quiz-phone-${lang}-question`, false);

      // The plan: the first single or true/false question wrong by a tap, one
      // other question skipped, the rest right.
      const wrongQ = s.questions.find((q) => q.kind === 'single' || q.kind === 'truefalse');
      t.must(wrongQ, 'the quiz has no single-choice or true/false question');
      const skipQ = s.questions.find((q, i) => q.id !== wrongQ.id && i < n - 1 && q.kind !== 'order');
      const expectMissed = [wrongQ.id, ...(skipQ ? [skipQ.id] : [])];

      for (let i = 0; i < n; i++) {
        const q0 = s.questions[i];
        t.at(`question ${i + 1} (${q0.id}, ${q0.kind})`);
        s = await state();
        t.expect(visibleQs(s).join() === q0.id, `visible questions: [${visibleQs(s).join(', ')}], expected only ${q0.id}`);
        t.expect(s.progress === progress(i), `progress reads "${s.progress}", expected "${progress(i)}"`);
        const ql = page.locator(`[id="${q0.id}"]`);
        if (q0.id === skipQ?.id) {
          // skipped: next without answering
        } else if (q0.id === wrongQ.id) {
          const wrong = q0.options.find((o) => !o.correct);
          await ql.locator(`label[for="${wrong.id}"]`).tap();
          const a = (await state()).questions[i];
          t.expect(a.status === L.labelStatusWrong && a.statusVisible, `after a tap on a wrong option the status reads "${a.status}", expected "${L.labelStatusWrong}" at once`);
          const w = a.options.find((o) => o.id === wrong.id);
          t.expect(w.mark === L.labelIncorrect && w.markVisible, `the tapped option's mark reads "${w.mark}", expected "${L.labelIncorrect}"`);
          t.expect(!w.hasFeedback || w.feedbackVisible, 'the tapped option\'s feedback does not show at once');
          t.expect(a.answerOpen, 'the answer (explanation and rules) did not open');
          const p = textProblems(await state());
          t.expect(!p.length, () => `after the feedback: ${p.join('; ')}`);
          // Another tap does not change a checked answer.
          const right = q0.options.find((o) => o.correct);
          await ql.locator(`label[for="${right.id}"]`).tap({ force: true }); // aria-disabled now
          const b = (await state()).questions[i];
          t.expect(b.options.find((o) => o.id === wrong.id).checked && b.status === L.labelStatusWrong, 'a second tap changed the checked answer');
          await page.locator(`[id="${q0.id}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await t.shot(page, `quiz-phone-${lang}-feedback`, false);
          const axe = await axeProblems(page);
          t.expect(!axe.length, () => `axe with the feedback shown: ${axe.slice(0, 8).join(' | ')}`);
        } else if (q0.kind === 'order') {
          for (let p = 1; p <= q0.options.length; p++) {
            for (let guard = 0; guard < q0.options.length; guard++) {
              const pos = await ql.locator('[data-option]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-position'))));
              if (pos.indexOf(p) <= p - 1) break;
              await ql.locator(`[data-option][data-position="${p}"] [data-move="up"]`).tap();
            }
          }
          await ql.locator('[data-check]').tap();
        } else {
          for (const o of q0.options) if (o.correct) await ql.locator(`label[for="${o.id}"]`).tap();
          if (q0.kind === 'multiple') await ql.locator('[data-check]').tap();
          const a = (await state()).questions[i];
          t.expect(a.status === L.labelStatusRight, `status reads "${a.status}", expected "${L.labelStatusRight}"${q0.kind === 'multiple' ? '' : ' at once after the tap'}`);
          const p = textProblems(await state());
          t.expect(!p.length, () => `after the feedback: ${p.join('; ')}`);
        }
        if (i === 2) {
          t.at('previous and next');
          await page.locator('[data-step-prev]').tap();
          let x = await state();
          t.expect(visibleQs(x).join() === s.questions[1].id && x.progress === progress(1), `after "previous" visible: [${visibleQs(x).join(', ')}], progress "${x.progress}"; expected ${s.questions[1].id}, "${progress(1)}"`);
          t.expect(x.activeQuestion === s.questions[1].id, `after "previous" the focus is in "${x.activeQuestion}", expected ${s.questions[1].id}`);
          await page.locator('[data-step-next]').tap();
          x = await state();
          t.expect(visibleQs(x).join() === q0.id, `after "next" visible: [${visibleQs(x).join(', ')}], expected ${q0.id}`);
        }
        if (i < n - 1) {
          s = await state();
          t.expect(s.nextVisible && !s.scoreButtonVisible, `question ${i + 1}: "next" visible ${s.nextVisible}, score button visible ${s.scoreButtonVisible}`);
          await page.locator('[data-step-next]').tap();
        }
      }

      t.at('the end screen');
      s = await state();
      t.must(s.scoreButtonVisible, 'on the last question there is no visible score button ([data-score-button])');
      await page.locator('[data-score-button]').tap();
      s = await state();
      const right = n - expectMissed.length;
      const percent = Math.round((right * 100) / n);
      const want = L.labelScore.replace('{right}', right).replace('{total}', n).replace('{percent}', percent);
      t.expect(s.resultVisible, 'the end screen ([data-result]) is not visible');
      t.expect(!visibleQs(s).length, `questions visible on the end screen: ${visibleQs(s).join(', ')}`);
      t.expect(s.score.includes(want), `the score reads "${s.score}", expected "${want}"`);
      const passed = right * 100 >= s.pass * n;
      t.expect(s.score.includes(passed ? L.labelPassed : L.labelFailed), `the score reads "${s.score}", expected "${passed ? L.labelPassed : L.labelFailed}"`);
      if (s.pass > 0) t.expect(s.passMark.includes(`${s.pass}%`), `the end screen's pass mark reads "${s.passMark}", expected ${s.pass}%`);
      t.expect(s.missed.map((m) => m.id).join() === expectMissed.join(), `missed list: [${s.missed.map((m) => m.id).join(', ')}], expected [${expectMissed.join(', ')}]`);
      const skipped = s.missed.find((m) => m.id === skipQ?.id);
      if (skipped) t.expect(skipped.status === L.labelStatusUnanswered, `the skipped question's status reads "${skipped.status}", expected "${L.labelStatusUnanswered}"`);
      const links = new Set();
      for (const m of s.missed) {
        const q = s.questions.find((x) => x.id === m.id);
        t.expect(m.links.join() === q.refs.join(), `${m.id}: the missed item links [${m.links.join(', ')}], the question cites [${q.refs.join(', ')}]`);
        m.links.forEach((l) => links.add(l));
      }
      t.expect(links.size > 0, 'no missed question links to a rule');
      await page.locator('[data-result]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await t.shot(page, `quiz-phone-${lang}-end`, false);
      const axe = await axeProblems(page);
      t.expect(!axe.length, () => `axe on the end screen: ${axe.slice(0, 8).join(' | ')}`);

      t.at('the rule links of the missed questions');
      // One load per page (a second link to the same page only changes the hash), then its fragments.
      const byPage = new Map();
      for (const link of links) {
        const u = new URL(link);
        const hash = u.hash;
        u.hash = '';
        if (!byPage.has(u.href)) byPage.set(u.href, []);
        if (hash) byPage.get(u.href).push(decodeURIComponent(hash.slice(1)));
      }
      for (const [target, ids] of byPage) {
        const check = await t.newPage(ctx);
        const r = await check.goto(target, { waitUntil: 'load' });
        t.expect(r && r.status() === 200, `${env.shortUrl(target, srv.origin)} gave ${r ? r.status() : 'no response'}`);
        const missing = await check.evaluate((xs) => xs.filter((x) => !document.getElementById(x)), ids);
        t.expect(!missing.length, `${env.shortUrl(target, srv.origin)}: no element with id ${missing.map((x) => `"${x}"`).join(', ')}`);
      }

      t.at('reload: the end screen comes back from localStorage');
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-steps]:not([hidden])', { state: 'attached' });
      s = await state();
      t.expect(s.resultVisible && s.score.includes(want), `after a reload the end screen shows ${s.resultVisible ? `"${s.score}"` : 'not'}`);
      const keys = await page.evaluate(() => Object.keys(localStorage));
      t.expect(keys.join() === `leidraad-quiz:${s.quiz}`, `localStorage keys: ${keys.join(', ') || '(none)'}; expected leidraad-quiz:${s.quiz}`);

      t.at('back to a missed question');
      await page.locator(`[data-missed-for="${wrongQ.id}"] [data-goto]`).tap();
      s = await state();
      const wi = s.questions.findIndex((q) => q.id === wrongQ.id);
      t.expect(visibleQs(s).join() === wrongQ.id && !s.resultVisible && s.progress === progress(wi), `"back to the question" shows [${visibleQs(s).join(', ')}] with progress "${s.progress}"`);
      t.expect(s.questions[wi].status === L.labelStatusWrong, `${wrongQ.id} lost its answer: status "${s.questions[wi].status}"`);

      t.at('policy');
      const violations = await page.evaluate(() => window.__leidraadViolations || []);
      t.expect(!violations.length, () => `CSP violations: ${violations.join('; ')}`);
      const bad = t.badRequests();
      t.expect(!bad.length, () => `requests that are not a GET under /school/: ${bad.slice(0, 5).join('; ')}`);
    });

    await run('quiz-phone-nojs', `/school/${rel} (${lang}, ${PHONE.width}×${PHONE.height}, no JavaScript)`, async (t) => {
      const ctx = await t.context({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: false });
      const page = await t.newPage(ctx);
      t.at('open the quiz without JavaScript');
      const resp = await page.goto(url, { waitUntil: 'load' });
      t.must(resp && resp.status() === 200, `${rel} gave ${resp ? resp.status() : 'no response'}`);
      let s = await page.evaluate(phoneState);
      const hiddenQ = s.questions.filter((q) => !q.visible).map((q) => q.id);
      t.expect(!hiddenQ.length, `without JavaScript these questions are hidden: ${hiddenQ.join(', ')}`);
      t.expect(!s.progressVisible && !s.stepsVisible && !s.resultVisible, 'progress, previous/next or the end screen show without JavaScript');
      t.expect(!s.texts.some((x) => x.shown), 'feedback or explanations show before an answer is opened');
      t.at('choose an option and open every answer');
      const first = s.questions.find((q) => q.kind !== 'order');
      if (first) {
        await page.locator(`label[for="${first.options[0].id}"]`).tap();
        t.expect(await page.locator(`[id="${first.options[0].id}"]`).isChecked(), 'tapping a label does not choose the option');
      }
      for (const q of s.questions) await page.locator(`[id="${q.id}"] [data-answer] > summary`).tap();
      s = await page.evaluate(phoneState);
      const unshown = s.texts.filter((x) => !x.shown).map((x) => `${x.q} ${x.kind}`);
      t.expect(!unshown.length, () => `with every answer open, not shown: ${unshown.slice(0, 8).join(', ')}`);
      const p = textProblems(s);
      t.expect(!p.length, () => `each explanation once: ${p.slice(0, 8).join('; ')}`);
      await page.locator(`[id="${s.questions[0].id}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await t.shot(page, `quiz-phone-${lang}-nojs`, false);

      // axe needs scripts; the page's view without quiz.js is had by serving it empty.
      t.at('axe on the page without quiz.js, every answer open');
      const actx = await t.context({ viewport: PHONE, isMobile: true, hasTouch: true });
      await actx.route((u) => u.pathname.endsWith('/quiz.js'), (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
      const apage = await t.newPage(actx);
      await apage.goto(url, { waitUntil: 'load' });
      await apage.evaluate(() => document.querySelectorAll('[data-answer]').forEach((d) => { d.open = true; }));
      const open = textProblems(await apage.evaluate(phoneState));
      t.expect(!open.length, () => `each explanation once: ${open.slice(0, 8).join('; ')}`);
      const axe = await axeProblems(apage);
      t.expect(!axe.length, () => `axe with every answer open: ${axe.slice(0, 8).join(' | ')}`);
    });
  }
  return { results, files };
}

module.exports = { runPhone, TESTS, phoneState, textProblems };
