'use strict';
// The whole protocol and the audience views printed as documents, on every
// example site in every locale: each printed to PDF the way Chromium prints
// it (A4 unless the theme's CSS names a size) and read back with pdfjs-dist.
// Page 1 is the title page with the organisation's name, then the contents,
// and every later page carries the running header (the title) and "pagina N
// van M" in the locale's words (@page margin boxes). The print button shows
// and prints. Called from interactions.js; see README.md.
const fs = require('fs');
const path = require('path');
const { discoverSites, buildSite } = require('./sites');
const { startServer } = require('./server');
const { pdfPageTexts } = require('./projector');

const LOCALES = ['nl', 'en'];

// ------------------------------------------------------- in-page functions

/** What the page says it prints: title page, contents, print button. */
function printedFacts() {
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const vis = (el) => !!el && el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true });
  const button = document.querySelector('[data-print]');
  const current = document.querySelector('.site-nav a[aria-current="page"]');
  return {
    organisation: text(document.querySelector('.print-title-org')),
    title: text(document.querySelector('.print-title-title')),
    for: text(document.querySelector('.print-title-for')),
    tocTitle: text(document.querySelector('main nav.toc h2')),
    button: button ? { text: text(button), visible: vis(button) } : null,
    audience: current ? text(current) : '',
  };
}

/** The contents as paper shows them: the text of every entry visible in print. */
function printedToc() {
  const vis = (el) => el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true });
  return [...document.querySelectorAll('main nav.toc a')].filter(vis).map((a) => a.innerText.replace(/\s+/g, ' ').trim());
}

// ----------------------------------------------------------------- helpers

/** A Fluent message with `{ $name }` placeables filled in. */
function fluent(message, values) {
  return String(message || '').replace(/\{\s*\$(\w+)\s*\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

const squeeze = (s) => s.replace(/\s+/g, '');
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The whole protocol and the first audience view (by path) of each locale
 * of a built site: [{ lang, kind, rel }].
 */
function documents(out) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html') {
        const html = fs.readFileSync(p, 'utf8');
        const kind = (/<body class="page-(protocol|audience)[ "]/.exec(html) || [])[1];
        if (!kind) continue;
        const lang = (/<html[^>]*\slang="([^"]+)"/.exec(html) || [])[1] || '';
        found.push({ lang, kind, rel: path.relative(out, dir).split(path.sep).join('/') + '/' });
      }
    }
  };
  walk(out);
  found.sort((a, b) => a.rel.localeCompare(b.rel));
  const picked = [];
  for (const lang of LOCALES) {
    for (const kind of ['protocol', 'audience']) {
      const doc = found.find((d) => d.lang === lang && d.kind === kind);
      if (doc) picked.push(doc);
    }
  }
  return picked;
}

// ------------------------------------------------------------------- test

/**
 * print-document: every site, nl and en, the protocol and one audience view
 * as PDF. `messages(siteDir, repo, lang)` reads a locale's words
 * (interactions.js). Returns the figures the summary prints.
 */
async function printDocumentTest(t, env, messages) {
  const figures = [];
  for (const site of discoverSites(env.repo)) {
    const build = buildSite(env.bin, site);
    try {
      t.must(build.ok, `building ${site.name} failed: ${env.clip(build.stderr, 300)}`);
      const srv = await startServer(build.out);
      try {
        const docs = documents(build.out);
        for (const lang of LOCALES) {
          for (const kind of ['protocol', 'audience']) {
            t.expect(docs.some((d) => d.lang === lang && d.kind === kind), `${site.name}: no ${kind} page in ${lang}`);
          }
        }
        const ctx = await t.context({}, srv.origin);
        const page = await t.newPage(ctx);
        for (const doc of docs) figures.push(await printOne(t, env, site, srv, page, doc, messages(site.dir, env.repo, doc.lang)));
        await ctx.close();
      } finally {
        await srv.close();
      }
    } finally {
      fs.rmSync(build.out, { recursive: true, force: true });
    }
  }
  return figures;
}

