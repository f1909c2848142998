#!/usr/bin/env node
'use strict';
// Real-browser test suite of leidraad: builds every example site, serves it
// from a sub-folder on loopback, crawls it in headless Chromium and checks
// every page. See README.md. Ends with the line `N passed, M failed`.
const fs = require('fs');
const path = require('path');

const RUN_STARTED = Date.now();
const HERE = __dirname;
const REPO = path.resolve(HERE, '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const BIN = process.env.LEIDRAAD_BIN || path.join(REPO, 'target', 'release', 'leidraad');
const SCREENSHOTS = path.join(HERE, 'screenshots');
const MAX_PAGES = Number(process.env.MAX_PAGES || 2000);
const PAGE_TIMEOUT = Number(process.env.PAGE_TIMEOUT_MS || 15000);
const PAGE_BUDGET = PAGE_TIMEOUT * 4; // all checks of one page together
const CONCURRENCY = Math.max(1, Number(process.env.CONCURRENCY || 2));
const LINE_LIMIT = 90; // characters; the design aims at about 80
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_DARK_RULES = ['color-contrast', 'link-in-text-block'];
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// One test per check category per page.
const CATEGORIES = [
  'axe', 'axe-dark', 'external-requests', 'cookies', 'console-errors', 'csp', 'failed-requests',
  'links', 'no-js', 'mobile-width', 'line-length', 'print',
];

function fatal(msg) {
  console.error(`\nERROR: ${msg}\n`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ---------------------------------------------------------------- preflight
if (!fs.existsSync(CHROMIUM)) {
  fatal(`Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM=/path/to/chromium.`);
}
if (!fs.existsSync(BIN)) {
  fatal(`release binary not found at ${BIN}. Run \`cargo build --release\` in ${REPO} first.`);
}
let playwright, AXE_PATH;
try {
  playwright = require('playwright-core');
  AXE_PATH = require.resolve('axe-core');
} catch (e) {
  fatal(`node modules missing (${e.message.split('\n')[0]}). Run \`npm ci\` in ${HERE}.`);
}
const { startServer, PREFIX } = require('./lib/server');
const { discoverSites, buildSite, siteFacts, newestMtime } = require('./lib/sites');
const inpage = require('./lib/inpage');
const interactions = require('./lib/interactions');
const current = require('./lib/current');
const phone = require('./lib/phone');
const payloads = require('./lib/payloads');
const scenarioCards = require('./lib/scenarios');
// INTERACTIONS_ONLY=1: only the root site's interaction tests (both modules), no crawl.
// CURRENT_ONLY=1: only the tests of lib/current.js (search, reading path, acknowledgement, PDF).
const CURRENT_ONLY = !!process.env.CURRENT_ONLY;
// SCENARIOS_ONLY=1: only the tests of lib/scenarios.js (scenario cards on every example).
const SCENARIOS_ONLY = !!process.env.SCENARIOS_ONLY;
// SITES=name,name: only these sites (root, an example's folder name, or
// <example>-<school-id> for a school of a board example).
const ONLY_SITES = process.env.SITES ? process.env.SITES.split(',').map((s) => s.trim()) : null;
const INTERACTIONS_ONLY = !!process.env.INTERACTIONS_ONLY || CURRENT_ONLY || SCENARIOS_ONLY;

// ------------------------------------------------------------------ helpers
const results = []; // { site, page, category, ok, details: [] }
const notes = []; // worth knowing, not failures

function record(site, page, category, details) {
  results.push({ site, page, category, ok: details.length === 0, details });
}

function stripHash(u) {
  const x = new URL(u);
  x.hash = '';
  return x.href;
}

function isLocal(u, origin) {
  if (/^(data|blob|about):/i.test(u)) return true; // never leaves the browser
  try { return new URL(u).origin === origin; } catch (_) { return false; }
}

/** Path shown in reports: /school/nl/ rather than the full URL. */
function shortUrl(u, origin) {
  return u.startsWith(origin) ? u.slice(origin.length) : u;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

function looksLikePage(u) {
  const p = new URL(u).pathname;
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base === '' || /\.html?$/i.test(base) || !base.includes('.');
}

function clip(s, n = 200) {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** Listens to everything a page does on the network and console. */
function monitor(page, rec, origin, tag) {
  page.on('request', (req) => {
    const u = req.url();
    if (!isLocal(u, origin)) rec.external.push(`${tag}${req.resourceType()} ${u}`);
  });
  page.on('requestfailed', (req) => {
    rec.failed.push(`${tag}${req.method()} ${shortUrl(req.url(), origin)}: ${req.failure()?.errorText || 'failed'}`);
  });
  page.on('response', (resp) => {
    if (resp.status() >= 400) {
      rec.failed.push(`${tag}${resp.request().method()} ${shortUrl(resp.url(), origin)}: HTTP ${resp.status()}`);
    }
    rec.pending.push(resp.headerValue('set-cookie').then((v) => {
      if (v) rec.setCookies.push(`${tag}${shortUrl(resp.url(), origin)}: Set-Cookie: ${v}`);
    }).catch(() => {}));
  });
  page.on('console', (msg) => {
    // Chromium reports what the Content-Security-Policy blocked on the
    // console, with or without JavaScript.
    if (/Content Security Policy/i.test(msg.text())) rec.csp.push(`${tag}${clip(msg.text(), 300)}`);
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc && loc.url ? ` (${shortUrl(loc.url, origin)}:${loc.lineNumber})` : '';
    rec.console.push(`${tag}${clip(msg.text(), 300)}${where}`);
  });
  page.on('pageerror', (err) => rec.console.push(`${tag}uncaught: ${clip(err.message, 300)}`));
}

async function blockOutside(ctx, origin) {
  // Nothing may leave loopback: requests to other origins are recorded (by
  // monitor) and aborted here so they cannot hang or reach anything.
  await ctx.route((url) => !isLocal(url.href, origin), (route) => route.abort('blockedbyclient'));
}

/**
 * page.evaluate that survives a navigation of the page itself (a meta
 * refresh or a script redirect): waits for the new document and tries again.
 */
async function evaluate(page, fn, arg) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(fn, arg);
    } catch (e) {
      if (attempt >= 3 || !/context was destroyed|navigat/i.test(e.message)) throw e;
      await page.waitForLoadState('load').catch(() => {});
    }
  }
}

async function settle(page) {
  try { await evaluate(page, inpage.settle); } catch (_) { /* page gone */ }
}

async function injectAxe(page) {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy
  // refuses an injected <script> tag, and that refusal would count as a violation.
  await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
}

/** Records every `securitypolicyviolation` of the context's pages from their first moment. */
async function listenForViolations(ctx) {
  await ctx.addInitScript(() => {
    window.__leidraadViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__leidraadViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`);
    });
  });
}

/** The policy a page carries, and what it blocked so far (with JavaScript on). */
async function policyFacts(page) {
  return evaluate(page, () => ({
    meta: !!document.querySelector('head > meta[http-equiv="Content-Security-Policy" i]'),
    violations: window.__leidraadViolations || [],
  }));
}

async function runAxe(page, options) {
  return page.evaluate(async (opts) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, Object.assign({ resultTypes: ['violations'] }, opts));
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, options);
}

function axeDetails(violations) {
  const out = [];
  for (const v of violations) {
    out.push(`${v.id} (${v.impact}): ${v.help} [${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}] ${v.helpUrl}`);
    for (const n of v.nodes) {
      out.push(`    target: ${n.target}`);
      out.push(`      html: ${clip(n.html, 240)}`);
      if (n.summary) out.push(`       why: ${clip(n.summary.replace(/^Fix (any|all) of the following:\s*/i, ''), 240)}`);
    }
  }
  return out;
}

// ------------------------------------------------------------ page visiting
function newRecord(url) {
  return {
    url, status: 0, isHtml: false, lang: '', links: [], ids: [], finalUrl: url,
    external: [], failed: [], console: [], csp: [], setCookies: [], cookies: [], pending: [],
    checks: {}, // category -> details[]
    notes: [], // worth knowing, not failures
    longestLine: 0,
    contexts: [],
    error: '',
  };
}

async function visitPage(browser, origin, url) {
  const rec = newRecord(url);
  try {
    await withTimeout(checkPage(browser, origin, url, rec), PAGE_BUDGET, `checking ${shortUrl(url, origin)}`);
  } catch (e) {
    rec.error = rec.error || clip(e.message, 300);
  } finally {
    for (const c of rec.contexts) await c.close().catch(() => {});
    await Promise.all(rec.pending);
  }
  return rec;
}

async function checkPage(browser, origin, url, rec) {
  // --- JavaScript on, 1280x800
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  rec.contexts.push(ctx);
  await blockOutside(ctx, origin);
  await listenForViolations(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  page.setDefaultNavigationTimeout(PAGE_TIMEOUT);
  monitor(page, rec, origin, '');
  let resp;
  try {
    resp = await page.goto(url, { waitUntil: 'load' });
  } catch (e) {
    rec.error = `could not load: ${clip(e.message.split('\n')[0], 200)}`;
    return;
  }
  if (!resp) { rec.error = 'no response'; return; }
  rec.status = resp.status();
  const type = (await resp.headerValue('content-type')) || '';
  rec.isHtml = /text\/html|application\/xhtml/i.test(type);
  // Not a page of the site (a 404 from a broken link, or not HTML): the
  // referring page's link check reports it; nothing more to check here.
  if (!rec.isHtml || rec.status !== 200) return;
  await followRefresh(page, url);
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
  rec.finalUrl = stripHash(page.url());

  const facts = await evaluate(page, inpage.pageFacts);
  rec.lang = facts.lang;
  rec.links = facts.links;
  rec.ids = facts.ids;

  // same-page fragments, live
  const here = rec.finalUrl;
  const samePage = [];
  for (const l of facts.links) {
    try {
      const u = new URL(l.href);
      if (u.hash && stripHash(u.href) === here) samePage.push(l);
    } catch (_) { /* reported with the links */ }
  }
  const frags = samePage.map((l) => decodeURIComponent(new URL(l.href).hash.slice(1)));
  const missing = new Set(await evaluate(page, inpage.missingFragments, frags));
  rec.samePageMissing = samePage.filter((l, i) => missing.has(frags[i]));

  // axe, light
  await injectAxe(page);
  rec.checks.axe = axeDetails(await runAxe(page, { runOnly: { type: 'tag', values: AXE_TAGS } }));

  // axe, dark colour scheme (contrast only)
  await page.emulateMedia({ colorScheme: 'dark' });
  await settle(page);
  rec.checks['axe-dark'] = axeDetails(await runAxe(page, { runOnly: { type: 'rule', values: AXE_DARK_RULES } }));
  await page.emulateMedia({ colorScheme: 'light' });
  await settle(page);

  // line length at 1280
  const ll = await evaluate(page, inpage.lineLengths, LINE_LIMIT);
  rec.longestLine = ll.longest;
  rec.checks['line-length'] = ll.long.map((x) =>
    `${x.chars} chars on a line (box ${x.widthPx}px ≈ ${x.capacity} chars of ${x.font}): ${x.selector} "${x.text}"`);

  // print
  await page.emulateMedia({ media: 'print' });
  await settle(page);
  const pf = await evaluate(page, inpage.printFacts);
  const printProblems = [];
  for (const n of pf.navs) {
    if (!n.visible) continue;
    const what = `nav visible in print: label="${n.label}" class="${n.cls}": ${n.html}`;
    // Site navigation (header, language switch, main menu, footer) must not
    // print. A nav inside main is content (a table of contents, the language
    // choice page's list): noted, not failed.
    if (n.inMain) rec.notes.push(`print: ${what} (inside main)`);
    else printProblems.push(what);
  }
  if (!pf.main) printProblems.push('no <main> in print');
  else if (!pf.main.visible || pf.main.text === 0) printProblems.push(`main not visible with text in print (visible=${pf.main.visible}, text=${pf.main.text})`);
  rec.checks.print = printProblems;
  await page.emulateMedia({ media: 'screen' });

  // 360x740: no horizontal scrolling
  await page.setViewportSize({ width: 360, height: 740 });
  await settle(page);
  const of = await evaluate(page, inpage.overflowFacts);
  rec.checks['mobile-width'] = [
    ...(of.scrollWidth <= 360 ? [] : [
      `scrollWidth ${of.scrollWidth}px > 360px`,
      ...of.culprits.map((c) => `    sticks out to ${c.right}px (width ${c.width}px): ${c.selector}: ${c.html}`),
    ]),
    ...of.small.map((a) => `the link "${a.text}" is ${Math.round(a.height)}px high, under the 44px a finger needs`),
  ];

  rec.cookies.push(...(await ctx.cookies()).map((c) => `cookie ${c.name}=${clip(c.value, 40)} (domain ${c.domain})`));
  // Light, dark, print and phone width all seen: what did the policy block?
  const policy = await policyFacts(page);
  if (!policy.meta) rec.csp.push('no <meta http-equiv="Content-Security-Policy"> in the head');
  rec.csp.push(...policy.violations);
  await page.close();

  // --- JavaScript off
  const nojs = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
  rec.contexts.push(nojs);
  await blockOutside(nojs, origin);
  const p2 = await nojs.newPage();
  p2.setDefaultTimeout(PAGE_TIMEOUT);
  p2.setDefaultNavigationTimeout(PAGE_TIMEOUT);
  monitor(p2, rec, origin, 'no-JS: ');
  const noJsProblems = [];
  try {
    const r2 = await p2.goto(url, { waitUntil: 'load' });
    if (!r2 || r2.status() !== 200) noJsProblems.push(`status ${r2 ? r2.status() : 'none'}`);
    await followRefresh(p2, url);
    await p2.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
    const nf = await evaluate(p2, inpage.noJsFacts);
    if (!nf.hasMain) noJsProblems.push('no <main> without JavaScript');
    else if (!nf.visible || nf.text === 0) noJsProblems.push(`main shows no text without JavaScript (visible=${nf.visible}, text=${nf.text})`);
  } catch (e) {
    noJsProblems.push(`could not load without JavaScript: ${clip(e.message.split('\n')[0], 200)}`);
  }
  rec.checks['no-js'] = noJsProblems;
  rec.cookies.push(...(await nojs.cookies()).map((c) => `no-JS: cookie ${c.name}=${clip(c.value, 40)} (domain ${c.domain})`));
}

/**
 * A page that refreshes to another at once (the site root leads to the home
 * page): wait until the browser is there, so the checks see that page.
 */
async function followRefresh(page, url) {
  const refresh = await page.evaluate(() => {
    const m = document.querySelector('meta[http-equiv="refresh" i]');
    return m ? m.getAttribute('content') : null;
  }).catch(() => 'navigating'); // the refresh has begun already
  if (!refresh) return;
  await page.waitForURL((u) => stripHash(u.href) !== stripHash(url), { waitUntil: 'load', timeout: PAGE_TIMEOUT }).catch(() => {});
}

/**
 * The root address lands on the home page of the default locale: one
 * request for the root, then at most one more document (the refresh), with
 * JavaScript and without.
 */
async function checkRoot(browser, site, srv) {
  const facts = siteFacts(site.dir);
  const home = new URL(`${facts.defaultLocale}/`, srv.base).href;
  const problems = [];
  for (const js of [true, false]) {
    const ctx = await browser.newContext({ javaScriptEnabled: js });
    try {
      await blockOutside(ctx, srv.origin);
      const page = await ctx.newPage();
      const documents = [];
      page.on('request', (r) => { if (r.resourceType() === 'document') documents.push(r.url()); });
      await page.goto(srv.base, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
      await page.waitForURL(home, { waitUntil: 'load', timeout: PAGE_TIMEOUT }).catch(() => {});
      const where = js ? '' : ' (without JavaScript)';
      if (stripHash(page.url()) !== home) problems.push(`${shortUrl(srv.base, srv.origin)} ends at ${shortUrl(page.url(), srv.origin)}${where}, expected the home page ${shortUrl(home, srv.origin)}`);
      if (documents.length > 2) problems.push(`${documents.length} documents on the way to the home page${where}: ${documents.map((u) => shortUrl(u, srv.origin)).join(' → ')}`);
    } catch (e) {
      problems.push(`opening the root: ${clip(e.message, 200)}`);
    } finally {
      await ctx.close().catch(() => {});
    }
  }
  return problems;
}

/** A link target that is not a page (a PDF, an image): fetched, not crawled. */
async function checkAsset(api, url) {
  try {
    const r = await api.get(url, { timeout: PAGE_TIMEOUT, maxRedirects: 5 });
    const setCookie = r.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
    await r.dispose();
    return { status: r.status(), setCookie };
  } catch (e) {
    return { status: 0, error: clip(e.message, 200), setCookie: [] };
  }
}

// -------------------------------------------------------------------- crawl
async function crawl(browser, api, site, srv) {
  const { origin, base } = srv;
  const pages = new Map(); // url (no hash) -> record
  const assets = new Map(); // url -> {status}
  const queue = [base];
  const seen = new Set([base]);
  let boundHit = false;
  let active = 0;
  let visited = 0;

  // A board's own site (lib/sites.js): the root and the locale homes are
  // crawled; its other pages only fetched, for the status of the links.
  const crawled = (u) => !site.homesOnly || /^([^/]+\/)?$/.test(u.slice(base.length));
  const enqueue = (u) => {
    if (seen.has(u)) return;
    if (seen.size >= MAX_PAGES) { boundHit = true; return; }
    seen.add(u);
    queue.push(u);
  };

  const work = async (url) => {
    if (!looksLikePage(url) || !crawled(url)) {
      assets.set(url, await checkAsset(api, url));
      return;
    }
    const t0 = Date.now();
    const rec = await visitPage(browser, origin, url);
    pages.set(url, rec);
    visited++;
    if (rec.finalUrl !== url) {
      if (!pages.has(rec.finalUrl)) pages.set(rec.finalUrl, rec);
      seen.add(rec.finalUrl);
    }
    for (const l of rec.links) {
      let u;
      try { u = new URL(l.href); } catch (_) { continue; }
      if (u.origin !== origin || !u.pathname.startsWith(PREFIX)) continue;
      enqueue(stripHash(u.href));
    }
    const failedCats = CATEGORIES.filter((c) => rec.checks[c] && rec.checks[c].length);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`  [${site.name}] ${String(rec.status || 'ERR').padEnd(3)} ${shortUrl(url, origin)}${rec.lang ? ` (${rec.lang})` : ''} ${secs}s${rec.error ? ` ERROR ${rec.error}` : ''}${failedCats.length ? ` — issues: ${failedCats.join(', ')}` : ''}`);
  };

  await new Promise((resolve) => {
    const pump = () => {
      while (active < CONCURRENCY && queue.length) {
        const url = queue.shift();
        active++;
        work(url)
          .catch((e) => console.log(`  [${site.name}] crawler error at ${url}: ${e.message}`))
          .finally(() => { active--; pump(); });
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
  return { pages, assets, boundHit, visited };
}

// ----------------------------------------------------------- evaluate site
function evaluateSite(site, srv, crawlResult) {
  const { origin } = srv;
  const { pages, assets } = crawlResult;
  const stats = { byLocale: {}, pages: 0, externalLinks: 0, longest: { chars: 0, page: '' } };
  const done = new Set();
  for (const [key, rec] of pages) {
    if (done.has(rec)) continue; // redirect aliases share a record
    done.add(rec);
    const where = shortUrl(key, origin);
    if (!rec.error && (!rec.isHtml || rec.status !== 200)) {
      // a link target that is not a working page: one test, its status
      record(site.name, where, 'failed-requests', rec.status === 200 ? [] : [`HTTP ${rec.status} (linked from a page; see links)`]);
      continue;
    }
    stats.pages++;
    const lang = rec.lang || '(no lang)';
    stats.byLocale[lang] = (stats.byLocale[lang] || 0) + 1;
    if (rec.longestLine > stats.longest.chars) stats.longest = { chars: rec.longestLine, page: where };
    for (const n of rec.notes) notes.push(`[${site.name}] ${where}: ${n}`);

    const notChecked = rec.error ? [`not checked: ${rec.error}`] : null;
    const failed = [...rec.failed];
    if (rec.status && rec.status !== 200) failed.unshift(`page itself: HTTP ${rec.status}`);
    if (rec.error && !rec.status) failed.unshift(`page itself: ${rec.error}`);

    // links
    const broken = [];
    for (const l of rec.links) {
      const label = `"${l.raw}" (${l.text || 'no text'}; ${l.selector})`;
      let u;
      try { u = new URL(l.href); } catch (_) { broken.push(`${label}: not a URL`); continue; }
      if (u.protocol === 'javascript:') { broken.push(`${label}: javascript: link`); continue; }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue; // mailto:, tel:
      if (u.origin !== origin) { stats.externalLinks++; continue; }
      if (!u.pathname.startsWith(PREFIX)) { broken.push(`${label}: goes to ${u.pathname}, outside the site's folder ${PREFIX}`); continue; }
      const target = stripHash(u.href);
      const t = pages.get(target);
      const a = assets.get(target);
      const status = t ? t.status : a ? a.status : 'not crawled';
      if (status !== 200) { broken.push(`${label}: target ${shortUrl(target, origin)} gave ${status}`); continue; }
      if (u.hash && t && t !== rec) {
        const frag = decodeURIComponent(u.hash.slice(1));
        if (frag !== '' && frag.toLowerCase() !== 'top' && !t.ids.includes(frag)) {
          broken.push(`${label}: no element with id "${frag}" on ${shortUrl(target, origin)}`);
        }
      }
    }
    for (const l of rec.samePageMissing || []) {
      broken.push(`"${l.raw}" (${l.text || 'no text'}; ${l.selector}): no element with id "${decodeURIComponent(new URL(l.href).hash.slice(1))}" on this page`);
    }

    const cookieDetails = [...rec.cookies, ...rec.setCookies];
    const byCat = {
      'axe': notChecked || rec.checks.axe,
      'axe-dark': notChecked || rec.checks['axe-dark'],
      'external-requests': [...new Set(rec.external)],
      'cookies': cookieDetails,
      'console-errors': rec.console,
      'csp': [...new Set(rec.csp)],
      'failed-requests': [...new Set(failed)],
      'links': notChecked || broken,
      'no-js': notChecked || rec.checks['no-js'],
      'mobile-width': notChecked || rec.checks['mobile-width'],
      'line-length': notChecked || rec.checks['line-length'],
      'print': notChecked || rec.checks.print,
    };
    for (const c of CATEGORIES) record(site.name, where, c, byCat[c] || [`not checked: ${rec.error || 'page is not HTML'}`]);
  }
  for (const [u, a] of assets) {
    const d = [];
    if (a.status !== 200) d.push(`HTTP ${a.status}${a.error ? ` ${a.error}` : ''}`);
    record(site.name, shortUrl(u, origin), 'failed-requests', d);
    if (a.setCookie.length) record(site.name, shortUrl(u, origin), 'cookies', a.setCookie.map((c) => `Set-Cookie: ${c}`));
  }
  return stats;
}

// ---------------------------------------------------------------- not found
/** An unknown URL under the site answers 404 with the site's 404 page. */
async function checkNotFound(browser, api, site, srv) {
  const url = `${srv.base}no-such-page-${process.pid}/`;
  const problems = [];
  try {
    const r = await api.get(url, { timeout: PAGE_TIMEOUT });
    const body = await r.text();
    if (r.status() !== 404) problems.push(`${shortUrl(url, srv.origin)} gave ${r.status()}, expected 404`);
    if (!/<main[\s>]/i.test(body)) problems.push('the 404 page has no <main> (the build wrote no usable 404.html)');
    // The 404 page is served at any depth, so it can only use absolute paths
    // (the base_url's); from /school/ those do not resolve. Worth knowing.
    const abs = [...body.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]).filter((h) => !h.startsWith(PREFIX));
    if (abs.length) notes.push(`the 404 page uses root-absolute paths from base_url (${[...new Set(abs)].slice(0, 3).join(', ')}${abs.length > 3 ? ', …' : ''}); correct when deployed at base_url, unresolvable in this sub-folder test`);
    await r.dispose();
    // Every locale of the site speaks on it, marked with its language, and axe finds nothing.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await blockOutside(ctx, srv.origin);
      const page = await ctx.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
      const langs = await page.evaluate(() => [document.documentElement.lang, ...[...document.querySelectorAll('main [lang]')].map((e) => e.lang)]);
      const want = siteFacts(site.dir).locales;
      const missing = want.filter((l) => !langs.includes(l));
      if (missing.length) problems.push(`the 404 page has no text in ${missing.join(', ')} (it has ${langs.join(', ')})`);
      await injectAxe(page);
      const axe = axeDetails(await runAxe(page, { runOnly: { type: 'tag', values: AXE_TAGS } }));
      problems.push(...axe.map((a) => `axe on the 404 page: ${a}`));
    } finally {
      await ctx.close().catch(() => {});
    }
  } catch (e) {
    problems.push(`fetching ${shortUrl(url, srv.origin)}: ${clip(e.message, 200)}`);
  }
  return problems;
}

