'use strict';
// Tests of the newer parts of the theme, the way a person uses them in a real
// browser: search (pagefind), the reading path of an onboarding audience, the
// acknowledgement form and the printed protocol (PDF). run.js calls
// runCurrent() for the root site after the interaction tests, with the same
// server and browser. Every scenario is one test in the same totals; its
// details say at which step it stopped and what it saw. See README.md.
const fs = require('fs');
const path = require('path');
const { createHarness, Stop } = require('./harness');
const { buildSite, discoverSites } = require('./sites');
const { startServer } = require('./server');
const { quizState, messages, fill, poll } = require('./interactions');
const searchQueries = require('./searchqueries');

const TESTS = [
  'search-stemming', 'search-filter', 'search-lazy', 'search-nojs', 'search-queries',
  'onboarding', 'acknowledgement', 'ack-reading', 'audience-first', 'pdf-protocol',
];

// What the tests know about the root site (site.yaml and content/).
const SEARCH_NL = 'nl/zoeken/';
const SEARCH_EN = 'en/search/';
const HOME_NL = 'nl/';
const ARTICLE_NL = 'nl/protocol/regels-algemeen/';
const PROTOCOL_NL = 'nl/protocol/';
const PROTOCOL_EN = 'en/protocol/';
const GLOSSARY_NL = 'nl/begrippen/';
const STAFF = 'nl/medewerkers/';
const STAFF_QUIZ = 'nl/quiz/medewerkers/';
const STAFF_ACK = 'nl/medewerkers/verklaring/';
const LEAFLET = 'nl/leerlingen/';
const LEAFLET_AUDIENCE = 'Leerlingen';
const FILTER_AUDIENCE = 'Medewerkers en overige betrokkenen';
const OTHER_LEAFLETS = ['nl/ouders/', 'nl/medewerkers/']; // page counts only
// [query, a word every hit is about, a stemmed form that must be marked (or '')]
const QUERY_PHOTOS = ["foto's", 'foto', ''];
const QUERY_MESSAGES = ['berichten', 'bericht', 'bericht'];
const QUERY_EN = ['photos', 'photo', 'photo'];
const LAZY_QUERY = 'foto';
const PROTOCOL_PAGES = [5, 60]; // sane for the example's ~10 articles
const LEAFLET_PAGES = [1, 30];
const A4_WIDTH = 794; // 210 mm at 96 px per inch
const A4_HEIGHT = 1123;
// The text width on paper: A4 minus the theme's @page margins of 2 cm on
// each side (leidraad.css), which is what Chromium lays out when printing.
const A4_TEXT_WIDTH = 643;
const DUTCH_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A failure that stops the current test (expect() only records and goes on). */

// ------------------------------------------------------- in-page functions
// Passed to page.evaluate: self-contained, nothing from this module's scope.

/** The search page: form, status, live regions and the results as shown. */
function searchState() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const root = document.querySelector('[data-search]');
  const input = document.querySelector('[data-search-input]') || document.querySelector('main input[type="search"]');
  const select = document.querySelector('[data-search-audience]') || document.querySelector('main select');
  const list = document.querySelector('[data-search-results]');
  const labelAud = root ? (root.getAttribute('data-label-audiences') || '') : '';
  const items = list ? [...list.children].filter((li) => li.localName === 'li') : [];
  return {
    hasRoot: !!root,
    formVisible: vis(input),
    input: input ? input.value : null,
    select: select ? { value: select.value, options: [...select.options].map((o) => ({ value: o.value, text: text(o) })) } : null,
    searching: root ? root.classList.contains('is-searching') : false,
    loadingLabel: root ? (root.getAttribute('data-label-loading') || '') : '',
    indexUrl: root ? new URL(root.getAttribute('data-index-url') || 'pagefind/', document.baseURI).href : '',
    status: text(document.querySelector('[data-search-status]')),
    errorVisible: vis(document.querySelector('[data-search-error]')),
    lives: [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')].map((e, i) => ({
      i, live: e.getAttribute('aria-live') || e.getAttribute('role'), text: text(e), inMain: !!e.closest('main'),
    })),
    results: items.map((li) => {
      const a = li.querySelector('a[href]');
      const mark = li.querySelector('mark');
      const snippet = mark ? mark.closest('p, div, span:not(mark)') : null;
      // "Geldt voor: Leerlingen, Medewerkers", possibly after the kind ("Casus · Geldt voor: …").
      const aud = labelAud ? [...li.querySelectorAll('p, div, span, dl, ul')].reverse().find((e) => text(e).includes(labelAud)) : null;
      const audText = aud ? text(aud).slice(text(aud).indexOf(labelAud) + labelAud.length).replace(/^\s*:?\s*/, '').split(' · ')[0] : '';
      return {
        title: text(a),
        titleVisible: vis(a),
        href: a ? a.getAttribute('href') : '',
        abs: a ? a.href : '',
        text: text(li),
        marks: [...li.querySelectorAll('mark')].map((m) => text(m)),
        snippet: snippet && snippet !== li ? text(snippet) : '',
        audiences: audText ? audText.split(/\s*,\s*/).filter(Boolean) : [],
        audText: aud ? text(aud) : '',
      };
    }),
  };
}

/** The reading path of an onboarding audience view. */
function readingState() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const box = document.querySelector('[data-onboarding]');
  const progress = box ? (box.querySelector('[data-progress-text]') || box.querySelector('[aria-live]')) : null;
  const toggles = [...document.querySelectorAll('[data-read-toggle]')];
  const key = box ? 'leidraad-read:' + box.getAttribute('data-onboarding') : '';
  let stored = null;
  try { stored = key ? localStorage.getItem(key) : null; } catch (_) { stored = 'UNREADABLE'; }
  const articles = [...document.querySelectorAll('[data-read-article]')];
  const lastArticle = articles[articles.length - 1] || null;
  return {
    hasBox: !!box,
    boxVisible: vis(box),
    progress: text(progress),
    progressVisible: vis(progress),
    progressLive: progress ? (progress.getAttribute('aria-live') || (progress.closest('[aria-live]') || { getAttribute: () => '' }).getAttribute('aria-live')) : '',
    labels: box ? Object.assign({}, box.dataset) : {},
    key,
    stored,
    storageKeys: (() => { try { return Object.keys(localStorage); } catch (_) { return []; } })(),
    articles: articles.length,
    toggles: toggles.map((b) => ({
      id: b.getAttribute('data-read-toggle'),
      pressed: b.getAttribute('aria-pressed'),
      visible: vis(b),
      name: text(b),
      articleRead: !!(b.closest('[data-read-article]') && b.closest('[data-read-article]').classList.contains('is-read')),
    })),
    tocMarks: [...document.querySelectorAll('[data-toc-read]')].filter((m) => vis(m)).map((m) => m.getAttribute('data-toc-read')),
    // Links after the last article of the path: where the path ends.
    endLinks: [...document.querySelectorAll('main a[href]')]
      .filter((a) => lastArticle && (lastArticle.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING) && !lastArticle.contains(a))
      .map((a) => ({ href: a.href, text: text(a), visible: vis(a) })),
    activeToggle: document.activeElement && document.activeElement.hasAttribute && document.activeElement.hasAttribute('data-read-toggle')
      ? document.activeElement.getAttribute('data-read-toggle') : '',
  };
}

/** The acknowledgement form: facts, score, the lines to fill in. */
function ackState(labels) {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const main = document.querySelector('main');
  const lines = labels.map((label) => {
    const el = [...main.querySelectorAll('*')].find((e) => e.children.length === 0 && text(e) === label);
    if (!el) return { label, found: false };
    // The line to write on: an element next to the label with a bottom
    // border, at least 100px wide.
    const scope = el.parentElement;
    const line = [...scope.querySelectorAll('*')].find((e) => e !== el && parseFloat(getComputedStyle(e).borderBottomWidth) >= 0.5
      && getComputedStyle(e).borderBottomStyle !== 'none' && e.getBoundingClientRect().width >= 100)
      || (parseFloat(getComputedStyle(scope).borderBottomWidth) >= 0.5 && scope.getBoundingClientRect().width >= 100 ? scope : null);
    return {
      label, found: true, labelVisible: vis(el),
      line: !!line, lineVisible: vis(line), lineWidth: line ? Math.round(line.getBoundingClientRect().width) : 0,
    };
  });
  const score = document.querySelector('[data-ack-score]');
  return {
    mainText: main ? main.innerText.replace(/\s+/g, ' ').trim() : '',
    score: text(score),
    scoreVisible: vis(score),
    lines,
    navs: [...document.querySelectorAll('nav')].filter((n) => vis(n)).map((n) => `nav "${n.getAttribute('aria-label') || ''}"`),
    buttons: [...document.querySelectorAll('button')].filter((b) => vis(b)).map((b) => text(b)),
  };
}

