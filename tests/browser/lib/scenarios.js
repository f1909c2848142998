'use strict';
// Scenario cards on every example site, in every locale, the way a reader
// and a teacher use them: without JavaScript no ending may show before a
// choice; with it, a trail of the choices made leads back to any earlier
// step and the browser's Back and Forward keep working; printed, the deck
// (read back from the PDF with pdfjs-dist) holds every step and every choice
// with the card it leads to, and the endings on pages after the fronts.
// run.js calls runScenarioCards() once per site. See README.md.
const fs = require('fs');
const path = require('path');
const { createHarness, Stop } = require('./harness');

const TESTS = ['cards-nojs', 'cards-trail', 'cards-deck-pdf'];
const LOCALES = ['nl', 'en'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

// ------------------------------------------------------- in-page functions
// Passed to page.evaluate: self-contained, nothing from this module's scope.

/** A scenario card as shown: its steps, choices, endings, trail and text. */
function cardState() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const card = document.querySelector('[data-scenario]');
  if (!card) return null;
  const trail = card.querySelector('[data-trail]');
  return {
    hash: location.hash,
    title: text(document.querySelector('h1')),
    start: card.getAttribute('data-start') || '',
    shown: document.body.innerText.replace(/\s+/g, ' '),
    focusStep: document.activeElement && document.activeElement.closest ? (document.activeElement.closest('[data-step]') || {}).id || '' : '',
    trailVisible: vis(trail),
    trail: trail ? [...trail.querySelectorAll('li a')].map((a) => ({ text: text(a), href: a.getAttribute('href'), visible: vis(a) })) : [],
    steps: [...card.querySelectorAll('[data-step]')].map((s) => {
      const m = /(?:^|\s)outcome-(good|bad|neutral)(?:\s|$)/.exec((s.querySelector('[class*="outcome-"]') || {}).className || '');
      return {
        id: s.id,
        visible: vis(s),
        text: text(s.querySelector('.step-text')),
        outcome: m ? m[1] : '',
        choices: [...s.querySelectorAll('.choices a[href^="#"]')].map((a) => ({ label: text(a), to: decodeURIComponent(a.getAttribute('href').slice(1)) })),
      };
    }),
  };
}

// ----------------------------------------------------------------- helpers

/** Text to compare with what a PDF holds: no spaces at all, ligatures undone. */
function squeeze(s) {
  return String(s).normalize('NFKC').replace(/[\s\u00ad]+/g, '').replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text of each page of a PDF, squeezed (pdfjs-dist, an ES module). With
 * `images`, the first pages are also drawn as PNGs for a reviewer, through
 * pdfjs-dist's own optional canvas package (skipped when it is missing).
 */
async function pdfPages(buf, images = null) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), verbosity: 0, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(squeeze(content.items.map((it) => it.str || '').join('')));
    if (images && i <= images.count) await drawPage(page, `${images.prefix}-page${i}.png`, images.done);
  }
  await doc.destroy();
  return pages;
}

async function drawPage(page, file, done) {
  let canvasLib;
  try { canvasLib = require('@napi-rs/canvas'); } catch (_) { return; }
  const viewport = page.getViewport({ scale: 1.3 });
  const canvas = canvasLib.createCanvas(viewport.width, viewport.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, viewport.width, viewport.height);
  await page.render({ canvasContext: ctx, viewport }).promise;
  fs.writeFileSync(file, canvas.toBuffer('image/png'));
  done(file);
}