// -------------------------------------------------------------- screenshots
async function screenshots(browser, site, srv, crawlResult) {
  const { origin, base } = srv;
  const facts = siteFacts(site.dir);
  const problems = [];
  const files = [];
  const home = new URL(`${facts.defaultLocale}/`, base).href;
  const homeRec = crawlResult.pages.get(home);
  if (!homeRec || homeRec.status !== 200) {
    return { problems: [`home ${shortUrl(home, origin)} was not crawled with status 200`], files };
  }
  const slug = facts.protocolSlug[facts.defaultLocale] || 'protocol';
  const protocol = new URL(`${slug}/`, home).href;

  // The first audience link on the home page.
  let audience = null;
  {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await blockOutside(ctx, origin);
      const page = await ctx.newPage();
      await page.goto(home, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
      audience = await page.evaluate(() => {
        const a = document.querySelector('main .audience-choice a[href], main [class*="audience"] a[href]');
        return a ? a.href : null;
      });
    } catch (e) {
      problems.push(`finding the audience link: ${clip(e.message, 200)}`);
    } finally {
      await ctx.close().catch(() => {});
    }
  }
  if (!audience) {
    // fallback: the first link in main to a crawled page one level below home
    for (const l of homeRec.links) {
      try {
        const t = stripHash(l.href);
        if (t.startsWith(home) && t !== home && t !== protocol && /^[^/]+\/$/.test(t.slice(home.length)) && crawlResult.pages.has(t)) { audience = t; break; }
      } catch (_) { /* skip */ }
    }
  }
  const targets = [['home', home], ['protocol', protocol]];
  if (audience) targets.splice(1, 0, ['audience', stripHash(audience)]);
  else problems.push('no audience link found on the home page');

  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [360, 1280]) {
    for (const scheme of ['light', 'dark']) {
      const ctx = await browser.newContext({ viewport: { width, height: width === 360 ? 740 : 800 }, colorScheme: scheme });
      try {
        await blockOutside(ctx, origin);
        const page = await ctx.newPage();
        page.setDefaultTimeout(PAGE_TIMEOUT * 2);
        for (const [name, url] of targets) {
          const file = path.join(SCREENSHOTS, `${site.name}-${name}-${width}-${scheme}.png`);
          try {
            const r = await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
            if (!r || r.status() !== 200) throw new Error(`status ${r ? r.status() : 'none'}`);
            await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
            await page.evaluate(() => document.fonts.ready.then(() => true));
            await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
            files.push(file);
          } catch (e) {
            problems.push(`${name} ${shortUrl(url, origin)} at ${width}px ${scheme}: ${clip(e.message.split('\n')[0], 200)}`);
          }
        }
        if (width === 1280 && scheme === 'light') {
          // how the whole protocol looks on paper (print styles)
          const file = path.join(SCREENSHOTS, `${site.name}-protocol-print.png`);
          try {
            await page.goto(protocol, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
            await page.emulateMedia({ media: 'print' });
            await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
            await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
            files.push(file);
          } catch (e) {
            problems.push(`protocol print view: ${clip(e.message.split('\n')[0], 200)}`);
          }
        }
      } finally {
        await ctx.close().catch(() => {});
      }
    }
  }
  return { problems, files };
}