/** One document: its print button, then its PDF read back page by page. */
async function printOne(t, env, site, srv, page, doc, words) {
  const where = `${site.name} /school/${doc.rel}`;
  t.at(`${where}: the print button`);
  await page.emulateMedia({ media: 'screen' });
  const resp = await page.goto(srv.base + doc.rel, { waitUntil: 'load' });
  t.must(resp && resp.status() === 200, `${where} gave ${resp ? resp.status() : 'no response'}`);
  const f = await page.evaluate(printedFacts);
  t.expect(f.button && f.button.visible && f.button.text === words['print-button'], `${where}: the print button is ${f.button ? `"${f.button.text}", visible: ${f.button.visible}` : 'missing'}; expected a visible "${words['print-button']}"`);
  if (f.button && f.button.visible) {
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await page.locator('[data-print]').click();
    t.expect(await page.evaluate(() => window.__printed) === 1, `${where}: the print button does not call window.print()`);
  }
  t.must(f.organisation && f.title, `${where}: no organisation (.print-title-org "${f.organisation}") or title (.print-title-title "${f.title}") on the title page`);

  t.at(`${where}: print to PDF`);
  await page.emulateMedia({ media: 'print' });
  const toc = await page.evaluate(printedToc);
  t.expect(toc.length > 0, `${where}: the contents show no entries in print`);
  await page.evaluate(() => document.fonts.ready.then(() => true));
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
  const name = doc.kind === 'protocol' ? 'protocol' : `view-${doc.rel.split('/').filter(Boolean).pop()}`;
  fs.mkdirSync(env.screenshots, { recursive: true });
  fs.writeFileSync(path.join(env.screenshots, `${site.name}-print-${doc.lang}-${name}.pdf`), pdf);
  const pages = await pdfPageTexts(pdf);
  const n = pages.length;
  t.must(n >= 3, `${where} prints on ${n} pages; a title page, the contents and the articles need at least 3`);

  t.at(`${where}: the title page`);
  const number = (i) => fluent(words['print-page-number'], { page: i, pages: n });
  const first = squeeze(pages[0]);
  t.expect(first.includes(squeeze(f.organisation)), `${where}: page 1 does not name the organisation "${f.organisation}": "${env.clip(pages[0], 120)}"`);
  t.expect(first.includes(squeeze(f.title)), `${where}: page 1 does not name the title "${f.title}"`);
  if (doc.kind === 'audience') t.expect(f.for && first.includes(squeeze(f.for)), `${where}: page 1 does not say whom it is for ("${f.for}")`);
  t.expect(!first.includes(squeeze(number(1))), `${where}: the title page carries a page number`);

  t.at(`${where}: the contents`);
  const tocPage = pages.findIndex((p) => squeeze(p).includes(squeeze(f.tocTitle)));
  t.must(tocPage >= 1, `${where}: no page after the title page holds the contents title "${f.tocTitle}"`);
  t.expect(tocPage === 1, `${where}: the contents are on page ${tocPage + 1}, expected 2`);
  const missing = toc.filter((entry) => !squeeze(pages[tocPage]).includes(squeeze(entry)));
  t.expect(!missing.length, () => `${where}: the contents page lacks ${missing.length} of ${toc.length} entries: ${missing.slice(0, 5).join('; ')}`);

  t.at(`${where}: running header and page numbers`);
  const header = doc.kind === 'protocol' ? f.title : fluent(words['print-running-audience'], { title: f.title, audience: f.audience });
  t.expect(doc.kind === 'protocol' || f.audience, `${where}: the menu marks no audience as the current page`);
  for (let i = 2; i <= n; i++) {
    const text = pages[i - 1];
    const want = number(i);
    t.expect(new RegExp(`(^|\\s)${escapeRe(want)}(\\s|$)`).test(text), `${where}: page ${i} of ${n} does not carry "${want}": "…${env.clip(text.slice(-80), 80)}"`);
    t.expect(squeeze(text).startsWith(squeeze(header)), `${where}: page ${i} does not start with the running header "${header}": "${env.clip(text, 80)}…"`);
    t.expect(squeeze(text).includes(squeeze(f.organisation)), `${where}: page ${i} does not name the organisation "${f.organisation}"`);
  }
  return { site: site.name, rel: doc.rel, pages: n, tocEntries: toc.length };
}

module.exports = { printDocumentTest };