/** The acknowledgement's lists of read and unread articles, as shown (screen or print). */
function ackReading() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const form = document.querySelector('[data-ack]');
  const part = (name) => document.querySelector(`[data-ack-part="${name}"]`);
  const ids = (scope) => (scope ? [...scope.querySelectorAll('[data-ack-article]')].filter(vis).map((li) => li.getAttribute('data-ack-article')) : []);
  const list = document.querySelector('[data-ack-list]');
  const incomplete = document.querySelector('[data-ack-incomplete]');
  return {
    labels: form ? Object.assign({}, form.dataset) : {},
    all: [...document.querySelectorAll('[data-ack-article]')].map((li) => li.getAttribute('data-ack-article')),
    plain: ids(list),
    boxes: [...document.querySelectorAll('[data-ack-article] .ack-box')].filter(vis).length,
    ticked: [...document.querySelectorAll('[data-ack-article]')].filter((li) => vis(li) && getComputedStyle(li.querySelector('.ack-box'), '::after').content.includes('✓')).map((li) => li.getAttribute('data-ack-article')),
    read: ids(part('read')),
    unread: ids(part('unread')),
    readHeading: vis(part('read') && part('read').querySelector('h3')) ? text(part('read').querySelector('h3')) : '',
    unreadHeading: vis(part('unread') && part('unread').querySelector('h3')) ? text(part('unread').querySelector('h3')) : '',
    unknownNote: vis(document.querySelector('[data-ack-unknown]')) ? text(document.querySelector('[data-ack-unknown]')) : '',
    knownNote: vis(document.querySelector('[data-ack-known]')) ? text(document.querySelector('[data-ack-known]')) : '',
    incomplete: vis(incomplete) ? text(incomplete.querySelector('[data-ack-incomplete-text]')) : '',
    score: text(document.querySelector('[data-ack-score]')),
  };
}

/** The first screen of a page: where the audience choice and the first rule are. */
function firstScreen() {
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top + window.scrollY), bottom: Math.round(r.bottom + window.scrollY) };
  };
  const vis = (el) => !!el && el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true });
  const choice = document.querySelector('main .audience-choice');
  const links = choice ? [...choice.querySelectorAll('a[href]')] : [];
  const articles = [...document.querySelectorAll('main .articles article.article-section')];
  const general = document.querySelector('main .general-text details');
  const firstRule = document.querySelector('main .articles article li[id]');
  return {
    viewport: window.innerHeight,
    choice: box(choice),
    links: links.map((a) => ({ href: a.href, text: a.textContent.trim(), box: box(a), visible: vis(a) })),
    firstArticle: articles[0] ? { id: articles[0].id, rules: articles[0].querySelectorAll('li[id]').length, general: !!articles[0].closest('.general-text') } : null,
    firstRule: box(firstRule),
    general: general ? {
      open: general.open,
      articles: [...general.querySelectorAll('article.article-section')].map((a) => ({ id: a.id, rules: a.querySelectorAll('li[id]').length, visible: vis(a.querySelector('.prose')) })),
    } : null,
    ruledAfterGeneral: articles.filter((a) => !a.closest('.general-text') && general && (general.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)).map((a) => a.id),
    onboarding: !!document.querySelector('[data-onboarding]'),
    height: document.documentElement.scrollHeight,
  };
}

/**
 * Under print media: elements in main that stick out. An element whose
 * content is wider than its box (scrollWidth > clientWidth + 2), or whose
 * right edge is beyond the page's width (or left edge before 0).
 */
function overflowFacts() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const desc = (el) => {
    const cls = (el.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean).slice(0, 2).map((c) => '.' + c).join('');
    const t = el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${el.localName}${el.id ? '#' + el.id : ''}${cls}${t ? ` "${t}"` : ''}`;
  };
  const W = document.documentElement.clientWidth;
  const main = document.querySelector('main');
  const out = [];
  if (!main) return { width: W, problems: ['no <main>'] };
  for (const el of [main, ...main.querySelectorAll('*')]) {
    if (!vis(el)) continue;
    const r = el.getBoundingClientRect();
    // Visually hidden text (1px boxes clipped on purpose) is not content.
    if (r.width <= 1 || r.height <= 1) continue;
    if (el.closest('.visually-hidden, .sr-only')) continue;
    const cs = getComputedStyle(el);
    const why = [];
    if (cs.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 2) {
      why.push(`content ${el.scrollWidth}px wide in a box of ${el.clientWidth}px (overflow ${cs.overflowX})`);
    }
    if (r.right > W + 1) why.push(`right edge at ${Math.round(r.right)}px, beyond the page width ${W}px`);
    if (r.left < -1) why.push(`left edge at ${Math.round(r.left)}px`);
    if (why.length) out.push({ el, text: `${desc(el)}: ${why.join(', ')}` });
  }
  // The innermost elements first: they are the cause, their ancestors only grow with them.
  const inner = out.filter((o) => !out.some((p) => p !== o && o.el.contains(p.el)));
  const outer = out.filter((o) => !inner.includes(o));
  return { width: W, problems: [...inner, ...outer].map((o) => o.text), inner: inner.length };
}

/** Under print media: page-break rules of headings and list items, and what prints. */
function printFacts() {
  const vis = (el) => {
    if (!el || !el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const desc = (el) => `${el.localName}${el.id ? '#' + el.id : ''} "${text(el).slice(0, 40)}"`;
  const main = document.querySelector('main');
  const headings = [...main.querySelectorAll('h2, h3')].filter(vis);
  const lis = [...main.querySelectorAll('li')].filter(vis);
  const titlePage = document.querySelector('.print-title-page') || document.querySelector('[class*="title-page"]');
  const toc = document.querySelector('main nav.toc') || document.querySelector('main nav[aria-labelledby="toc-title"]') || document.querySelector('main nav');
  const sections = [...main.querySelectorAll('.article-section[id], section[id][aria-labelledby]')];
  // The first visible text on paper, in document order.
  let firstText = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.textContent.trim() && n.parentElement && vis(n.parentElement) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  const first = walker.nextNode();
  if (first) firstText = first.parentElement;
  const tcs = titlePage ? getComputedStyle(titlePage) : null;
  return {
    headingsNoAvoid: headings.filter((h) => {
      const cs = getComputedStyle(h);
      return cs.breakAfter !== 'avoid' && cs.pageBreakAfter !== 'avoid';
    }).map((h) => `${desc(h)} (break-after ${getComputedStyle(h).breakAfter})`),
    headings: headings.length,
    lisNoAvoid: lis.filter((li) => {
      const cs = getComputedStyle(li);
      return cs.breakInside !== 'avoid' && cs.pageBreakInside !== 'avoid';
    }).map((li) => `${desc(li)} (break-inside ${getComputedStyle(li).breakInside})`),
    lis: lis.length,
    titlePage: titlePage ? {
      visible: vis(titlePage),
      text: text(titlePage),
      breakAfter: tcs.breakAfter,
      pageBreakAfter: tcs.pageBreakAfter,
      isFirst: !!firstText && titlePage.contains(firstText),
      firstText: firstText ? `${firstText.localName}.${firstText.className} "${text(firstText).slice(0, 50)}"` : '',
    } : null,
    toc: toc ? {
      visible: vis(toc),
      links: [...toc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href').slice(1)),
      missing: [...toc.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href').slice(1))).filter((id) => !document.getElementById(id)),
    } : null,
    sections: sections.length,
    navs: [...document.querySelectorAll('nav')].filter((n) => !n.closest('main') && vis(n)).map((n) => `nav "${n.getAttribute('aria-label') || ''}"`),
  };
}

// ----------------------------------------------------------------- helpers

/** Pages of a PDF: the "/Type /Page" objects, not the "/Type /Pages" tree. */
function pdfPageCount(buf) {
  const s = Buffer.from(buf).toString('latin1');
  return (s.match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Bytes of the search index per language: files named for nl/en, and the shared ones. */
function indexSizes(outDir, langs) {
  const dir = path.join(outDir || '', 'pagefind');
  const res = { exists: false, total: 0, files: 0, perLang: {}, shared: 0, sharedFiles: 0, sharedList: [] };
  if (!outDir || !fs.existsSync(dir)) return res;
  res.exists = true;
  for (const l of langs) res.perLang[l] = { bytes: 0, files: 0 };
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { walk(p); continue; }
      const size = fs.statSync(p).size;
      res.total += size;
      res.files++;
      // wasm.nl.pagefind, pagefind.nl_<hash>.pf_meta, index/nl_<hash>.pf_index, fragment/nl_..., filter/nl_...
      const lang = langs.find((l) => new RegExp(`(^|[._])${l}[._]`).test(e.name));
      if (lang) {
        res.perLang[lang].bytes += size;
        res.perLang[lang].files++;
      } else {
        res.shared += size;
        res.sharedFiles++;
        res.sharedList.push({ file: path.relative(dir, p), size });
      }
    }
  };
  walk(dir);
  res.sharedList.sort((a, b) => b.size - a.size);
  return res;
}

/** "1 september 2025" from "2025-09-01". */
function dutchDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${Number(m[3])} ${DUTCH_MONTHS[Number(m[2]) - 1]} ${m[1]}` : '';
}