// ------------------------------------------------------------- interactions
async function runSiteInteractions(browser, site, srv) {
  const t0 = Date.now();
  console.log(`  interaction tests (${interactions.TESTS.length}):`);
  const ir = await interactions.runInteractions({
    browser, srv, site, repo: REPO, bin: BIN, screenshots: SCREENSHOTS, pageTimeout: PAGE_TIMEOUT,
    record, blockOutside, isLocal, shortUrl, clip, withTimeout,
  });
  ir.secs = (Date.now() - t0) / 1000;
  console.log(`  interactions: ${ir.results.filter((r) => r.ok).length} of ${ir.results.length} passed in ${ir.secs.toFixed(1)} s; ${ir.files.length} screenshots`);
  return ir;
}

/** The quiz on a phone, with and without JavaScript, per locale (lib/phone.js). */
async function runSitePhone(browser, site, srv, out) {
  const t0 = Date.now();
  console.log(`  quiz on a phone (${phone.TESTS.length} per locale):`);
  const pr = await phone.runPhone({
    browser, srv, site, repo: REPO, out, screenshots: SCREENSHOTS, pageTimeout: PAGE_TIMEOUT,
    record, blockOutside, isLocal, shortUrl, clip, withTimeout, injectAxe, runAxe, axeDetails, listenForViolations,
  });
  pr.secs = (Date.now() - t0) / 1000;
  console.log(`  phone: ${pr.results.filter((r) => r.ok).length} of ${pr.results.length} passed in ${pr.secs.toFixed(1)} s; ${pr.files.length} screenshots`);
  return pr;
}