/** axe-core's WCAG 2.1 A/AA violations of the page as it is now, one line each. */
async function axeViolations(page) {
  // Through the DevTools protocol: the page's CSP would refuse a <script> tag.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

/** Records the CSP violations of a context's pages (needs JavaScript). */
async function watchPolicy(ctx) {
  await ctx.addInitScript(() => {
    window.__scenarioViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__scenarioViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
}

/** Shortest choices from the start to every step: Map id -> [{from, label, to}]. */
function routes(st) {
  const byId = new Map(st.steps.map((s) => [s.id, s]));
  const out = new Map([[st.start, []]]);
  const queue = [st.start];
  while (queue.length) {
    const id = queue.shift();
    for (const c of (byId.get(id) || { choices: [] }).choices) {
      if (!out.has(c.to)) { out.set(c.to, [...out.get(id), { from: id, label: c.label, to: c.to }]); queue.push(c.to); }
    }
  }
  return out;
}

/**
 * env: as for runInteractions (browser, srv, site, screenshots, record, ...).
 * Returns { results, files, pdf: [{name, file, pages}] }.
 */
async function runScenarioCards(env) {
  const { srv, site, clip } = env;
  const { run, files, results } = createHarness(env, { label: 'scenario', width: 15, ignoreFavicon: true });
  const pdf = [];
  const save = (name, buf) => {
    const file = path.join(env.screenshots, `${site.name}-${name}`);
    fs.mkdirSync(env.screenshots, { recursive: true });
    fs.writeFileSync(file, buf);
    files.push(file);
    return file;
  };

  /** Per locale: the list of cards (the page with the deck) and its cards. */
  const lists = {};
  async function listOf(t, page, lang) {
    if (lists[lang]) return lists[lang];
    t.at(`find the list of scenario cards in /${lang}/`);
    const resp = await page.goto(`${srv.base}${lang}/`, { waitUntil: 'load' });
    t.must(resp && resp.status() === 200, `/${lang}/ gave ${resp ? resp.status() : 'no response'}`);
    // The menu links every section; the list is the one whose page has the deck.
    const candidates = await page.evaluate(() => [...new Set([...document.querySelectorAll('a[href]')].map((a) => a.href)
      .filter((h) => new URL(h).origin === location.origin))]);
    for (const url of candidates) {
      const r = await page.goto(url, { waitUntil: 'load' }).catch(() => null);
      if (!r || r.status() !== 200) continue;
      const cards = await page.evaluate(() => (document.querySelector('.deck[data-filter-list]')
        ? [...document.querySelectorAll('main .card-scenario a[href]')].map((a) => a.href) : null));
      if (cards) { lists[lang] = { url, cards }; return lists[lang]; }
    }
    throw new Stop(`no page linked from /${lang}/ has the deck of scenario cards (.deck[data-filter-list])`);
  }

  async function open(t, page, url) {
    const resp = await page.goto(url, { waitUntil: 'load' });
    t.must(resp && resp.status() === 200, `${env.shortUrl(url, srv.origin)} gave ${resp ? resp.status() : 'no response'}`);
    const st = await page.evaluate(cardState);
    t.must(st && st.steps.length > 1, `${env.shortUrl(url, srv.origin)}: no [data-scenario] with [data-step] steps`);
    return st;
  }

  /** Ending texts (and their words) that show although no ending was reached. */
  function leaks(st, allowed = '') {
    return st.steps.filter((s) => s.outcome && s.id !== allowed && s.text && st.shown.includes(s.text.slice(0, 60)))
      .map((s) => `${s.id} ("${clip(s.text, 50)}")`);
  }
  const visibleIds = (st) => st.steps.filter((s) => s.visible).map((s) => s.id);

  /** The card to walk: one whose deepest shortest route is longest. */
  function deepest(st) {
    const r = routes(st);
    const ends = st.steps.filter((s) => s.outcome && r.has(s.id)).sort((a, b) => r.get(b.id).length - r.get(a.id).length);
    return ends.length ? r.get(ends[0].id) : [];
  }

  for (const lang of LOCALES) {
    // ---------------------------------------------------------- cards-nojs
    await run('cards-nojs', `/school/${lang}/ scenario cards (no JavaScript)`, async (t) => {
      const ctx = await t.context({ javaScriptEnabled: false, viewport: DESKTOP });
      const page = await t.newPage(ctx);
      const list = await listOf(t, page, lang);
      t.must(list.cards.length, `no card on ${env.shortUrl(list.url, srv.origin)}`);
      let walkCard = null;
      for (const url of list.cards) {
        t.at(`open ${env.shortUrl(url, srv.origin)}`);
        const st = await open(t, page, url);
        t.expect(visibleIds(st).join() === st.start, `${env.shortUrl(url, srv.origin)}: on arrival visible steps [${visibleIds(st).join(', ')}], expected only the start "${st.start}"`);
        const leaked = leaks(st);
        t.expect(!leaked.length, () => `${env.shortUrl(url, srv.origin)}: ending text visible before any choice: ${leaked.join('; ')}`);
        const route = deepest(st);
        if (!walkCard || route.length > walkCard.route.length) walkCard = { url, route };
      }
      t.must(walkCard && walkCard.route.length, 'no card with a route from its start to an ending');
      const { url, route } = walkCard;
      t.page = `${env.shortUrl(url, srv.origin)} (no JavaScript)`;
      await open(t, page, url);
      await t.shot(page, `scenario-${lang}-nojs-1280-start`);
      for (const [i, e] of route.entries()) {
        t.at(`choice ${i + 1}: ${e.from} → ${e.to} ("${clip(e.label, 40)}")`);
        await page.locator(`[id="${e.from}"] .choices a[href="#${e.to}"]`).first().click();
        await page.waitForFunction((id) => location.hash === `#${id}`, e.to, { timeout: 3000 }).catch(() => {});
        const st = await page.evaluate(cardState);
        t.expect(visibleIds(st).join() === e.to, `after "${clip(e.label, 50)}" visible steps [${visibleIds(st).join(', ')}], expected only ${e.to}`);
        const last = i === route.length - 1;
        const leaked = leaks(st, last ? e.to : '');
        t.expect(!leaked.length, () => `ending text visible that was not chosen: ${leaked.join('; ')}`);
        if (i === 0) await t.shot(page, `scenario-${lang}-nojs-1280-choice`);
        if (last) {
          const end = st.steps.find((s) => s.id === e.to);
          t.expect(end.outcome && st.shown.includes(end.text.slice(0, 60)), `the ending ${e.to} does not show its text`);
        }
      }
      t.at('Back to the start');
      for (let i = 0; i < route.length; i++) await page.goBack();
      const back = await page.evaluate(cardState);
      t.expect(visibleIds(back).join() === back.start && !leaks(back).length, `after Back to the start, visible steps [${visibleIds(back).join(', ')}]`);
      t.at('phone, 390x844');
      const phone = await t.newPage(await t.context({ javaScriptEnabled: false, viewport: PHONE, isMobile: true, hasTouch: true }));
      const st = await open(t, phone, url);
      t.expect(!leaks(st).length, 'on a phone an ending shows before a choice');
      await t.shot(phone, `scenario-${lang}-nojs-390-start`);
    });

    // --------------------------------------------------------- cards-trail
    await run('cards-trail', `/school/${lang}/ scenario cards (trail, JavaScript)`, async (t) => {
      const ctx = await t.context({ viewport: DESKTOP });
      await watchPolicy(ctx);
      const page = await t.newPage(ctx);
      const list = await listOf(t, page, lang);
      // The card with the longest route: two choices at least, when there is one.
      let pick = null;
      for (const url of list.cards) {
        const st = await open(t, page, url);
        const route = deepest(st);
        if (!pick || route.length > pick.route.length) pick = { url, route };
      }
      t.must(pick.route.length >= 2, `no card of /${lang}/ has a route of two choices (longest: ${pick.route.length})`);
      const { url, route } = pick;
      t.page = env.shortUrl(url, srv.origin);
      t.at('open the card');
      let st = await open(t, page, url);
      t.expect(!st.trailVisible, 'the trail shows before any choice');
      t.expect(!leaks(st).length, 'an ending shows before any choice');

      const check = async (n, what) => {
        const want = route.slice(0, n);
        const ok = await page.waitForFunction((w) => {
          const links = [...document.querySelectorAll('[data-trail] li a')];
          return links.length === w.length && links.every((a, i) => a.textContent.trim() === w[i]);
        }, want.map((e) => e.label), { timeout: 3000 }).then(() => true, () => false);
        const x = await page.evaluate(cardState);
        const here = n ? want[n - 1].to : x.start;
        t.expect(ok, `${what}: the trail reads [${x.trail.map((e) => e.text).join(' | ')}], expected [${want.map((e) => e.label).join(' | ')}]`);
        t.expect(visibleIds(x).join() === here, `${what}: visible steps [${visibleIds(x).join(', ')}], expected ${here}`);
        t.expect(x.trailVisible === (n > 0), `${what}: the trail is ${x.trailVisible ? '' : 'not '}visible with ${n} choices`);
        t.expect(x.trail.every((e, i) => e.href === `#${want[i].from}`), `${what}: the trail links [${x.trail.map((e) => e.href).join(' ')}] do not lead back to the steps where the choices were made`);
        return x;
      };

      for (const [i, e] of route.slice(0, 2).entries()) {
        t.at(`choice ${i + 1}: "${clip(e.label, 40)}"`);
        await page.locator(`[id="${e.from}"] .choices a[href="#${e.to}"]`).first().click();
        st = await check(i + 1, `after choice ${i + 1}`);
        t.expect(st.focusStep === e.to, `after choice ${i + 1} the focus is not in ${e.to} (it is in "${st.focusStep}")`);
      }
      await t.shot(page, `scenario-${lang}-js-1280-trail`);
      const axe = await axeViolations(page);
      t.expect(!axe.length, () => `axe, with the trail shown: ${axe.join('; ')}`);
      const blocked = await page.evaluate(() => window.__scenarioViolations || []);
      t.expect(!blocked.length, () => `Content-Security-Policy violations: ${blocked.join('; ')}`);
      t.at('the trail back to the start');
      await page.locator('[data-trail] li a').first().click();
      st = await check(0, 'after the first trail link');
      t.expect(st.hash === `#${st.start}`, `after the first trail link the hash is "${st.hash}", expected "#${st.start}"`);
      t.at('Back');
      await page.goBack();
      await check(2, 'after Back');
      await page.goBack();
      await check(1, 'after Back twice');
      t.at('Forward');
      await page.goForward();
      await check(2, 'after Forward');
      t.at('the second trail link');
      await page.locator('[data-trail] li a').nth(1).click();
      await check(1, 'after the second trail link');
      t.at('an address opened directly');
      await page.goto(`${url}#${route[1].to}`, { waitUntil: 'load' });
      await page.reload({ waitUntil: 'load' });
      st = await page.evaluate(cardState);
      t.expect(st.trail.length >= 1 && st.trailVisible, `opened at #${route[1].to} the trail is empty`);
      t.at('phone, 390x844');
      const phone = await t.newPage(await t.context({ viewport: PHONE, isMobile: true, hasTouch: true }));
      await open(t, phone, url);
      for (const e of route.slice(0, 2)) await phone.locator(`[id="${e.from}"] .choices a[href="#${e.to}"]`).first().click();
      await phone.waitForFunction(() => document.querySelectorAll('[data-trail] li').length === 2, null, { timeout: 3000 }).catch(() => {});
      await t.shot(phone, `scenario-${lang}-js-390-trail`);
    });

    // ------------------------------------------------------ cards-deck-pdf
    await run('cards-deck-pdf', `/school/${lang}/ the printed deck of scenario cards (PDF)`, async (t) => {
      const ctx = await t.context({ javaScriptEnabled: false, viewport: DESKTOP });
      const page = await t.newPage(ctx);
      const list = await listOf(t, page, lang);
      // What each card holds, read from its screen page (not from the deck).
      const cards = [];
      for (const url of list.cards) cards.push(await open(t, page, url));

      /** Checks one PDF against the cards it should hold. */
      const checkPdf = (name, pages, which) => {
        const all = pages.join('');
        for (const c of which) {
          const missing = [];
          const unlinked = [];
          let lastFront = -1;
          let firstEnd = Infinity;
          for (const s of c.steps) {
            const text = squeeze(s.text);
            const where = pages.findIndex((p) => p.includes(text));
            if (where < 0) { missing.push(`${s.id} ("${clip(s.text, 40)}")`); continue; }
            if (s.outcome) firstEnd = Math.min(firstEnd, where);
            else lastFront = Math.max(lastFront, where);
            for (const ch of s.choices) {
              // "A Label → kaart 2": the label, then the card it leads to.
              if (!new RegExp(`${escapeRe(squeeze(ch.label))}→\\p{L}+\\d+`, 'u').test(all)) unlinked.push(`"${clip(ch.label, 40)}" in ${s.id}`);
            }
          }
          t.expect(!missing.length, () => `${name}, "${c.title}": steps not in the PDF: ${missing.join('; ')}`);
          t.expect(!unlinked.length, () => `${name}, "${c.title}": choices without "→ card N" in the PDF: ${unlinked.join('; ')}`);
          t.expect(firstEnd > lastFront, `${name}, "${c.title}": an ending is on page ${firstEnd + 1}, not after the last front (page ${lastFront + 1})`);
        }
      };

      t.at('print the list as the deck');
      await page.goto(list.url, { waitUntil: 'load' });
      const buf = await page.pdf({ format: 'A4', printBackground: false });
      const file = save(`scenario-${lang}-deck.pdf`, buf);
      const prefix = path.join(env.screenshots, `${site.name}-scenario-${lang}-deck`);
      const pages = await pdfPages(buf, { count: 2, prefix, done: (f) => files.push(f) });
      pdf.push({ name: `${lang} deck`, file, pages: pages.length });
      checkPdf('the deck', pages, cards);
      // The endings of every card start a page of their own, whatever fits.
      await page.emulateMedia({ media: 'print' });
      const breaks = await page.evaluate(() => [...document.querySelectorAll('.deck-backs')]
        .map((b) => `${getComputedStyle(b).breakBefore}/${getComputedStyle(b).pageBreakBefore}`));
      t.expect(breaks.length === cards.length && breaks.every((b) => /^page\/|\/always$/.test(b)), `the endings of ${breaks.filter((b) => !/^page\/|\/always$/.test(b)).length + Math.abs(cards.length - breaks.length)} cards do not start a page (.deck-backs break-before: ${[...new Set(breaks)].join(', ')})`);
      await page.emulateMedia({ media: null }); // page.pdf() prints with screen CSS while 'screen' is emulated

      t.at('print one card');
      const one = cards.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
      await page.goto(list.cards[cards.indexOf(one)], { waitUntil: 'load' });
      const cardBuf = await page.pdf({ format: 'A4', printBackground: false });
      const cardPages = await pdfPages(cardBuf);
      save(`scenario-${lang}-card.pdf`, cardBuf);
      pdf.push({ name: `${lang} one card`, pages: cardPages.length });
      checkPdf('one printed card', cardPages, [one]);
      t.expect(cardPages.length >= 2, `one printed card has ${cardPages.length} page(s): its endings are not on a page of their own`);
    });
  }
  return { results, files, pdf };
}

module.exports = { runScenarioCards, TESTS, cardState, pdfPages, squeeze };
