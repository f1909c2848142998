'use strict';
// The teacher at the projector and the printed answer key, on every example
// site in every locale: each quiz in classroom mode (?klas) at the common
// projector sizes, every question with and without its answer revealed, must
// fit above the classroom bar, in both steps of revealing (the answer with its
// explanation, then each option's feedback), with body text of at least 28px at
// 1920x1080; letters, keys, full screen and the end slide;
// and the worksheet PDF (answer key grid on one page, page numbers), read
// back with pdfjs-dist. Called from interactions.js; see README.md.
const fs = require('fs');
const path = require('path');
const { discoverSites, buildSite } = require('./sites');
const { startServer } = require('./server');

const SIZES = [[1024, 768], [1280, 720], [1920, 1080]];
const MIN_TEXT_PX = 28; // readable from the back of a classroom, at 1920x1080
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// ------------------------------------------------------- in-page functions

/**
 * Walks every slide of the quiz in classroom mode (question, then revealed,
 * then the end slide) through the bar's own buttons, and measures what shows
 * against the bar's top edge. Self-contained (runs in the page).
 */
function walkSlides() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const root = document.querySelector('[data-quiz]');
  const bar = root.querySelector('[data-classroom-bar]');
  const next = root.querySelector('[data-classroom-next]');
  const reveal = root.querySelector('[data-classroom-reveal]');
  const end = root.querySelector('[data-classroom-end]');
  const W = window.innerWidth;
  const H = window.innerHeight;
  const problems = [];
  const slides = [];
  const place = (name, el, barTop) => {
    const r = el.getBoundingClientRect();
    if (r.bottom > barTop + 0.5) problems.push(`${name} ends at ${Math.round(r.bottom)}px, under the bar's top at ${Math.round(barTop)}px`);
    if (r.top < -0.5 || r.left < -0.5 || r.right > W + 0.5) problems.push(`${name} is outside the ${W}x${H} viewport (${Math.round(r.left)},${Math.round(r.top)})-(${Math.round(r.right)},${Math.round(r.bottom)})`);
  };
  const px = (el) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
  const questions = [...root.querySelectorAll('[data-question]')];
  // The body text of a slide: what a class reads from the back.
  const TEXT = '.question-prompt, .question-hint, .option-text, .order-text, .option-feedback, .answer-label, .answer-list, .explanation p, .refs a';
  questions.forEach((q, index) => {
    const hasFeedback = !!q.querySelector('[data-feedback]');
    // Hidden, then the answer with its explanation, then each option's feedback.
    const stages = hasFeedback ? [0, 1, 2] : [0, 1];
    for (const stage of stages) {
      const name = `${q.id}${['', ' revealed', ' with feedback per option'][stage]}`;
      if (stage > 0) reveal.click();
      if (!vis(q)) { problems.push(`${name}: the question is not visible`); continue; }
      const barTop = bar.getBoundingClientRect().top;
      if (bar.getBoundingClientRect().bottom > H + 0.5) problems.push(`${name}: the bar is not at the bottom of the viewport`);
      const prompt = q.querySelector('.question-prompt');
      place(`${name}: the prompt`, prompt, barTop);
      const options = [...q.querySelectorAll('[data-option]')];
      options.forEach((o, i) => {
        place(`${name}: option ${i + 1}`, o, barTop);
        const letter = o.querySelector('.option-letter');
        const text = letter ? letter.textContent.trim() : '';
        if (!vis(letter) || text !== 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]) problems.push(`${name}: option ${i + 1} shows the letter "${text}" (visible: ${vis(letter)}), expected "${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}"`);
        const fb = o.querySelector('[data-feedback]');
        if (fb && stage === 2 && !vis(fb)) problems.push(`${name}: the feedback of option ${i + 1} does not show`);
        if (fb && stage < 2 && vis(fb)) problems.push(`${name}: the feedback of option ${i + 1} shows before its step`);
      });
      const answer = q.querySelector('[data-answer]');
      if (stage === 1) {
        if (!vis(answer)) problems.push(`${name}: the answer ([data-answer]) does not show`);
        else place(`${name}: the answer and explanation`, answer, barTop);
        const explanation = answer && answer.querySelector('.explanation');
        if (explanation && !vis(explanation)) problems.push(`${name}: the explanation does not show`);
      } else if (stage === 0 && vis(answer)) {
        problems.push(`${name}: the answer shows before it is revealed`);
      } else if (vis(answer)) {
        place(`${name}: the answer`, answer, barTop);
      }
      const texts = [...q.querySelectorAll(TEXT)].filter(vis);
      const smallest = texts.length ? texts.reduce((a, b) => (px(b) < px(a) ? b : a)) : null;
      slides.push({
        name,
        fit: Number(getComputedStyle(root).getPropertyValue('--fit')) || 1,
        prompt: px(prompt),
        smallest: smallest ? px(smallest) : 0,
        smallestText: smallest ? smallest.className || smallest.tagName.toLowerCase() : '',
        option: px(q.querySelector('.option-text, .order-text')),
      });
    }
    reveal.click(); // hide again
    if (reveal.getAttribute('aria-expanded') !== 'false') problems.push(`${q.id}: the answer does not hide after its last step`);
    if (index < questions.length - 1) next.click();
  });
  next.click();
  const barTop = bar.getBoundingClientRect().top;
  if (!vis(end)) problems.push('after the last question the end slide ([data-classroom-end]) does not show');
  else place('the end slide', end, barTop);
  const links = end ? [...end.querySelectorAll('a[href]')].map((a) => ({ href: a.href, text: a.textContent.trim(), visible: vis(a) })) : [];
  const shown = questions.filter(vis).map((q) => q.id);
  if (shown.length) problems.push(`on the end slide questions still show: ${shown.join(', ')}`);
  return {
    problems,
    slides,
    links,
    progress: root.querySelector('[data-classroom-progress]').textContent.trim(),
    labelEnd: root.dataset.labelEnd,
    nextDisabled: next.getAttribute('aria-disabled'),
    count: questions.length,
  };
}