/** Search, the reading path, the acknowledgement and the PDFs (lib/current.js). */
async function runSiteCurrent(browser, site, srv, out) {
  const t0 = Date.now();
  console.log(`  search, reading path, acknowledgement and PDF tests (${current.TESTS.length}):`);
  const cr = await current.runCurrent({
    browser, srv, site, repo: REPO, bin: BIN, out, screenshots: SCREENSHOTS, pageTimeout: PAGE_TIMEOUT,
    record, note: (n) => notes.push(n), blockOutside, isLocal, shortUrl, clip, withTimeout,
  });
  cr.secs = (Date.now() - t0) / 1000;
  console.log(`  current: ${cr.results.filter((r) => r.ok).length} of ${cr.results.length} passed in ${cr.secs.toFixed(1)} s; PDF pages: ${cr.pdf.map((p) => `${p.name.split(' ')[0]} ${p.pages}`).join(', ') || 'none'}`);
  return cr;
}

/** Scenario cards without JS, with the trail, and as a printed deck (lib/scenarios.js). */
async function runSiteScenarioCards(browser, site, srv) {
  const t0 = Date.now();
  console.log(`  scenario card tests (${scenarioCards.TESTS.length} in each of nl, en):`);
  const r = await scenarioCards.runScenarioCards({
    browser, srv, site, repo: REPO, screenshots: SCREENSHOTS, pageTimeout: PAGE_TIMEOUT,
    record, blockOutside, isLocal, shortUrl, clip, withTimeout,
  });
  r.secs = (Date.now() - t0) / 1000;
  console.log(`  scenario cards: ${r.results.filter((x) => x.ok).length} of ${r.results.length} passed in ${r.secs.toFixed(1)} s; PDF pages: ${r.pdf.map((p) => `${p.name} ${p.pages}`).join(', ')}`);
  return r;
}

