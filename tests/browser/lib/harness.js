'use strict';
// The harness shared by the interaction tests and the search/onboarding/PDF
// tests: a test object `t` with steps, failures and its own contexts and
// pages (which reach only the loopback server), and a runner that bounds
// each test in time, closes what it opened and records the result.

const fs = require('fs');
const path = require('path');

/** Thrown to end a test at a failed precondition; its message is the failure. */
class Stop extends Error {}

/**
 * env: the suite's environment (browser, srv, site, clip, withTimeout, ...).
 * label: the word printed before each test name ("interaction", "current").
 * ignoreFavicon: Chromium asks for /favicon.ico by itself when a page names
 * no icon; with this set, that console error is not a failure.
 */
function createHarness(env, { label, width, ignoreFavicon = false }) {
  const { browser, srv, site, clip, withTimeout } = env;
  const T = env.pageTimeout;
  const limit = Math.max(60000, T * 4);
  const files = [];
  const results = [];
  const short = (u) => env.shortUrl(u, srv.origin);

  function makeT(name) {
    const t = { name, details: [], step: '', pages: [], contexts: [], page: '', requests: [] };
    t.at = (s) => { t.step = s; };
    t.fail = (msg) => { t.details.push(`${t.step ? `[${t.step}] ` : ''}${msg}`); };
    t.expect = (cond, msg) => { if (!cond) t.fail(typeof msg === 'function' ? msg() : msg); return !!cond; };
    t.must = (cond, msg) => { if (!cond) throw new Stop(typeof msg === 'function' ? msg() : msg); };
    /**
     * A new context that cannot reach anything but the loopback server.
     * Every request of its pages (and workers) is kept in t.requests.
     */
    t.context = async (opts, origin = srv.origin) => {
      const ctx = await browser.newContext(Object.assign({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' }, opts));
      t.contexts.push(ctx);
      await env.blockOutside(ctx, origin);
      ctx.on('request', (r) => t.requests.push({ method: r.method(), url: r.url(), type: r.resourceType() }));
      return ctx;
    };
    /** A new page that reports uncaught errors and console errors as failures. */
    t.newPage = async (ctx, { consoleErrors = true } = {}) => {
      const page = await ctx.newPage();
      t.pages.push(page);
      page.setDefaultTimeout(T);
      page.setDefaultNavigationTimeout(T);
      page.on('pageerror', (err) => t.fail(`uncaught error in the page: ${clip(err.message, 300)}`));
      if (consoleErrors) {
        page.on('console', (msg) => {
          if (msg.type() !== 'error') return;
          const loc = msg.location() || {};
          if (ignoreFavicon && loc.url && new URL(loc.url, srv.origin).pathname === '/favicon.ico') return;
          t.fail(`console error: ${clip(msg.text(), 300)}${ignoreFavicon && loc.url ? ` (${short(loc.url)})` : ''}`);
        });
      }
      return page;
    };
    /** Requests that are not a GET/HEAD to the loopback server under /school/. */
    t.badRequests = () => t.requests.filter((r) => {
      if (/^(data|blob|about):/i.test(r.url)) return false;
      if (!env.isLocal(r.url, srv.origin)) return true;
      if (!new URL(r.url).pathname.startsWith('/school/')) return true;
      return !['GET', 'HEAD'].includes(r.method) || ['ping', 'eventsource', 'websocket'].includes(r.type);
    }).map((r) => `${r.method} ${r.type} ${short(r.url)}`);
    t.shot = async (page, name, fullPage = true) => {
      const file = path.join(env.screenshots, `${site.name}-${name}.png`);
      try {
        fs.mkdirSync(env.screenshots, { recursive: true });
        await page.evaluate(() => document.fonts.ready.then(() => true));
        await page.screenshot({ path: file, fullPage, animations: 'disabled' });
        files.push(file);
      } catch (e) {
        t.fail(`screenshot ${path.basename(file)}: ${clip(e.message.split('\n')[0], 200)}`);
      }
    };
    return t;
  }

  async function run(name, where, fn) {
    // ONLY_TESTS=quiz-projector,print-answer-key: just those (while developing one).
    if (process.env.ONLY_TESTS && !process.env.ONLY_TESTS.split(',').includes(name)) return;
    const t = makeT(name);
    t.page = where;
    const t0 = Date.now();
    try {
      await withTimeout(fn(t), limit, `${name}`);
    } catch (e) {
      const msg = e instanceof Stop ? e.message : clip(e.message.split('\n').slice(0, 3).join(' '), 400);
      t.details.push(`stopped${t.step ? ` at step "${t.step}"` : ''}: ${msg}`);
    } finally {
      for (const p of t.pages) await p.close().catch(() => {});
      for (const c of t.contexts) await c.close().catch(() => {});
    }
    const secs = (Date.now() - t0) / 1000;
    const details = [...new Set(t.details)];
    env.record(site.name, t.page, name, details);
    results.push({ name, ok: details.length === 0, details, secs });
    console.log(`  [${site.name}] ${label} ${name.padEnd(width)} ${details.length ? 'FAILED' : 'ok    '} ${secs.toFixed(1)}s`);
    for (const d of details.slice(0, 12)) console.log(`      ${d}`);
    if (details.length > 12) console.log(`      … ${details.length - 12} more, see FAILURES`);
  }

  return { run, files, results, limit, T, short };
}

module.exports = { createHarness, Stop };