// ----------------------------------------------------------------- helpers

/** Every built quiz page under `out`: [{ lang, rel }] (rel: path of the folder). */
function findQuizzes(out) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html') {
        const html = fs.readFileSync(p, 'utf8');
        if (!html.includes(' data-quiz="')) continue;
        const lang = (/<html[^>]*\slang="([^"]+)"/.exec(html) || [])[1] || '';
        found.push({ lang, rel: path.relative(out, dir).split(path.sep).join('/') + '/' });
      }
    }
  };
  walk(out);
  return found.sort((a, b) => a.rel.localeCompare(b.rel));
}

/** The text of each page of a PDF (items joined by spaces), with pdfjs-dist. */
async function pdfPageTexts(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: true, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => it.str).join(' ').replace(/\s+/g, ' ').trim());
  }
  await doc.destroy();
  return pages;
}

/** The grid of the answer key as it is in the page: [{ number, key }]. */
function keyGrid() {
  return [...document.querySelectorAll('.answer-key-grid tbody tr')].map((tr) => ({
    number: tr.querySelector('th').textContent.trim(),
    key: tr.querySelector('td').textContent.trim(),
  }));
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds every example site and serves it; calls fn(site, srv, quizzes) for
 * each, then stops the server and removes the build.
 */
async function eachSite(env, fn) {
  for (const site of discoverSites(env.repo)) {
    const build = buildSite(env.bin, site);
    try {
      if (!build.ok) throw new Error(`building ${site.name} failed: ${env.clip(build.stderr, 300)}`);
      const srv = await startServer(build.out);
      try {
        await fn(site, srv, findQuizzes(build.out));
      } finally {
        await srv.close();
      }
    } finally {
      fs.rmSync(build.out, { recursive: true, force: true });
    }
  }
}

// ------------------------------------------------------------------- tests

/**
 * quiz-projector: every quiz of every site and locale at every size.
 * Returns the figures the summary prints.
 */
async function projectorTest(t, env, sizes = SIZES) {
  const figures = [];
  await eachSite(env, async (site, srv, quizzes) => {
    t.must(quizzes.length > 0, `${site.name}: no quiz pages found`);
    const langs = [...new Set(quizzes.map((q) => q.lang))];
    t.expect(langs.includes('nl') && langs.includes('en'), `${site.name}: quizzes only in ${langs.join(', ')}`);
    for (const [w, h] of sizes) {
      const ctx = await t.context({ viewport: { width: w, height: h } }, srv.origin);
      const page = await t.newPage(ctx);
      for (const quiz of quizzes) {
        const where = `${site.name} /${quiz.rel} at ${w}x${h}`;
        t.at(where);
        const resp = await page.goto(srv.base + quiz.rel + '?klas', { waitUntil: 'load' });
        t.must(resp && resp.status() === 200, `status ${resp ? resp.status() : 'none'}`);
        await page.waitForSelector('[data-classroom-bar]:not([hidden])');
        await page.evaluate(() => document.fonts.ready.then(() => true));
        const first = quizzes.find((q) => q.lang === quiz.lang) === quiz;
        if (first) await t.shot(page, `quiz-projector-${site.name}-${quiz.lang}-${w}x${h}-question`, false);
        if (first) {
          // Both steps of revealing, then hidden again.
          const reveal = page.locator('[data-classroom-reveal]');
          await reveal.click();
          await t.shot(page, `quiz-projector-${site.name}-${quiz.lang}-${w}x${h}-answer`, false);
          await reveal.click();
          if ((await reveal.getAttribute('aria-expanded')) === 'true') {
            await t.shot(page, `quiz-projector-${site.name}-${quiz.lang}-${w}x${h}-feedback`, false);
            await reveal.click();
          }
        }
        const r = await page.evaluate(walkSlides);
        for (const p of r.problems) t.fail(p);
        t.expect(r.progress === r.labelEnd, `on the end slide the progress reads "${r.progress}", expected "${r.labelEnd}"`);
        t.expect(r.nextDisabled === 'true', `on the end slide the next button is not aria-disabled`);
        t.expect(r.links.length > 0 && r.links.every((l) => l.visible), `the end slide lists ${r.links.length} rule links (all visible: ${r.links.every((l) => l.visible)})`);
        if (w === 1920) {
          const small = r.slides.filter((s) => s.smallest < MIN_TEXT_PX);
          t.expect(!small.length, () => `text under ${MIN_TEXT_PX}px: ${small.map((s) => `${s.name} ${s.smallestText} ${s.smallest.toFixed(1)}px`).join(', ')}`);
        }
        if (first) await t.shot(page, `quiz-projector-${site.name}-${quiz.lang}-${w}x${h}-end`, false);
        if (first && w === 1280) {
          // The rule links of the end slide lead to pages with those rules.
          for (const l of r.links) {
            const u = new URL(l.href);
            const res = await page.request.get(u.origin + u.pathname);
            const ok = res.status() === 200;
            const id = decodeURIComponent(u.hash.slice(1));
            const has = !id || (await res.text()).includes(` id="${id}"`);
            t.expect(ok && has, `the end slide's link "${l.text}" (${env.shortUrl(l.href, srv.origin)}) gives ${res.status()}${has ? '' : `, and the page has no id "${id}"`}`);
          }
        }
        const fits = r.slides.map((s) => s.fit);
        figures.push({
          site: site.name, quiz: quiz.rel, size: `${w}x${h}`,
          minFit: Math.min(...fits), minPrompt: Math.min(...r.slides.map((s) => s.prompt)),
          minText: Math.min(...r.slides.map((s) => s.smallest)), minOption: Math.min(...r.slides.map((s) => s.option)),
        });
      }
      await ctx.close();
    }
  });
  return figures;
}

/**
 * print-answer-key: every quiz printed to A4 and read back. The answer key's
 * grid is on one page (with every question), and every page carries "n / N".
 */
async function answerKeyTest(t, env) {
  const figures = [];
  await eachSite(env, async (site, srv, quizzes) => {
    const ctx = await t.context({}, srv.origin);
    const page = await t.newPage(ctx);
    for (const quiz of quizzes) {
      const where = `${site.name} /${quiz.rel}`;
      t.at(`${where} as PDF`);
      await page.goto(srv.base + quiz.rel, { waitUntil: 'load' });
      const grid = await page.evaluate(keyGrid);
      const letters = await page.evaluate(() => [...document.querySelectorAll('[data-question]')].map((q) => [...q.querySelectorAll('[data-option] .option-letter')].map((l) => l.textContent.trim()).join('')));
      letters.forEach((l, i) => t.expect(l === LETTERS.slice(0, l.length), `question ${i + 1} letters its options "${l}"`));
      t.must(grid.length === letters.length, `the answer key grid has ${grid.length} rows for ${letters.length} questions`);
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const first = quizzes.find((q) => q.lang === quiz.lang) === quiz;
      if (first) fs.writeFileSync(path.join(env.screenshots, `${site.name}-quiz-worksheet-${quiz.lang}.pdf`), pdf);
      const pages = await pdfPageTexts(pdf);
      const n = pages.length;
      pages.forEach((text, i) => t.expect(new RegExp(`(^|\\s)${i + 1} / ${n}(\\s|$)`).test(text), `page ${i + 1} of ${n} does not carry "${i + 1} / ${n}": "…${env.clip(text.slice(-80), 80)}"`));
      const title = await page.evaluate(() => document.getElementById('answer-key-title').textContent.trim());
      const keyPage = pages.findIndex((text) => text.includes(title));
      t.must(keyPage >= 0, `no page of the PDF holds the answer key title "${title}"`);
      const missing = grid.filter((g) => !new RegExp(`(^|\\s)${escapeRe(g.number)} ${escapeRe(g.key)}(\\s|$)`).test(pages[keyPage]));
      t.expect(!missing.length, () => `the answer key grid does not fit on page ${keyPage + 1}: missing ${missing.map((g) => `${g.number} ${g.key}`).join('; ')}`);
      figures.push({ site: site.name, quiz: quiz.rel, pages: n, keyPage: keyPage + 1, questions: grid.length });
    }
    await ctx.close();
  });
  return figures;
}

module.exports = { projectorTest, answerKeyTest, walkSlides, pdfPageTexts, SIZES };