// --------------------------------------------------------------------- main
async function main() {
  // PREBUILT_OUT=/folder tests an already built site instead (for checking
  // the checks themselves, or a site built elsewhere); nothing is built.
  const sites = process.env.PREBUILT_OUT
    ? [{ name: 'prebuilt', dir: path.resolve(process.env.PREBUILT_OUT), prebuilt: true }]
    : discoverSites(REPO).filter((s) => (!CURRENT_ONLY || s.name === 'root') && (!ONLY_SITES || ONLY_SITES.includes(s.name)));
  // With PREBUILT_OUT, INTERACTIONS_ONLY takes the folder for a build of the root site.
  if (!sites.length) fatal(`no site.yaml at ${REPO} nor in ${path.join(REPO, 'examples')}/*/`);

  const newestSource = newestMtime(['src', 'themes', 'locales'].map((d) => path.join(REPO, d)));
  if (!process.env.PREBUILT_OUT && newestSource > fs.statSync(BIN).mtimeMs) {
    console.log(`WARNING: ${BIN} is older than the sources; run \`cargo build --release\` to test the current code.`);
  }
  // old screenshots would mislead
  if (fs.existsSync(SCREENSHOTS)) {
    for (const f of fs.readdirSync(SCREENSHOTS)) if (f.endsWith('.png') || f.endsWith('.pdf')) fs.rmSync(path.join(SCREENSHOTS, f));
  }

  console.log(`leidraad browser tests: ${sites.length} site(s): ${sites.map((s) => s.name).join(', ')}`);
  console.log(`chromium: ${CHROMIUM}; binary: ${BIN}; concurrency ${CONCURRENCY}`);

  const summary = [];
  let browser = null;
  let api = null;
  try {
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    api = await playwright.request.newContext();
    console.log(`browser: Chromium ${browser.version()}`);
    for (const site of sites) {
      const t0 = Date.now();
      console.log(`\n== site ${site.name} (${site.dir})`);
      const build = site.prebuilt
        ? { ok: true, out: site.dir, ms: 0, stdout: `prebuilt site in ${site.dir}`, stderr: '' }
        : buildSite(BIN, site);
      const buildDetails = build.ok ? [] : [
        `leidraad build exited ${build.status}${build.error ? ` (${build.error})` : ''}`,
        ...build.stderr.trim().split('\n').slice(0, 40).map((l) => `    ${l}`),
      ];
      record(site.name, '(build)', 'build', buildDetails);
      console.log(`  build: ${build.ok ? 'ok' : 'FAILED'} in ${build.ms} ms: ${clip(build.stdout || build.stderr, 200)}`);
      if (!build.ok) {
        summary.push({ site: site.name, failedBuild: true });
        fs.rmSync(build.out, { recursive: true, force: true });
        continue;
      }
      let srv = null;
      try {
        srv = await startServer(build.out);
        console.log(`  serving ${build.out} at ${srv.base}`);
        if (INTERACTIONS_ONLY) {
          // The root site (or PREBUILT_OUT) gets every interaction test; the
          // other examples the phone quiz and scenario card tests, which need
          // no known content.
          const all = site.name === 'root' || site.prebuilt;
          const ir = CURRENT_ONLY || SCENARIOS_ONLY || !all ? null : await runSiteInteractions(browser, site, srv);
          const ph = CURRENT_ONLY || SCENARIOS_ONLY ? null : await runSitePhone(browser, site, srv, build.out);
          const cur = all && !SCENARIOS_ONLY ? await runSiteCurrent(browser, site, srv, build.out) : null;
          const sc = CURRENT_ONLY ? null : await runSiteScenarioCards(browser, site, srv);
          summary.push({ site: site.name, interactionsOnly: true, interactions: ir, phone: ph, current: cur, scenarioCards: sc, secs: (Date.now() - t0) / 1000 });
          continue;
        }
        const cr = await crawl(browser, api, site, srv);
        record(site.name, '(crawl)', 'crawl', [
          ...(cr.boundHit ? [`crawl stopped at the bound of ${MAX_PAGES} pages`] : []),
          ...([...cr.pages.values()].some((r) => r.isHtml && r.status === 200) ? [] : [`no working page found from ${srv.base}`]),
        ]);
        const stats = evaluateSite(site, srv, cr);
        record(site.name, '(not found)', 'not-found', await checkNotFound(browser, api, site, srv));
        record(site.name, '(root)', 'root', await checkRoot(browser, site, srv));
        const shots = await screenshots(browser, site, srv, cr);
        record(site.name, '(screenshots)', 'screenshots', shots.problems);
        console.log(`  screenshots: ${shots.files.length} in ${path.relative(process.cwd(), SCREENSHOTS) || '.'}`);
        // How a person uses the quiz, the scenario cards, print and live
        // reload: only for the root site, whose content the tests know.
        const ir = site.name === 'root' ? await runSiteInteractions(browser, site, srv) : null;
        // A board's own quizzes and cards are its schools' too, tested there.
        const ph = site.homesOnly ? null : await runSitePhone(browser, site, srv, build.out);
        const cur = site.name === 'root' ? await runSiteCurrent(browser, site, srv, build.out) : null;
        const sc = site.homesOnly ? null : await runSiteScenarioCards(browser, site, srv);
        const outside = srv.log.filter((l) => !l.url.startsWith(PREFIX));
        summary.push({ site: site.name, homesOnly: site.homesOnly, stats, assets: cr.assets.size, secs: (Date.now() - t0) / 1000, outside: outside.length, interactions: ir, phone: ph, current: cur, scenarioCards: sc });
      } finally {
        if (srv) await srv.close();
        if (site.prebuilt) { /* not ours to delete */ } else if (!process.env.KEEP_OUT) fs.rmSync(build.out, { recursive: true, force: true });
        else console.log(`  kept build output in ${build.out}`);
      }
    }
    if (!process.env.PREBUILT_OUT && !INTERACTIONS_ONLY) await payloads.runPayloads(browser, BIN, { repo: REPO, record, pageTimeout: PAGE_TIMEOUT });
  } finally {
    if (api) await api.dispose().catch(() => {});
    if (browser) await browser.close().catch(() => {});
  }
  report(summary);
}

