'use strict';
// Attack payloads in a real browser. Builds a site with every payload of
// tests/fixtures/payloads/payloads.txt that leidraad accepts (the refused
// ones are errors with a place, checked by tests/html_payloads.rs), serves it
// on loopback and loads its pages with and without JavaScript: no payload may
// run script (each would set window.__pwned) and no request may leave the
// origin. The Content-Security-Policy of the pages is bypassed, so that what
// is tested is the content guard itself, not the policy behind it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { startServer } = require('./server');

const CATEGORY = 'payloads';
/** Lines of an article before its payload, as in tests/html_payloads.rs. */
const HEADER = (name, order) => `---\nid: ${name}\ntitle: ${name}\naudiences: [all]\norder: ${order}\n---\n1. Regel een.\n\n`;

/** The payloads of the shared file: { name, expect ('ok' or 'error ...'), text }. */
function readPayloads(repo) {
  const text = fs.readFileSync(path.join(repo, 'tests', 'fixtures', 'payloads', 'payloads.txt'), 'utf8');
  const payloads = [];
  for (const line of text.split('\n')) {
    const head = line.match(/^=== (\S+) \| (.*)$/);
    if (head) payloads.push({ name: head[1], expect: head[2], lines: [] });
    else if (payloads.length) payloads[payloads.length - 1].lines.push(line);
  }
  return payloads.map((p) => {
    // Blank lines and comments between payloads belong to none.
    let end = p.lines.length;
    while (end > 0 && (p.lines[end - 1] === '' || p.lines[end - 1].startsWith('# '))) end--;
    return { name: p.name, expect: p.expect, text: p.lines.slice(0, end).join('\n') + '\n' };
  });
}

function copyTree(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/** The minimal fixture site, the payload site's files, an article per payload. */
function writeSite(repo, payloads) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-payloads-'));
  copyTree(path.join(repo, 'tests', 'fixtures', 'minimal'), dir);
  copyTree(path.join(repo, 'tests', 'fixtures', 'payloads', 'site'), dir);
  payloads.forEach((p, i) => {
    fs.writeFileSync(path.join(dir, 'content', 'nl', 'protocol', `${p.name}.md`), HEADER(p.name, 100 + i) + p.text);
  });
  return dir;
}

/** What one loaded page shows of the payloads. */
function inspectPage() {
  const found = [];
  if (window.__pwned) found.push(`script ran: window.__pwned = ${String(window.__pwned)}`);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>: an event handler`);
    }
  }
  for (const a of document.querySelectorAll('.prose a[href]')) {
    if (!['http:', 'https:', 'mailto:', 'tel:'].includes(a.protocol)) found.push(`<a href="${a.getAttribute('href')}">: ${a.protocol} link`);
  }
  for (const el of document.querySelectorAll('.prose script, .prose iframe, .prose object, .prose embed, .prose svg, .prose math, .prose form, .prose style')) {
    found.push(`<${el.localName}> in content`);
  }
  return found;
}

/** Loads `url` in a fresh context; returns the problems found. */
async function visit(browser, url, origin, javaScriptEnabled, pageTimeout) {
  const problems = [];
  const ctx = await browser.newContext({ javaScriptEnabled, bypassCSP: true });
  try {
    await ctx.route((u) => new URL(u.href).origin !== origin && !/^(data|blob|about):/.test(u.href), (route) => {
      problems.push(`request left the origin: ${route.request().resourceType()} ${route.request().url()}`);
      return route.abort('blockedbyclient');
    });
    const page = await ctx.newPage();
    page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss().catch(() => {}); });
    const response = await page.goto(url, { waitUntil: 'load', timeout: pageTimeout });
    if (!response || response.status() !== 200) problems.push(`HTTP ${response ? response.status() : 'no response'}`);
    // Handlers of images that fail, animations and refreshes need a moment.
    await page.waitForTimeout(300);
    if (page.url() !== url) problems.push(`the page navigated to ${page.url()}`);
    problems.push(...(await page.evaluate(inspectPage)));
  } catch (e) {
    problems.push(`could not check the page: ${String(e.message).split('\n')[0]}`);
  } finally {
    await ctx.close().catch(() => {});
  }
  return problems;
}

/**
 * Builds, serves and checks the accepted payloads. `record(site, page,
 * category, details)` takes one result per page and mode, as in run.js.
 */
async function runPayloads(browser, bin, { repo, record, pageTimeout = 15000 }) {
  const accepted = readPayloads(repo).filter((p) => p.expect === 'ok');
  const site = writeSite(repo, accepted);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-payloads-out-'));
  const out = path.join(outDir, 'site');
  const failures = [];
  let srv = null;
  try {
    const build = spawnSync(bin, ['build', '--root', site, '--out', out], { encoding: 'utf8', timeout: 120000 });
    const buildProblems = build.status === 0 ? [] : [`leidraad build exited ${build.status}`, ...String(build.stderr).trim().split('\n').slice(0, 20)];
    record('payloads', '(build)', CATEGORY, buildProblems);
    if (buildProblems.length) return { accepted: accepted.length, failures: buildProblems };
    srv = await startServer(out);
    const pages = [...accepted.map((p) => `nl/protocol/${p.name}/`), 'nl/protocol/', 'nl/leerlingen/', 'en/protocol/'];
    for (const page of pages) {
      for (const js of [true, false]) {
        const problems = await visit(browser, srv.base + page, srv.origin, js, pageTimeout);
        const label = `${page}${js ? '' : ' (no JS)'}`;
        record('payloads', label, CATEGORY, problems);
        failures.push(...problems.map((p) => `${label}: ${p}`));
      }
    }
    console.log(`  payloads: ${accepted.length} accepted payloads on ${pages.length} pages, with and without JS: ${failures.length ? `${failures.length} problems` : 'no script ran, no request left the origin'}`);
    for (const f of failures) console.log(`    ${f}`);
    return { accepted: accepted.length, pages: pages.length, failures };
  } finally {
    if (srv) await srv.close();
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

module.exports = { runPayloads, readPayloads, CATEGORY };