/** version and adopted from site.yaml (the repository's, for a PREBUILT_OUT folder). */
function siteVersion(siteDir, repo) {
  let text = '';
  for (const dir of [siteDir, repo]) {
    try { text = fs.readFileSync(path.join(dir, 'site.yaml'), 'utf8'); break; } catch (_) { /* try the next */ }
  }
  const v = /^version:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(text);
  const a = /^adopted:\s*["']?(\d{4}-\d{2}-\d{2})["']?\s*$/m.exec(text);
  return { version: v ? v[1] : '', adopted: a ? a[1] : '' };
}

function norm(s) {
  return String(s || '').replace(/\s+/g, ' ').trim();
}

// -------------------------------------------------------------- the runner

/**
 * env: { browser, srv, site, repo, out, screenshots, pageTimeout, record, note,
 *        blockOutside, isLocal, shortUrl, clip, withTimeout }
 * Returns { results: [{name, ok, details, secs}], files, pdf: [{name, path, pages, bytes}],
 *           index: indexSizes(), fetched: {bytes, requests} }.
 */
async function runCurrent(env) {
  const { srv, site, clip } = env;
  const harness = createHarness(env, { label: 'current', width: 16, ignoreFavicon: true });
  const { files, results, T, short } = harness;
  // CURRENT_TESTS=ack-reading,audience-first runs only those (while working on them).
  const only = (process.env.CURRENT_TESTS || '').split(',').filter(Boolean);
  const run = (name, ...rest) => (only.length && !only.includes(name) ? Promise.resolve() : harness.run(name, ...rest));
  const pdf = [];
  const fetched = { bytes: 0, requests: 0, query: LAZY_QUERY };
  const note = env.note || (() => {});
  const nl = messages(site.dir, env.repo, 'nl');
  const index = indexSizes(env.out, ['nl', 'en']);

  async function open(t, page, rel) {
    const url = srv.base + rel;
    const resp = await page.goto(url, { waitUntil: 'load' });
    t.must(resp && resp.status() === 200, `${short(url)} gave ${resp ? resp.status() : 'no response'}`);
    return resp;
  }

  /** Tab until the focus is on an element for which test(el) is true (within maxTabs). */
  async function tabUntil(page, test, arg, maxTabs) {
    for (let i = 0; i < maxTabs; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(test, arg)) return i + 1;
    }
    return 0;
  }

  async function activeDesc(page) {
    return page.evaluate(() => {
      const a = document.activeElement;
      if (!a) return 'nothing';
      return `${a.localName}${a.id ? '#' + a.id : ''}${a.getAttribute('href') ? `[href="${a.getAttribute('href')}"]` : ''} "${(a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    });
  }

  async function saveFile(name, buf) {
    const file = path.join(env.screenshots, `${site.name}-${name}`);
    try {
      fs.mkdirSync(env.screenshots, { recursive: true });
      fs.writeFileSync(file, buf);
      files.push(file);
    } catch (_) { /* screenshots are a courtesy */ }
    return file;
  }

  /** Opens the search page and waits until search.js has shown the form. */
  async function openSearch(t, page, rel) {
    await open(t, page, rel);
    const r = await poll(async () => (await page.evaluate(searchState)).formVisible, T);
    const s = await page.evaluate(searchState);
    t.must(s.hasRoot, `${rel} has no [data-search] element`);
    t.must(r.ok, `search.js did not show the search form on ${rel} (the search input stays hidden)`);
    return s;
  }

  /**
   * Types a query into the search input with the keyboard (replacing what is
   * there) and waits until the results for it are shown.
   */
  async function typeQuery(t, page, query) {
    const input = page.locator('[data-search-input]');
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(query, { delay: 15 });
    return waitResults(t, page, query);
  }

  async function waitResults(t, page, query) {
    const r = await poll(async () => {
      const s = await page.evaluate(searchState);
      if (s.errorVisible) return s;
      return !s.searching && s.status && s.status !== s.loadingLabel && s.status.includes(query) ? s : null;
    }, T, 100);
    const s = r.value || await page.evaluate(searchState);
    t.must(r.ok, `no results shown for "${query}" within ${T / 1000} s: status "${s.status}", ${s.results.length} results${s.searching ? ', still searching' : ''}`);
    t.must(!s.errorVisible, `the search page shows its error box for "${query}" (loading pagefind failed)`);
    return s;
  }

  /** Checks the parts of every result: title, snippet with <mark>, audiences. */
  function checkResults(t, s, query, about, stem) {
    t.must(s.results.length > 0, `no results for "${query}"; status "${s.status}"`);
    const noTitle = s.results.filter((r) => !r.title || !r.titleVisible || !r.href);
    t.expect(!noTitle.length, () => `results without a visible title link: ${noTitle.map((r) => clip(r.text, 60)).join(' | ')}`);
    const noMark = s.results.filter((r) => !r.marks.length || !r.snippet);
    t.expect(!noMark.length, () => `results for "${query}" without a snippet with <mark>: ${noMark.map((r) => `${r.title} (${r.href})`).join('; ')}`);
    const noAud = s.results.filter((r) => !r.audiences.length);
    t.expect(!noAud.length, () => `results for "${query}" without audiences: ${noAud.map((r) => `${r.title} (${r.href})`).join('; ')}`);
    const hits = s.results.filter((r) => r.text.toLowerCase().includes(about));
    t.expect(hits.length > 0, `no result for "${query}" is about "${about}": ${s.results.map((r) => r.title).join('; ')}`);
    if (stem) {
      // Stemming: a form of the word other than the one typed is found and marked.
      const forms = [...new Set(s.results.flatMap((r) => r.marks.map((m) => m.toLowerCase().replace(/[^\p{L}'’]+$/u, ''))))];
      t.expect(forms.includes(stem), `no hit marked as "${stem}" for "${query}" (stemming); marked forms: ${forms.join(', ')}`);
    }
    const outside = s.results.filter((r) => !r.abs.startsWith(srv.base));
    t.expect(!outside.length, () => `result links outside ${srv.base}: ${outside.map((r) => r.href).join(', ')}`);
  }

  /** The count must be announced: a live region that had other text now has the count. */
  function checkAnnounced(t, before, after, query) {
    const n = after.results.length;
    const region = after.lives.find((l) => {
      const old = before.lives.find((b) => b.i === l.i);
      return old && old.text !== l.text && l.text.includes(query) && /\d/.test(l.text);
    });
    t.expect(region && ['polite', 'assertive', 'status', 'alert'].includes(region.live),
      () => `the number of results for "${query}" is not announced: no aria-live region present before the search changed to a count; regions: ${after.lives.map((l) => `${l.live}="${clip(l.text, 60)}"`).join('; ') || 'none'}`);
    if (region) {
      const num = Number((region.text.match(/\d+/) || ['0'])[0]);
      t.expect(num >= n, `the announcement "${region.text}" says ${num}, but ${n} results are shown`);
    }
  }

  /** Links of results must work: 200 and the #fragment exists on the page. */
  async function checkResultLinks(t, ctx, s) {
    const seen = new Set();
    for (const r of s.results) {
      const u = new URL(r.abs);
      const hash = decodeURIComponent(u.hash.slice(1));
      u.hash = '';
      const key = `${u.href}#${hash}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const resp = await ctx.request.get(u.href);
      const body = await resp.text();
      if (!t.expect(resp.status() === 200, `result "${r.title}" links to ${short(r.abs)}, which gives ${resp.status()}`)) continue;
      if (hash) t.expect(body.includes(`id="${hash}"`), `result "${r.title}" links to ${short(r.abs)}, but that page has no id="${hash}"`);
    }
  }

  /**
   * Where search.js should send a reader for an article result (docs/themes.md):
   * the last rule anchor whose location is at or before the first hit.
   */
  async function expectedAnchor(page, indexUrl, query, pathname) {
    return page.evaluate(async ({ indexUrl: iu, query: q, pathname: p }) => {
      const pf = await import(iu + 'pagefind.js');
      const s = await pf.search(q);
      for (const r of s.results) {
        const d = await r.data();
        if (new URL(d.url, location.href).pathname !== p) continue;
        const first = (d.locations || [])[0];
        const rules = (d.anchors || []).filter((a) => a.element === 'li' && /^r/.test(a.id) && a.location <= first);
        return rules.length ? rules[rules.length - 1].id : '';
      }
      return null;
    }, { indexUrl, query, pathname });
  }

  // ------------------------------------------------------- 1 search-stemming
  await run('search-stemming', `/school/${SEARCH_NL} and /school/${SEARCH_EN}`, async (t) => {
    const ctx = await t.context({});
    const page = await t.newPage(ctx);
    t.at(`open /school/${SEARCH_NL}`);
    const s0 = await openSearch(t, page, SEARCH_NL);
    t.expect(!s0.status && !s0.results.length, `before typing, the page shows status "${s0.status}" and ${s0.results.length} results`);

    const [q1, about1, stem1] = QUERY_PHOTOS;
    t.at(`type "${q1}"`);
    const s1 = await typeQuery(t, page, q1);
    checkResults(t, s1, q1, about1, stem1);
    checkAnnounced(t, s0, s1, q1);
    // Rule 2b in the protocol's words: "geen foto's waar personen herkenbaar op staan".
    const photoRule = s1.results.find((r) => /\/protocol\/[^/]+\//.test(new URL(r.abs).pathname) && /foto/.test(r.text.toLowerCase()) && r.text.toLowerCase().includes('herkenbaar'));
    t.expect(photoRule, () => `no article result about recognisable photos (rule 2b "foto's waar personen herkenbaar op staan"): ${s1.results.map((r) => `${r.title} (${r.href})`).join('; ')}`);
    t.at(`links of the results for "${q1}"`);
    await checkResultLinks(t, ctx, s1);

    const [q2, about2, stem2] = QUERY_MESSAGES;
    t.at(`type "${q2}"`);
    const s2 = await typeQuery(t, page, q2);
    checkResults(t, s2, q2, about2, stem2);
    checkAnnounced(t, s1, s2, q2);

    // Back to "foto's", then follow the first article result by keyboard.
    t.at(`type "${q1}" again and follow a result by keyboard`);
    const s3 = await typeQuery(t, page, q1);
    const idx = s3.results.findIndex((r) => /^\/school\/nl\/protocol\/[^/]+\/$/.test(new URL(r.abs).pathname));
    t.must(idx >= 0, `no result for "${q1}" links to an article (/school/nl/protocol/<slug>/): ${s3.results.map((r) => r.href).join(', ')}`);
    if (idx > 0) note(`search "${q1}" on /school/${SEARCH_NL}: the first result is "${s3.results[0].title}" (${s3.results[0].href}); the first article result is number ${idx + 1}, "${s3.results[idx].title}", and is the one followed`);
    const target = s3.results[idx];
    const pathname = new URL(target.abs).pathname;
    const want = await expectedAnchor(page, s3.indexUrl, q1, pathname).catch((e) => `(pagefind not readable: ${clip(e.message, 80)})`);
    await page.locator('[data-search-input]').focus();
    const tabs = await tabUntil(page, (href) => !!document.activeElement && document.activeElement.getAttribute('href') === href, target.href, 8 + 2 * idx);
    t.must(tabs > 0, `Tab from the search input did not reach the result link "${target.title}" (${target.href}); focus on ${await activeDesc(page)}`);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== `/school/${SEARCH_NL}`, { timeout: T }),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForLoadState('load');
    const landed = new URL(page.url());
    t.page = `/school/${SEARCH_NL} → ${short(page.url())}`;
    t.expect(/^\/school\/nl\/protocol\/[^/]+\/$/.test(landed.pathname), `Enter on the result went to ${short(page.url())}, expected /school/nl/protocol/<slug>/`);
    const hash = decodeURIComponent(landed.hash.slice(1));
    const wantText = want ? ` (expected #${want}: the last rule anchor at or before the first hit, docs/themes.md)` : '';
    if (t.expect(/^r[\w-]+$/.test(hash), `the result link has no rule anchor: landed on ${short(page.url())}, expected ${landed.pathname}#r<rule>${wantText}; the link's href is "${target.href}"`)) {
      const el = await page.evaluate((id) => {
        const e = document.getElementById(id);
        return e ? { tag: e.localName, text: e.textContent.replace(/\s+/g, ' ').trim().slice(0, 200), target: document.querySelector(':target') === e } : null;
      }, hash);
      t.expect(el, `the rule anchor #${hash} does not exist on ${landed.pathname}`);
      if (el) {
        t.expect(el.text.toLowerCase().includes(about1), `the rule #${hash} does not mention "${about1}": "${clip(el.text, 120)}"`);
        t.expect(el.target, `#${hash} is not the :target after following the link`);
      }
      if (want && typeof want === 'string' && !want.startsWith('(')) t.expect(hash === want, `landed on #${hash}, expected #${want}${wantText}`);
    }

    t.at(`open /school/${SEARCH_EN} and type "${QUERY_EN[0]}"`);
    const ctxEn = await t.context({});
    const pageEn = await t.newPage(ctxEn);
    const before = t.requests.length;
    const e0 = await openSearch(t, pageEn, SEARCH_EN);
    const e1 = await typeQuery(t, pageEn, QUERY_EN[0]);
    checkResults(t, e1, QUERY_EN[0], QUERY_EN[1], QUERY_EN[2]);
    checkAnnounced(t, e0, e1, QUERY_EN[0]);
    const enReq = t.requests.slice(before).map((r) => r.url);
    t.expect(enReq.some((u) => u.endsWith('/pagefind/wasm.en.pagefind')), 'the English search page did not load wasm.en.pagefind');
    t.expect(!enReq.some((u) => u.endsWith('/pagefind/wasm.nl.pagefind')), 'the English search page loaded the Dutch wasm.nl.pagefind');
    const wrongLang = e1.results.filter((r) => !new URL(r.abs).pathname.startsWith('/school/en/'));
    t.expect(!wrongLang.length, () => `English results outside /school/en/: ${wrongLang.map((r) => r.href).join(', ')}`);
  });

  // --------------------------------------------------------- 2 search-filter
  await run('search-filter', `/school/${SEARCH_NL}`, async (t) => {
    const ctx = await t.context({});
    const page = await t.newPage(ctx);
    t.at(`open /school/${SEARCH_NL}`);
    await openSearch(t, page, SEARCH_NL);
    const q = QUERY_MESSAGES[0];
    t.at(`type "${q}"`);
    const all = await typeQuery(t, page, q);
    const total = (x) => Number((x.status.match(/\d+/) || ['0'])[0]);
    const audiencesSeen = [...new Set(all.results.flatMap((r) => r.audiences))];
    t.must(all.select, 'the search page has no audience filter (a <select> in the form)');
    const opt = all.select.options.find((o) => o.value === FILTER_AUDIENCE || o.text === FILTER_AUDIENCE);
    t.must(opt, `the audience filter has no option "${FILTER_AUDIENCE}": ${all.select.options.map((o) => o.text).join(', ')}`);
    t.expect(all.results.some((r) => !r.audiences.includes(FILTER_AUDIENCE)), `every unfiltered result for "${q}" is already for ${FILTER_AUDIENCE}; the filter cannot be seen to work (audiences: ${audiencesSeen.join(', ')})`);

    t.at('reach the audience filter by keyboard');
    await page.locator('[data-search-input]').focus();
    const tabs = await tabUntil(page, () => !!document.activeElement && document.activeElement.localName === 'select', null, 5);
    t.must(tabs > 0, `Tab from the search input did not reach the audience filter; focus on ${await activeDesc(page)}`);
    const label = await page.evaluate(() => {
      const s = document.activeElement;
      return s.labels && s.labels.length ? s.labels[0].textContent.trim() : (s.getAttribute('aria-label') || '');
    });
    t.expect(label, 'the audience filter has no label');
    t.at(`choose "${FILTER_AUDIENCE}" with the arrow keys`);
    const before = await page.evaluate(searchState);
    for (let i = 0; i < all.select.options.length; i++) {
      if (await page.evaluate(() => document.activeElement.value) === opt.value) break;
      await page.keyboard.press('ArrowDown');
    }
    let value = await page.evaluate(() => document.activeElement.value);
    if (value !== opt.value) {
      t.fail(`ArrowDown on the focused filter did not select "${FILTER_AUDIENCE}" (value "${value}"); trying to type it`);
      await page.keyboard.type(FILTER_AUDIENCE.slice(0, 4));
      value = await page.evaluate(() => document.activeElement.value);
    }
    t.must(value === opt.value, `could not select "${FILTER_AUDIENCE}" by keyboard; value "${value}"`);
    const r = await poll(async () => {
      const s = await page.evaluate(searchState);
      return !s.searching && s.status && s.status !== before.status && s.status !== s.loadingLabel
        && s.results.every((x) => x.audiences.includes(FILTER_AUDIENCE) || x.abs.includes(`/${GLOSSARY_NL}`)) ? s : null;
    }, T);
    const f = r.value || await page.evaluate(searchState);
    const wrong = f.results.filter((x) => !x.audiences.includes(FILTER_AUDIENCE) && !x.abs.includes(`/${GLOSSARY_NL}`));
    t.expect(r.ok, () => `after choosing "${FILTER_AUDIENCE}": status "${f.status}" (was "${before.status}"); results not for ${FILTER_AUDIENCE}: ${wrong.map((x) => `${x.title} [${x.audiences.join(', ')}]`).join('; ') || 'none'}`);
    t.expect(f.results.length > 0, `no results for "${q}" for ${FILTER_AUDIENCE}`);
    t.expect(total(f) <= total(all), `the filter gave more results (${total(f)}) than no filter (${total(all)})`);
    t.expect(total(f) < total(all), `the filter did not narrow anything: ${total(f)} results, as without it`);
    const terms = f.results.filter((x) => x.abs.includes(`/${GLOSSARY_NL}`) && !x.audiences.includes(FILTER_AUDIENCE));
    if (terms.length) note(`search filter "${FILTER_AUDIENCE}": ${terms.length} glossary term result(s) do not list the audience`);
    t.expect(new URL(page.url()).searchParams.get('audience') === opt.value, `the address does not keep the filter: ${short(page.url())}`);
    t.expect(new URL(page.url()).searchParams.get('q') === q, `the address does not keep the query: ${short(page.url())}`);

    t.at('reload: the search comes back from the address');
    await page.reload({ waitUntil: 'load' });
    const rr = await poll(async () => {
      const s = await page.evaluate(searchState);
      return !s.searching && s.status.includes(q) ? s : null;
    }, T);
    const g = rr.value || await page.evaluate(searchState);
    t.expect(rr.ok, `after a reload of ${short(page.url())} no results show (status "${g.status}")`);
    t.expect(g.input === q && g.select && g.select.value === opt.value, `after a reload the form holds "${g.input}" / "${g.select && g.select.value}", expected "${q}" / "${opt.value}"`);
    t.expect(g.results.length === f.results.length, `after a reload ${g.results.length} results show, before ${f.results.length}`);
  });

  // ----------------------------------------------------------- 3 search-lazy
  await run('search-lazy', `/school/${HOME_NL}, /school/${ARTICLE_NL} and /school/${SEARCH_NL}`, async (t) => {
    const logStart = srv.log.length;
    const ctx = await t.context({});
    const responses = [];
    ctx.on('response', (r) => responses.push(r));
    const page = await t.newPage(ctx);
    const pf = () => t.requests.filter((r) => new URL(r.url).pathname.includes('/pagefind/')).map((r) => short(r.url));
    for (const rel of [HOME_NL, ARTICLE_NL]) {
      t.at(`open /school/${rel}`);
      await open(t, page, rel);
      await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
      const early = pf();
      t.expect(!early.length, () => `/school/${rel} requested the search index without a search: ${early.join(', ')}`);
    }

    t.at(`open /school/${SEARCH_NL}`);
    await openSearch(t, page, SEARCH_NL);
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(300);
    const onOpen = pf();
    t.expect(!onOpen.length, () => `the search page requested the index before anything was typed: ${onOpen.join(', ')}`);
    const mark = t.requests.length;

    t.at(`type "${LAZY_QUERY}"`);
    await typeQuery(t, page, LAZY_QUERY);
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    const after = t.requests.slice(mark).map((r) => new URL(r.url).pathname);
    for (const want of ['pagefind/pagefind.js', 'pagefind/wasm.nl.pagefind']) {
      t.expect(after.includes(`/school/${want}`), () => `after typing, /school/${want} was not requested; index requests: ${after.filter((p) => p.includes('/pagefind/')).join(', ') || 'none'}`);
    }
    t.expect(!after.some((p) => p.endsWith('/wasm.en.pagefind')), 'the Dutch search page loaded the English wasm.en.pagefind');
    const pfResp = responses.filter((r) => new URL(r.url()).pathname.startsWith('/school/pagefind/'));
    const badStatus = pfResp.filter((r) => r.status() !== 200).map((r) => `${short(r.url())}: ${r.status()}`);
    t.expect(!badStatus.length, () => `index files that did not load: ${badStatus.join(', ')}`);
    fetched.requests = pfResp.length;
    fetched.bytes = 0;
    for (const r of pfResp) fetched.bytes += Number(await r.headerValue('content-length').catch(() => 0)) || 0;

    t.at('every request stays under /school/');
    const bad = t.badRequests();
    t.expect(!bad.length, () => `requests outside /school/ or not a GET: ${bad.slice(0, 8).join('; ')}`);
    const log = srv.log.slice(logStart);
    const outside = log.filter((l) => !l.url.startsWith('/school/'));
    const favicon = outside.filter((l) => l.url === '/favicon.ico');
    if (favicon.length) note('Chromium asks for /favicon.ico (outside /school/) because the pages name no icon (<link rel="icon">); a school site under a sub-folder would get its host\'s favicon or a 404');
    const other = outside.filter((l) => l.url !== '/favicon.ico');
    t.expect(!other.length, () => `the server saw requests outside /school/: ${other.map((l) => `${l.method} ${l.url} (${l.status})`).join(', ')}`);
  });

  // ----------------------------------------------------------- 4 search-nojs
  await run('search-nojs', `/school/${SEARCH_NL} and /school/${HOME_NL} (no JavaScript)`, async (t) => {
    const ctx = await t.context({ javaScriptEnabled: false });
    const page = await t.newPage(ctx);
    t.at(`open /school/${SEARCH_NL} without JavaScript`);
    await open(t, page, SEARCH_NL);
    const info = await page.evaluate(() => {
      const vis = (el) => !!el && el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
      const main = document.querySelector('main');
      return {
        text: main ? main.innerText.replace(/\s+/g, ' ').trim() : '',
        links: main ? [...main.querySelectorAll('a[href]')].filter(vis).map((a) => ({ href: a.href, text: a.textContent.trim() })) : [],
        inputs: main ? [...main.querySelectorAll('input, select, button')].filter(vis).map((e) => e.outerHTML.slice(0, 80)) : [],
      };
    });
    const msg = norm(nl['search-no-js']);
    t.expect(msg && info.text.includes(msg), `without JavaScript the search page does not say "${clip(msg, 80)}"; main reads "${clip(info.text, 200)}"`);
    const whole = srv.base + PROTOCOL_NL;
    const link = info.links.find((l) => l.href === whole);
    t.expect(link, () => `no visible link to the whole protocol (${short(whole)}) in main; links: ${info.links.map((l) => short(l.href)).join(', ') || 'none'}`);
    if (link && nl['search-no-js-link']) t.expect(link.text === norm(nl['search-no-js-link']), `the link to the whole protocol reads "${link.text}", expected "${nl['search-no-js-link']}"`);
    t.expect(!info.inputs.length, () => `without JavaScript a search form that cannot work is visible: ${info.inputs.join(' | ')}`);
    if (link) {
      const resp = await ctx.request.get(whole);
      t.expect(resp.status() === 200, `${short(whole)} gives ${resp.status()}`);
    }

    t.at(`the search form in the header of /school/${HOME_NL}, without JavaScript`);
    await open(t, page, HOME_NL);
    const header = page.locator('header form[role="search"], header form:has(input[type="search"])').first();
    t.must(await header.count() === 1 && await header.isVisible(), 'no visible search form in the header');
    await header.locator('input[type="search"], input[name="q"]').first().fill(LAZY_QUERY);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/school/${SEARCH_NL}`, { timeout: T }),
      header.locator('input[type="search"], input[name="q"]').first().press('Enter'),
    ]).catch(() => {});
    const u = new URL(page.url());
    t.expect(u.pathname === `/school/${SEARCH_NL}`, `submitting the header form went to ${short(page.url())}, expected /school/${SEARCH_NL}`);
    t.expect(u.searchParams.get('q') === LAZY_QUERY, `the search page address has q="${u.searchParams.get('q')}", expected "${LAZY_QUERY}"`);
    const text = await page.evaluate(() => document.querySelector('main') ? document.querySelector('main').innerText : '');
    t.expect(norm(text).includes(msg), 'after the header form, the search page does not show the no-JavaScript message');

    t.at('the header form with JavaScript: the search runs on arrival');
    const ctxJs = await t.context({});
    const pjs = await t.newPage(ctxJs);
    await open(t, pjs, PROTOCOL_NL);
    const hjs = pjs.locator('header form[role="search"] input[type="search"], header form input[name="q"]').first();
    t.must(await hjs.count() === 1, 'no search input in the header of the protocol page');
    await hjs.focus();
    await pjs.keyboard.type(QUERY_PHOTOS[0], { delay: 10 });
    await Promise.all([
      pjs.waitForURL((x) => x.pathname === `/school/${SEARCH_NL}`, { timeout: T }),
      pjs.keyboard.press('Enter'),
    ]).catch(() => {});
    t.must(new URL(pjs.url()).pathname === `/school/${SEARCH_NL}`, `Enter in the header search went to ${short(pjs.url())}`);
    const s = await waitResults(t, pjs, QUERY_PHOTOS[0]);
    t.expect(s.input === QUERY_PHOTOS[0], `the search input holds "${s.input}", expected "${QUERY_PHOTOS[0]}"`);
    t.expect(s.results.length > 0, `no results on arrival for "${QUERY_PHOTOS[0]}"`);
  });

  // ---------------------------------------------------- 4b search-queries
  // The query sets of tests/search-queries/ on every example site (lib/searchqueries.js).
  await run('search-queries', 'the search page of every example site, nl and en', async (t) => {
    const figures = await searchQueries.searchQueriesTest(t, env);
    for (const f of figures) {
      console.log(`      search-queries ${searchQueries.describe(f)}`);
      for (const m of f.misses) console.log(`        miss ${m}`);
    }
    searchQueries.judge(t, figures);
  });

  // ------------------------------------------------------------ 5 onboarding
  await run('onboarding', `/school/${STAFF}`, async (t) => {
    const logStart = srv.log.length;
    const ctx = await t.context({});
    const page = await t.newPage(ctx);
    t.at(`open /school/${STAFF}`);
    await open(t, page, STAFF);
    let r = await poll(async () => (await page.evaluate(readingState)).boxVisible, T);
    let s = await page.evaluate(readingState);
    t.must(s.hasBox, 'the staff view has no reading progress ([data-onboarding]); is medewerkers an onboarding audience?');
    t.must(r.ok, 'onboarding.js did not show the reading progress');
    const N = new Set(s.toggles.map((x) => x.id)).size;
    t.must(N >= 2, `only ${N} "read" toggle buttons ([data-read-toggle])`);
    t.expect(N === s.articles, `${N} distinct toggles for ${s.articles} articles of the path`);
    const hidden = s.toggles.filter((x) => !x.visible).map((x) => x.id);
    t.expect(!hidden.length, `toggle buttons not visible: ${hidden.join(', ')}`);
    const progress = (n) => `${n} van ${N} gelezen`;
    t.expect(s.progress.startsWith(progress(0)) && s.progressVisible, `the progress reads "${s.progress}"${s.progressVisible ? '' : ' (hidden)'}, expected "${progress(0)}"`);
    t.expect(s.progressLive === 'polite' || s.progressLive === 'assertive', `the progress is not an aria-live region (aria-live "${s.progressLive}")`);
    t.expect(s.toggles.every((x) => x.pressed === 'false'), () => `toggles pressed at the start: ${s.toggles.filter((x) => x.pressed !== 'false').map((x) => x.id).join(', ')}`);

    const first = s.toggles[0];
    const second = s.toggles[1];
    t.at(`mark "${first.id}" as read by clicking`);
    await page.locator(`[data-read-toggle="${first.id}"]`).first().click();
    s = await page.evaluate(readingState);
    t.expect(s.progress.startsWith(progress(1)), `after one click the progress reads "${s.progress}", expected "${progress(1)}"`);

    t.at(`mark "${second.id}" as read with the keyboard (Tab, then Space)`);
    // From the button just clicked, Tab through the first article's end to the next toggle.
    const tabs = await tabUntil(page, (id) => !!document.activeElement && document.activeElement.getAttribute('data-read-toggle') === id, second.id, 80);
    t.must(tabs > 0, `Tab from the first toggle did not reach the toggle of "${second.id}"; focus on ${await activeDesc(page)}`);
    await page.keyboard.press('Space');
    s = await page.evaluate(readingState);
    t.expect(s.progress.startsWith(progress(2)), `after two articles the progress reads "${s.progress}", expected "${progress(2)}"`);
    const pressed = s.toggles.filter((x) => x.pressed === 'true').map((x) => x.id);
    t.expect(pressed.join() === [first.id, second.id].join(), `pressed toggles: [${pressed.join(', ')}], expected [${first.id}, ${second.id}]`);
    t.expect(s.toggles.filter((x) => x.articleRead).length === 2, `articles marked is-read: ${s.toggles.filter((x) => x.articleRead).length}, expected 2`);
    t.expect([...s.tocMarks].sort().join() === [first.id, second.id].sort().join(), `read marks in the table of contents: [${s.tocMarks.join(', ')}]`);
    t.expect(s.activeToggle === second.id, `after Space the focus left the toggle (it is on ${await activeDesc(page)})`);
    let stored = null;
    try { stored = JSON.parse(s.stored || 'null'); } catch (_) { /* checked below */ }
    t.expect(stored && Array.isArray(stored.read) && stored.read.join() === [first.id, second.id].join(), `localStorage ${s.key} holds ${s.stored}, expected read: [${first.id}, ${second.id}]`);

    t.at('reload: the progress stays');
    await page.reload({ waitUntil: 'load' });
    r = await poll(async () => (await page.evaluate(readingState)).boxVisible, T);
    s = await page.evaluate(readingState);
    t.expect(s.progress.startsWith(progress(2)), `after a reload the progress reads "${s.progress}", expected "${progress(2)}"`);
    t.expect(s.toggles.filter((x) => x.pressed === 'true').length === 2, `after a reload ${s.toggles.filter((x) => x.pressed === 'true').length} toggles are pressed, expected 2`);

    t.at('the end of the path');
    const quizHref = srv.base + STAFF_QUIZ;
    const ackHref = srv.base + STAFF_ACK;
    t.expect(s.endLinks.some((l) => l.href === quizHref && l.visible), () => `after the last article no visible link to the staff quiz ${short(quizHref)}; links there: ${s.endLinks.map((l) => short(l.href)).join(', ')}`);
    t.expect(s.endLinks.some((l) => l.href === ackHref && l.visible), () => `after the last article no visible link to the acknowledgement ${short(ackHref)}; links there: ${s.endLinks.map((l) => short(l.href)).join(', ')}`);
    for (const u of [quizHref, ackHref]) {
      const resp = await ctx.request.get(u);
      t.expect(resp.status() === 200, `${short(u)} gives ${resp.status()}`);
    }

    t.at('reset');
    const reset = page.locator('[data-progress-reset]');
    t.must(await reset.count() === 1 && await reset.isVisible(), 'no visible reset button ([data-progress-reset])');
    await reset.click();
    s = await page.evaluate(readingState);
    t.expect(s.progress.includes(progress(0)), `after the reset the progress reads "${s.progress}", expected "${progress(0)}"`);
    if (nl['onboarding-reset-done']) t.expect(s.progress.includes(norm(nl['onboarding-reset-done'])), `after the reset the progress does not say "${nl['onboarding-reset-done']}": "${s.progress}"`);
    t.expect(s.toggles.every((x) => x.pressed === 'false'), 'after the reset some toggles are still pressed');
    t.expect(s.stored === null, `after the reset localStorage still holds ${s.key}: ${s.stored}`);
    await page.reload({ waitUntil: 'load' });
    await poll(async () => (await page.evaluate(readingState)).boxVisible, T);
    s = await page.evaluate(readingState);
    t.expect(s.progress.startsWith(progress(0)), `after the reset and a reload the progress reads "${s.progress}"`);

    t.at('network, cookies and storage');
    const bad = t.badRequests();
    t.expect(!bad.length, () => `requests that left the server or were not a GET: ${bad.slice(0, 8).join('; ')}`);
    t.expect(t.requests.length > 0, 'no requests recorded at all (the listener did not work)');
    const outside = srv.log.slice(logStart).filter((l) => !l.url.startsWith('/school/') && l.url !== '/favicon.ico');
    t.expect(!outside.length, () => `the server saw requests outside /school/: ${outside.map((l) => l.url).join(', ')}`);
    const cookies = await ctx.cookies();
    t.expect(!cookies.length, () => `cookies set: ${cookies.map((c) => c.name).join(', ')}`);
    t.expect(s.storageKeys.every((k) => k.startsWith('leidraad-')), `unexpected localStorage keys: ${s.storageKeys.join(', ')}`);
  });

  // ------------------------------------------------------- 6 acknowledgement
  await run('acknowledgement', `/school/${STAFF_QUIZ} → /school/${STAFF_ACK}`, async (t) => {
    const ctx = await t.context({});
    const page = await t.newPage(ctx);
    t.at(`answer /school/${STAFF_QUIZ} right`);
    await open(t, page, STAFF_QUIZ);
    await page.waitForSelector('[data-toolbar]:not([hidden])', { state: 'attached', timeout: T })
      .catch(() => { throw new Stop('the quiz scripts did not set up the quiz: [data-toolbar] stays hidden'); });
    let q = await page.evaluate(quizState);
    t.must(q && q.questions.length, 'no quiz on the staff quiz page');
    const L = q.labels;
    for (const q0 of q.questions) {
      t.at(`answer ${q0.id} (${q0.kind})`);
      const ql = page.locator(`[id="${q0.id}"]`);
      if (q0.kind === 'order') {
        const n = q0.options.length;
        for (let p = 1; p <= n; p++) {
          for (let guard = 0; guard < n; guard++) {
            const pos = await ql.locator('[data-option]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-position'))));
            if (pos.indexOf(p) <= p - 1) break;
            await ql.locator(`[data-option][data-position="${p}"] [data-move="up"]`).click();
          }
        }
      } else {
        for (const o of q0.options) {
          if ((await ql.locator(`input[id="${o.id}"]`).isChecked()) !== o.correct) await ql.locator(`label[for="${o.id}"]`).click();
        }
      }
      // One question at a time: a click checks a single-choice question at once.
      if (await ql.locator('[data-check]').isVisible()) await ql.locator('[data-check]').click();
      if (await page.locator('[data-step-next]').isVisible()) await page.locator('[data-step-next]').click();
    }
    t.at('show the score');
    await page.locator('[data-score-button]').click();
    q = await page.evaluate(quizState);
    const n = q.questions.length;
    const scoreText = fill(L.labelScore, { right: n, total: n, percent: 100 });
    t.expect(q.score.includes(scoreText), `the quiz score reads "${q.score}", expected "${scoreText}"`);
    let stored = null;
    try { stored = JSON.parse(q.stored || 'null'); } catch (_) { /* below */ }
    t.must(stored && stored.score && stored.score.right === n && stored.score.total === n, `localStorage leidraad-quiz:${q.quiz} holds no full score: ${clip(q.stored || 'nothing', 200)}`);

    t.at(`open /school/${STAFF_ACK}`);
    await open(t, page, STAFF_ACK);
    const { version, adopted } = siteVersion(site.dir, env.repo);
    const date = dutchDate(adopted);
    const lineLabels = ['acknowledgement-name', 'acknowledgement-date', 'acknowledgement-signature'].map((k) => norm(nl[k]));
    t.must(lineLabels.every(Boolean), `missing messages acknowledgement-name/-date/-signature in locales/nl/ui.ftl: ${lineLabels.join(', ')}`);
    let a = await page.evaluate(ackState, lineLabels);
    // The version and date the site sets, and none where it sets none (the
    // example's protocol gives neither: nothing may be invented on the form).
    if (version) t.expect(a.mainText.includes(version), `the form does not show the protocol version "${version}"`);
    else t.expect(!/Versie|vastgesteld/.test(a.mainText), `the form shows a version or date the site does not set: ${clip(a.mainText, 300)}`);
    if (date) t.expect(a.mainText.includes(date), `the form does not show the date "${date}" (adopted ${adopted})`);
    const passed = nl['acknowledgement-quiz-passed'] ? norm(nl['acknowledgement-quiz-passed']) : '';
    t.expect(a.score.includes(scoreText) && a.scoreVisible, `the form's quiz score reads "${a.score}"${a.scoreVisible ? '' : ' (hidden)'}, expected "${scoreText}"`);
    if (passed) t.expect(a.score.includes(passed), `the form's quiz score "${a.score}" does not say "${passed}"`);
    for (const l of a.lines) {
      t.expect(l.found && l.labelVisible, `no visible "${l.label}" on the form`);
      if (l.found) t.expect(l.line && l.lineVisible, `"${l.label}" has no visible line to write on (an element with a bottom border, 100px or wider)`);
    }
    await page.screenshot({ path: path.join(env.screenshots, `${site.name}-acknowledgement-1280-light.png`), fullPage: true, animations: 'disabled' })
      .then(() => files.push(path.join(env.screenshots, `${site.name}-acknowledgement-1280-light.png`))).catch(() => {});

    t.at('the form under print media');
    await page.emulateMedia({ media: 'print' });
    a = await page.evaluate(ackState, lineLabels);
    t.expect(a.mainText.includes(version) && a.mainText.includes(date), 'in print the version or date is missing');
    t.expect(a.scoreVisible && a.score.includes(scoreText), `in print the quiz score is not visible ("${a.score}")`);
    const noLine = a.lines.filter((l) => !l.lineVisible);
    t.expect(!noLine.length, () => `in print no line to write on for: ${noLine.map((l) => l.label).join(', ')}`);
    t.expect(!a.navs.length, () => `navigation visible in print: ${a.navs.join('; ')}`);
    t.expect(!a.buttons.length, () => `buttons visible in print: ${a.buttons.join('; ')}`);

    t.at('render to PDF (A4)');
    const buf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = pdfPageCount(buf);
    const file = await saveFile('acknowledgement.pdf', buf);
    pdf.push({ name: `acknowledgement /school/${STAFF_ACK}`, file, pages, bytes: buf.length });
    t.expect(pages === 1, `the acknowledgement prints on ${pages} A4 pages, expected 1`);
  });

  // --------------------------------------------- 6b the acknowledgement's lists
  await run('ack-reading', `/school/${STAFF_ACK}: read and unread, the stored quiz result, screen and print`, async (t) => {
    const ctx = await t.context({});
    const page = await t.newPage(ctx);
    t.at(`open /school/${STAFF_ACK} with nothing stored`);
    await open(t, page, STAFF_ACK);
    let a = await page.evaluate(ackReading);
    const ids = a.all;
    t.must(ids.length >= 4, `only ${ids.length} articles ([data-ack-article]) on the form`);
    const L = a.labels;
    const readKey = await page.getAttribute('[data-ack]', 'data-read-key');
    const quizKey = await page.getAttribute('[data-ack]', 'data-quiz-key');
    t.must(readKey && quizKey, `the form names no storage keys (data-read-key "${readKey}", data-quiz-key "${quizKey}")`);
    const store = async (key, value) => {
      await page.evaluate(([k, v]) => { if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v); }, [key, value]);
      await page.reload({ waitUntil: 'load' });
      return page.evaluate(ackReading);
    };
    const lists = (x, read, media) => {
      const unread = ids.filter((id) => !read.includes(id));
      t.expect(x.read.join() === read.join(), `${media}: the read list shows [${x.read.join(', ')}], expected [${read.join(', ')}]`);
      t.expect(x.unread.join() === unread.join(), `${media}: the unread list shows [${x.unread.join(', ')}], expected [${unread.join(', ')}]`);
      t.expect(!x.plain.length, `${media}: the undivided list is still visible beside the split ones`);
      t.expect(x.ticked.join() === read.join(), `${media}: ticked boxes [${x.ticked.join(', ')}], expected [${read.join(', ')}]`);
      t.expect(!x.unknownNote && !!x.knownNote, `${media}: the note says "${x.unknownNote || x.knownNote}"; expected the one that says the lists come from this device`);
      if (read.length) t.expect(x.readHeading.endsWith(`(${read.length})`), `${media}: the read heading is "${x.readHeading}"`);
      else t.expect(!x.readHeading, `${media}: a read heading "${x.readHeading}" with nothing read`);
      if (unread.length) {
        t.expect(x.unreadHeading.endsWith(`(${unread.length})`), `${media}: the unread heading is "${x.unreadHeading}"`);
        const want = fill(unread.length === 1 ? L.labelIncompleteOne : L.labelIncompleteOther, { unread: unread.length, total: ids.length });
        t.expect(x.incomplete === want, `${media}: the notice reads "${x.incomplete}", expected "${want}"`);
      } else {
        t.expect(!x.unreadHeading && !x.incomplete, `${media}: everything read, yet "${x.unreadHeading}" / "${x.incomplete}" shows`);
      }
    };
    lists(a, [], 'nothing stored (screen)');

    const read = [ids[0], ids[2], ids[ids.length - 1]];
    t.at(`read ${read.join(', ')} (as onboarding.js stores it), not the others`);
    a = await store(readKey, JSON.stringify({ read }));
    lists(a, read, 'screen');
    await shot(page, `${site.name}-acknowledgement-unread-1280.png`, t);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, `${site.name}-acknowledgement-unread-390.png`, t);
    await page.setViewportSize({ width: 1280, height: 800 });
    t.at('the same under print media');
    await page.emulateMedia({ media: 'print' });
    lists(await page.evaluate(ackReading), read, 'print');
    const buf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = pdfPageCount(buf);
    const file = await saveFile('acknowledgement-unread.pdf', buf);
    pdf.push({ name: `acknowledgement-unread /school/${STAFF_ACK}`, file, pages, bytes: buf.length });
    t.expect(pages === 1, `with unread articles the acknowledgement prints on ${pages} A4 pages, expected 1`);
    await page.emulateMedia({ media: 'screen' });

    t.at('every article read');
    a = await store(readKey, JSON.stringify({ read: ids }));
    lists(a, ids, 'screen');

    t.at('the quiz result shown is the one stored');
    const n = Number(L.quizQuestions);
    const pass = Number(L.quizPass);
    t.must(n > 0 && pass >= 0, `the form gives no question count or pass mark (data-quiz-questions "${L.quizQuestions}", data-quiz-pass "${L.quizPass}")`);
    const cases = [
      // a stored `passed` that contradicts the score does not win
      [{ right: n, total: n, percent: 100, passed: false }, `${fill(L.labelScore, { right: n, total: n, percent: 100 })} · ${L.labelPassed}`],
      [{ right: 0, total: n, percent: 0, passed: true }, `${fill(L.labelScore, { right: 0, total: n, percent: 0 })} · ${pass > 0 ? L.labelFailed : L.labelPassed}`],
      // a score of another number of questions is not this quiz's
      [{ right: n + 1, total: n + 1, percent: 100, passed: true }, ''],
    ];
    for (const [score, want] of cases) {
      a = await store(quizKey, JSON.stringify({ answers: {}, checked: {}, score }));
      t.expect(a.score === want, `stored ${JSON.stringify(score)}: the form says "${a.score}", expected "${want}"`);
    }

    t.at('without JavaScript: the list says it cannot tell');
    const ctxNo = await t.context({ javaScriptEnabled: false });
    const p2 = await t.newPage(ctxNo);
    await open(t, p2, STAFF_ACK);
    for (const media of ['screen', 'print']) {
      await p2.emulateMedia({ media });
      const x = await p2.evaluate(ackReading);
      t.expect(x.plain.join() === ids.join(), `no JS, ${media}: the list shows [${x.plain.join(', ')}]`);
      t.expect(x.boxes === ids.length && !x.ticked.length, `no JS, ${media}: ${x.boxes} empty boxes, ${x.ticked.length} ticked, expected ${ids.length} empty`);
      t.expect(!x.read.length && !x.unread.length && !x.incomplete, `no JS, ${media}: read/unread lists or a notice show`);
      t.expect(x.unknownNote === norm(nl['acknowledgement-unknown']), `no JS, ${media}: the note reads "${x.unknownNote}", expected "${nl['acknowledgement-unknown']}"`);
    }
    const bufNo = await p2.pdf({ format: 'A4', printBackground: false });
    const fileNo = await saveFile('acknowledgement-nojs.pdf', bufNo);
    pdf.push({ name: `acknowledgement-nojs /school/${STAFF_ACK}`, file: fileNo, pages: pdfPageCount(bufNo), bytes: bufNo.length });
    t.expect(pdfPageCount(bufNo) === 1, `without JavaScript the acknowledgement prints on ${pdfPageCount(bufNo)} A4 pages, expected 1`);
  });

  // -------------------------------------------- 6c what a reader sees first
  await run('audience-first', 'home and audience views of every example, nl and en, at 390x844 and 1280x800', async (t) => {
    const sites = [{ name: site.name, srv }];
    try {
      // CURRENT_ONLY serves the root site only: the other examples are built here.
      if (env.bin && !site.prebuilt) {
        for (const other of discoverSites(env.repo).filter((x) => x.name !== site.name)) {
          t.at(`build ${other.name}`);
          const b = buildSite(env.bin, other);
          sites.push({ name: other.name, out: b.out });
          t.must(b.ok, `${other.name} does not build: ${clip(b.stderr, 300)}`);
          sites[sites.length - 1].srv = await startServer(b.out);
        }
      }
      for (const s of sites) {
        for (const lang of ['nl', 'en']) await firstScreens(t, s, lang);
      }
    } finally {
      for (const s of sites.slice(1)) {
        if (s.srv) await s.srv.close().catch(() => {});
        if (s.out) fs.rmSync(s.out, { recursive: true, force: true });
      }
    }
  });

  /** One site and language: the home page's audience choice, then each audience view. */
  async function firstScreens(t, s, lang) {
    const ctx = await t.context({ viewport: { width: 390, height: 844 } }, s.srv.origin);
    const page = await t.newPage(ctx);
    const go = async (url) => {
      const resp = await page.goto(url, { waitUntil: 'load' });
      t.must(resp && resp.status() === 200, `${short(url)} gave ${resp ? resp.status() : 'no response'}`);
      await page.evaluate(() => document.fonts.ready.then(() => true));
    };
    t.at(`${s.name} /${lang}/ at 390x844`);
    await go(`${s.srv.base}${lang}/`);
    let f = await page.evaluate(firstScreen);
    t.must(f.choice && f.links.length >= 2, `${s.name} /${lang}/: no audience choice with links`);
    t.expect(f.choice.top >= 0 && f.choice.bottom <= 844, `${s.name} /${lang}/ at 390x844: the audience choice spans ${f.choice.top}-${f.choice.bottom}px, not within the first 844px`);
    const low = f.links.filter((l) => !l.visible || l.box.bottom > 844);
    t.expect(!low.length, () => `${s.name} /${lang}/ at 390x844: audience links below the fold: ${low.map((l) => `${l.text} (${l.box.bottom}px)`).join(', ')}`);
    note(`audience-first: ${s.name} /${lang}/ at 390x844: the audience choice at ${f.choice.top}-${f.choice.bottom}px`);
    await shot(page, `${s.name}-home-${lang}-390.png`, t, false);
    await page.setViewportSize({ width: 1280, height: 800 });
    f = await page.evaluate(firstScreen);
    t.expect(f.choice.bottom <= 800, `${s.name} /${lang}/ at 1280x800: the audience choice ends at ${f.choice.bottom}px`);
    await shot(page, `${s.name}-home-${lang}-1280.png`, t, false);
    const views = f.links.map((l) => l.href);
    for (const url of views) {
      const rel = new URL(url).pathname;
      t.at(`${s.name} ${rel}`);
      const at = {};
      for (const [w, h] of [[390, 844], [1280, 800]]) {
        await page.setViewportSize({ width: w, height: h });
        await go(url);
        f = await page.evaluate(firstScreen);
        at[w] = f.firstRule ? f.firstRule.top : -1;
        await shot(page, `${s.name}-view-${url.split('/').filter(Boolean).slice(-2).join('-')}-${w}.png`, t, false);
      }
      t.expect(f.firstArticle && f.firstArticle.rules > 0 && !f.firstArticle.general, `${rel}: the view opens with "${f.firstArticle ? f.firstArticle.id : 'nothing'}" (${f.firstArticle ? f.firstArticle.rules : 0} rules), not with an article that has rules`);
      t.expect(!f.ruledAfterGeneral.length, `${rel}: articles with rules after the general text: ${f.ruledAfterGeneral.join(', ')}`);
      if (f.general) {
        t.expect(f.general.open === f.onboarding, `${rel}: the general text is ${f.general.open ? 'open' : 'folded'}; expected ${f.onboarding ? 'open on a reading path' : 'folded'}`);
        t.expect(f.general.articles.every((x) => x.rules === 0), `${rel}: the general text holds articles with rules: ${f.general.articles.filter((x) => x.rules).map((x) => x.id).join(', ')}`);
        await page.emulateMedia({ media: 'print' });
        const p = await page.evaluate(firstScreen);
        await page.emulateMedia({ media: 'screen' });
        const hidden = p.general.articles.filter((x) => !x.visible).map((x) => x.id);
        t.expect(!hidden.length, `${rel}: in print the general text is not shown: ${hidden.join(', ')}`);
      }
      note(`audience-first: ${s.name} ${rel}: the first rule at ${at[390]}px (390x844), ${at[1280]}px (1280x800); ${f.general ? f.general.articles.length : 0} general articles after the rules${f.general && !f.general.open ? ', folded' : ''}`);
    }
  }

  async function shot(page, name, t, fullPage = true) {
    const file = path.join(env.screenshots, name);
    try {
      fs.mkdirSync(env.screenshots, { recursive: true });
      await page.screenshot({ path: file, fullPage, animations: 'disabled' });
      files.push(file);
    } catch (e) {
      t.fail(`screenshot ${name}: ${clip(e.message.split('\n')[0], 200)}`);
    }
  }

  // ---------------------------------------------------------- 7 pdf-protocol
  await run('pdf-protocol', `/school/${PROTOCOL_NL} and /school/${LEAFLET} (print, A4)`, async (t) => {
    const ctx = await t.context({});
    const page = await t.newPage(ctx);

    async function render(rel, name, range) {
      t.at(`${rel}: render to PDF (A4)`);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 800 });
      await open(t, page, rel);
      await page.evaluate(() => document.fonts.ready.then(() => true));
      const buf = await page.pdf({ format: 'A4', printBackground: false });
      const pages = pdfPageCount(buf);
      const file = await saveFile(`${name}.pdf`, buf);
      pdf.push({ name: `${name} /school/${rel}`, file, pages, bytes: buf.length });
      if (range) t.expect(pages >= range[0] && pages <= range[1], `/school/${rel} prints on ${pages} A4 pages, expected ${range[0]} to ${range[1]}`);
      return pages;
    }

    async function printChecks(rel) {
      for (const width of [A4_WIDTH, A4_TEXT_WIDTH]) {
        t.at(`${rel}: nothing cut off in print at ${width}px`);
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width, height: A4_HEIGHT });
        const o = await page.evaluate(overflowFacts);
        t.expect(!o.problems.length, () => `/school/${rel} in print at ${o.width}px${width === A4_TEXT_WIDTH ? ' (A4 minus the 2 cm margins)' : ''}: ${o.problems.length} element(s) stick out (${o.inner} innermost, listed first): ${o.problems.slice(0, 6).join('; ')}${o.problems.length > 6 ? ' …' : ''}`);
      }
      t.at(`${rel}: page breaks in print`);
      const f = await page.evaluate(printFacts);
      t.expect(f.headings > 0 && !f.headingsNoAvoid.length, () => `/school/${rel}: ${f.headingsNoAvoid.length} of ${f.headings} h2/h3 without break-after: avoid: ${f.headingsNoAvoid.slice(0, 5).join('; ')}`);
      t.expect(f.lis > 0 && !f.lisNoAvoid.length, () => `/school/${rel}: ${f.lisNoAvoid.length} of ${f.lis} li without break-inside: avoid: ${f.lisNoAvoid.slice(0, 5).join('; ')}`);
      t.expect(!f.navs.length, () => `/school/${rel}: navigation visible in print: ${f.navs.join('; ')}`);
      return f;
    }

    // The whole protocol.
    await render(PROTOCOL_NL, 'protocol-nl', PROTOCOL_PAGES);
    t.at(`${PROTOCOL_NL}: the title page`);
    let f = await page.evaluate(printFacts);
    t.must(f.titlePage, 'no title page (.print-title-page) on the whole protocol');
    t.expect(!f.titlePage.visible, 'the title page (for paper) is visible on screen');
    await page.emulateMedia({ media: 'print' });
    f = await printChecks(PROTOCOL_NL);
    const { version } = siteVersion(site.dir, env.repo);
    t.expect(f.titlePage.visible, 'the title page is not visible in print');
    t.expect(f.titlePage.breakAfter === 'page' || f.titlePage.pageBreakAfter === 'always', `the title page has no page break after it: break-after "${f.titlePage.breakAfter}", page-break-after "${f.titlePage.pageBreakAfter}"`);
    t.expect(f.titlePage.isFirst, `the title page is not the first thing on paper; the first visible text is ${f.titlePage.firstText}`);
    t.expect(!version || f.titlePage.text.includes(version), `the title page does not name version ${version}: "${clip(f.titlePage.text, 120)}"`);
    t.expect(f.toc && f.toc.visible, 'the table of contents is not visible in print');
    if (f.toc) {
      t.expect(f.toc.links.length >= f.sections && f.sections > 0, `the table of contents has ${f.toc.links.length} links for ${f.sections} articles`);
      t.expect(!f.toc.missing.length, `table of contents links to missing ids: ${f.toc.missing.join(', ')}`);
    }

    // The leaflet of one audience.
    await render(LEAFLET, 'leaflet-leerlingen', LEAFLET_PAGES);
    t.at(`${LEAFLET}: the leaflet's title page`);
    f = await page.evaluate(printFacts);
    t.must(f.titlePage, `no print-only title page (.print-title-page) on /school/${LEAFLET}`);
    t.expect(!f.titlePage.visible, 'the leaflet title page (for paper) is visible on screen');
    f = await printChecks(LEAFLET);
    t.expect(f.titlePage.visible, 'the leaflet title page is not visible in print');
    t.expect(f.titlePage.isFirst, `the leaflet title page is not the first thing on paper; the first visible text is ${f.titlePage.firstText}`);
    t.expect(f.titlePage.text.includes(LEAFLET_AUDIENCE), `the leaflet title page does not name the audience "${LEAFLET_AUDIENCE}": "${clip(f.titlePage.text, 120)}"`);

    // Page counts only, for the record.
    for (const [rel, name] of [[PROTOCOL_EN, 'protocol-en'], ...OTHER_LEAFLETS.map((l) => [l, `leaflet-${l.split('/')[1]}`])]) {
      await render(rel, name, null);
    }
  });

  return { results, files, pdf, index, fetched };
}

module.exports = { runCurrent, TESTS, pdfPageCount, indexSizes, kb };