function report(summary) {
  const failures = results.filter((r) => !r.ok);
  const cats = ['build', 'crawl', 'not-found', 'root', ...CATEGORIES, 'screenshots', ...interactions.TESTS, ...phone.TESTS, ...current.TESTS, ...scenarioCards.TESTS];
  cats.push(payloads.CATEGORY);
  if (failures.length) {
    console.log('\n==================== FAILURES ====================');
    for (const c of cats) {
      const fs_ = failures.filter((r) => r.category === c);
      if (!fs_.length) continue;
      console.log(`\n--- ${c}: ${fs_.length} failing`);
      for (const f of fs_) {
        console.log(`  [${f.site}] ${f.page}`);
        for (const d of f.details) console.log(`    ${d}`);
      }
    }
  }

  const count = (cat, fn) => results.filter((r) => r.category === cat).reduce((n, r) => n + fn(r), 0);
  const lines = (cat) => count(cat, (r) => r.details.filter((d) => !d.startsWith('    ') && !d.startsWith('not checked')).length);
  const axeNodes = (cat) => count(cat, (r) => r.details.filter((d) => d.startsWith('    target:')).length);
  const axeRules = (cat) => [...new Set(results.filter((r) => r.category === cat).flatMap((r) => r.details.filter((d) => !d.startsWith(' ') && !d.startsWith('not checked')).map((d) => d.split(' ')[0])))];

  if (notes.length) {
    console.log('\n==================== NOTES (not failures) ====================');
    for (const n of [...new Set(notes)]) console.log(`  ${n}`);
  }

  console.log('\n==================== SUMMARY ====================');
  for (const s of summary) {
    if (s.failedBuild) { console.log(`site ${s.site}: BUILD FAILED`); continue; }
    if (!s.interactionsOnly) {
      const loc = Object.entries(s.stats.byLocale).map(([k, v]) => `${k}: ${v}`).join(', ');
      console.log(`site ${s.site}: ${s.stats.pages} pages crawled${s.homesOnly ? ' (a board\'s own site: its home pages; its other pages are crawled as its schools\' pages)' : ''} (${loc}); ${s.assets} other link targets; ${s.stats.externalLinks} links to other sites (not followed); longest line ${s.stats.longest.chars} chars (${s.stats.longest.page}); ${s.secs.toFixed(1)} s`);
    }
    if (s.interactions) {
      const ir = s.interactions.results;
      const failed = ir.filter((r) => !r.ok).map((r) => r.name);
      console.log(`site ${s.site}: interaction tests ${ir.length - failed.length} of ${ir.length} passed (${ir.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} ${r.secs.toFixed(1)}s`).join(', ')}); ${s.interactions.secs.toFixed(1)} s`);
    }
    if (s.phone) {
      const pr = s.phone.results;
      console.log(`site ${s.site}: phone quiz tests ${pr.filter((r) => r.ok).length} of ${pr.length} passed; ${s.phone.secs.toFixed(1)} s`);
    }
    if (s.scenarioCards) {
      const sr = s.scenarioCards.results;
      const sf = sr.filter((r) => !r.ok);
      console.log(`site ${s.site}: scenario card tests ${sr.length - sf.length} of ${sr.length} passed (${sr.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} ${r.secs.toFixed(1)}s`).join(', ')}); printed deck PDF pages: ${s.scenarioCards.pdf.map((p) => `${p.name} ${p.pages}`).join(', ')}`);
    }
    if (s.current) {
      const c = s.current;
      const cf = c.results.filter((r) => !r.ok);
      console.log(`site ${s.site}: search/reading path/acknowledgement/PDF tests ${c.results.length - cf.length} of ${c.results.length} passed (${c.results.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} ${r.secs.toFixed(1)}s`).join(', ')}); ${c.secs.toFixed(1)} s`);
      if (c.pdf.length) console.log(`site ${s.site}: PDF pages (A4): ${c.pdf.map((p) => `${p.name} ${p.pages} (${current.kb(p.bytes)})`).join('; ')}`);
      const ix = c.index;
      if (ix && ix.exists) {
        const langs = Object.entries(ix.perLang).map(([l, v]) => `${l} ${current.kb(v.bytes)} in ${v.files} files`).join(', ');
        const top = ix.sharedList.slice(0, 4).map((f) => `${f.file} ${current.kb(f.size)}`).join(', ');
        console.log(`site ${s.site}: search index pagefind/: ${current.kb(ix.total)} in ${ix.files} files; per language: ${langs}; shared: ${current.kb(ix.shared)} in ${ix.sharedFiles} files (largest: ${top})`);
      } else if (ix) {
        console.log(`site ${s.site}: search index: no pagefind/ folder in the build`);
      }
      if (c.fetched && c.fetched.requests) console.log(`site ${s.site}: one search ("${c.fetched.query}" on the Dutch search page) fetched ${current.kb(c.fetched.bytes)} of the index in ${c.fetched.requests} requests`);
    }
  }
  const ar = axeRules('axe');
  const ard = axeRules('axe-dark');
  console.log(`axe violations (WCAG 2.1 A/AA): ${lines('axe')} on ${results.filter((r) => r.category === 'axe' && !r.ok).length} pages, ${axeNodes('axe')} nodes${ar.length ? `; rules: ${ar.join(', ')}` : ''}`);
  console.log(`axe violations in dark mode (contrast): ${lines('axe-dark')} on ${results.filter((r) => r.category === 'axe-dark' && !r.ok).length} pages, ${axeNodes('axe-dark')} nodes${ard.length ? `; rules: ${ard.join(', ')}` : ''}`);
  console.log(`external requests: ${lines('external-requests')}`);
  console.log(`cookies: ${lines('cookies')}`);
  console.log(`console errors: ${lines('console-errors')}`);
  console.log(`Content-Security-Policy violations (light, dark, print, phone; with and without JavaScript): ${lines('csp')}`);
  console.log(`failed requests: ${lines('failed-requests')}`);
  console.log(`broken links: ${lines('links')}`);
  console.log(`no-JS failures: ${results.filter((r) => r.category === 'no-js' && !r.ok).length} pages`);
  console.log(`horizontal scroll at 360px: ${results.filter((r) => r.category === 'mobile-width' && !r.ok).length} pages`);
  console.log(`lines over ${LINE_LIMIT} characters at 1280px: ${lines('line-length')} elements on ${results.filter((r) => r.category === 'line-length' && !r.ok).length} pages`);
  console.log(`print problems: ${results.filter((r) => r.category === 'print' && !r.ok).length} pages`);
  console.log(`run time: ${((Date.now() - RUN_STARTED) / 1000).toFixed(1)} s`);
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${failures.length} failed`);
  process.exitCode = failures.length || !results.length ? 1 : 0;
}

main().catch((e) => {
  console.error(`\nERROR: the suite itself failed: ${e && e.stack ? e.stack : e}`);
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed + 1} failed`);
  process.exit(1);
});
