'use strict';
// The QTI 3.0 packages of every quiz of every example site, in every locale,
// played in Cito's QTI player (@citolab/qti-components, a dev dependency,
// served from loopback with the items): every item answered right and wrong
// by clicking choices or dragging order items, as a student would; its
// response processing run by the player; the score checked (1 right, 0
// wrong, partial credit for `multiple` as docs/qti.md states). And the round
// trip: Cito's converter (citolab-qti-convert, from PyPI) turns every package
// into QTI 2.1 without an error. Called from interactions.js; see README.md.
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');
const { discoverSites, buildSite } = require('./sites');

const PLAYER = path.dirname(require.resolve('@citolab/qti-components/package.json'));

// ------------------------------------------------------------------ zip files

/** The files of a zip (stored or deflated), by name, from its central directory. */
function unzip(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Every `*-qti3.zip` under `dir`, as paths relative to it. */
function packagesIn(dir, rel = '') {
  const found = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = path.join(rel, e.name);
    if (e.isDirectory()) found.push(...packagesIn(dir, p));
    else if (e.name.endsWith('-qti3.zip')) found.push(p);
  }
  return found.sort();
}

// --------------------------------------------------------------- the server

/** Serves the player at /player/ and the unzipped packages at /pkg/<n>/ on loopback. */
function serve(packages) {
  const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>QTI player</title>'
    + '<link rel="stylesheet" href="/player/dist/item.css">'
    + '<script type="module">import * as qti from "/player/cdn/index.js"; window.qti = qti; window.qtiReady = true;</script>'
    + '</head><body><main id="stage"></main></body></html>';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let body = null;
    let type = 'application/octet-stream';
    if (url.pathname === '/') { body = page; type = 'text/html; charset=utf-8'; }
    const player = url.pathname.match(/^\/player\/((?:cdn|dist)\/[\w.-]+)$/);
    if (player && fs.existsSync(path.join(PLAYER, player[1]))) {
      body = fs.readFileSync(path.join(PLAYER, player[1]));
      type = player[1].endsWith('.css') ? 'text/css' : 'text/javascript';
    }
    const item = url.pathname.match(/^\/pkg\/(\d+)\/(.+)$/);
    if (item && packages[+item[1]] && packages[+item[1]].files.has(item[2])) {
      body = packages[+item[1]].files.get(item[2]);
      type = 'application/xml';
    }
    res.writeHead(body === null ? 404 : 200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body === null ? 'not found' : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------- in the player's page

/** Loads an item into the stage and says what it asks (self-contained). */
async function loadItem(url) {
  const stage = document.getElementById('stage');
  stage.replaceChildren(await window.qti.getItemByUri(url));
  const item = stage.querySelector('qti-assessment-item');
  await item.updateComplete;
  const interaction = item.querySelector('qti-choice-interaction, qti-order-interaction');
  await interaction.updateComplete;
  // The correct response as the file states it (the player keeps its own copy).
  const source = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
  const declaration = source.querySelector('qti-response-declaration[identifier="RESPONSE"]');
  return {
    identifier: item.getAttribute('identifier'),
    kind: interaction.localName,
    cardinality: declaration.getAttribute('cardinality'),
    correct: [...declaration.querySelectorAll('qti-correct-response qti-value')].map((v) => v.textContent.trim()),
    choices: [...interaction.querySelectorAll('qti-simple-choice')].map((c) => c.getAttribute('identifier')),
  };
}

/** Runs the item's response processing; its RESPONSE and SCORE (self-contained). */
function processItem() {
  const item = document.querySelector('#stage qti-assessment-item');
  item.processResponse();
  const value = (id) => (item.variables.find((v) => v.identifier === id) || {}).value;
  const shown = [...item.querySelectorAll('qti-modal-feedback')].filter((f) => f.shadowRoot
    ? getComputedStyle(f).display !== 'none' && f.checkVisibility() : false).map((f) => f.getAttribute('identifier'));
  return { response: value('RESPONSE'), score: Number(value('SCORE')), shown };
}

// ------------------------------------------------------------------ answers

/** The answers to try on an item, each with the score the docs promise. */
function answersFor(info) {
  const wrong = info.choices.filter((c) => !info.correct.includes(c));
  if (info.kind === 'qti-order-interaction') {
    return [
      { name: 'right', order: info.correct, score: 1 },
      { name: 'wrong', order: [...info.correct].reverse(), score: 0 },
    ];
  }
  const answers = [{ name: 'right', pick: info.correct, score: 1 }];
  if (wrong.length) answers.push({ name: 'wrong', pick: [wrong[0]], score: 0 });
  if (info.cardinality === 'multiple') {
    const k = info.correct.length;
    if (k >= 2) answers.push({ name: 'partial: one right', pick: [info.correct[0]], score: 1 / k });
    if (wrong.length) answers.push({ name: 'partial: all right and one wrong', pick: [...info.correct, wrong[0]], score: (k - 1) / k });
  }
  return answers;
}

/** Gives `answer` by clicking the choices, or dragging order items to their places. */
async function answer(page, info, given) {
  if (given.pick) {
    for (const id of given.pick) await page.locator(`#stage qti-simple-choice[identifier="${id}"]`).click();
    return;
  }
  for (const [place, id] of given.order.entries()) {
    const choice = page.locator(`#stage qti-order-interaction qti-simple-choice[identifier="${id}"]`).first();
    const target = page.locator(`#stage qti-order-interaction drop-list[identifier="droplist${place}"]`);
    await target.scrollIntoViewIfNeeded();
    await choice.scrollIntoViewIfNeeded();
    const from = await choice.boundingBox();
    const to = await target.boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    // Lifting the last item out of its list moves the places: aim again.
    const again = await target.boundingBox();
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
}

// -------------------------------------------------------------------- tests

/** Builds every example site and reads its packages: [{site, path, files}]. */
function builtPackages(env) {
  const packages = [];
  for (const site of discoverSites(env.repo)) {
    const build = buildSite(env.bin, site);
    if (!build.ok) throw new Error(`build of ${site.name} failed: ${build.stderr || build.error}`);
    for (const rel of packagesIn(build.out)) {
      packages.push({ site: site.name, path: rel, zip: path.join(build.out, rel), files: unzip(fs.readFileSync(path.join(build.out, rel))) });
    }
  }
  return packages;
}

/** Every item of every package in the player, answered right and wrong. Returns the counts. */
async function playerTest(t, env, packages) {
  const server = await serve(packages);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const counts = { packages: packages.length, items: 0, kinds: {}, scores: 0 };
  try {
    const ctx = await t.context({ viewport: { width: 1600, height: 1400 } }, origin);
    const page = await t.newPage(ctx);
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.qtiReady === true);
    for (const [n, pkg] of packages.entries()) {
      const items = [...pkg.files.keys()].filter((f) => f.startsWith('items/'));
      t.expect(items.length > 0, `${pkg.site} ${pkg.path}: no items`);
      for (const file of items) {
        const url = `${origin}/pkg/${n}/${file}`;
        t.at(`${pkg.site} ${pkg.path} ${file}`);
        const info = await page.evaluate(loadItem, url);
        const kind = info.kind === 'qti-order-interaction' ? 'order' : `choice (${info.cardinality}, ${info.choices.length} choices)`;
        counts.kinds[kind] = (counts.kinds[kind] || 0) + 1;
        counts.items++;
        if (counts.items === 1) await t.shot(page, 'qti-player-item', false);
        for (const given of answersFor(info)) {
          await page.evaluate(loadItem, url);
          await answer(page, info, given);
          if (info.kind === 'qti-order-interaction' && n === 0 && given.name === 'right') await t.shot(page, 'qti-player-order', false);
          const result = await page.evaluate(processItem);
          counts.scores++;
          // The player keeps SCORE to three decimals (1/3 is 0.333).
          t.expect(Math.abs(result.score - given.score) < 0.0006,
            `${pkg.site} ${info.identifier} ${given.name} (${JSON.stringify(given.pick || given.order)}): SCORE ${result.score}, expected ${given.score}; RESPONSE ${JSON.stringify(result.response)}`);
        }
      }
    }
  } finally {
    server.close();
  }
  return counts;
}

/** Every package through `qti-convert downgrade` (QTI 3.0 to 2.1). Returns the count converted. */
function convertTest(t, packages) {
  let tool = process.env.QTI_CONVERT || '';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-qti-convert-'));
  try {
    if (!tool) {
      t.at('install citolab-qti-convert from PyPI into a virtual environment');
      const venv = path.join(tmp, 'venv');
      const made = spawnSync('python3', ['-m', 'venv', venv], { encoding: 'utf8' });
      t.must(made.status === 0, `python3 -m venv failed: ${made.error || made.stderr}`);
      const pip = spawnSync(path.join(venv, 'bin', 'pip'), ['install', '-q', 'citolab-qti-convert==0.2.0'], { encoding: 'utf8', timeout: 180000 });
      t.must(pip.status === 0, `pip install citolab-qti-convert failed: ${pip.error || pip.stderr}`);
      tool = path.join(venv, 'bin', 'qti-convert');
    }
    let converted = 0;
    for (const pkg of packages) {
      t.at(`qti-convert downgrade ${pkg.site} ${pkg.path}`);
      const out = path.join(tmp, `${converted}.zip`);
      const r = spawnSync(tool, ['downgrade', pkg.zip, out], { encoding: 'utf8', timeout: 60000 });
      const said = `${r.stdout || ''}${r.stderr || ''}`.trim();
      if (!t.expect(r.status === 0 && fs.existsSync(out), `${pkg.site} ${pkg.path}: exit ${r.status}: ${said || r.error}`)) continue;
      t.expect(!said, `${pkg.site} ${pkg.path}: the converter warns: ${said.slice(0, 300)}`);
      const files = unzip(fs.readFileSync(out));
      const items = [...files.keys()].filter((f) => f.startsWith('items/'));
      t.expect(items.length === [...pkg.files.keys()].filter((f) => f.startsWith('items/')).length, `${pkg.site} ${pkg.path}: ${items.length} items after converting`);
      const v21 = items.every((f) => files.get(f).toString('utf8').includes('http://www.imsglobal.org/xsd/imsqti_v2p1'));
      t.expect(v21, `${pkg.site} ${pkg.path}: not every converted item is in the QTI 2.1 namespace`);
      converted++;
    }
    return converted;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { builtPackages, playerTest, convertTest, unzip };
