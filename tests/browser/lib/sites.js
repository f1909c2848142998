'use strict';
// Finding the example sites, building them, and reading the few site.yaml
// facts the screenshots need.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

/** The repository root, plus every examples/<name>/ that has a site.yaml. */
function discoverSites(repo) {
  const sites = [];
  if (fs.existsSync(path.join(repo, 'site.yaml'))) sites.push({ name: 'root', dir: repo });
  const examples = path.join(repo, 'examples');
  if (fs.existsSync(examples)) {
    for (const entry of fs.readdirSync(examples, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && fs.existsSync(path.join(examples, entry.name, 'site.yaml'))) {
        const dir = path.join(examples, entry.name);
        const schools = schoolIds(dir);
        // A board's own site: every page of it is also a page of each
        // school's site, which is crawled in full below; of the board's own
        // only the home pages (the school chooser) are its alone.
        sites.push({ name: entry.name, dir, homesOnly: schools.length > 0 });
        // A board's schools: each school's site as its web editor deploys
        // it (`build --school ID`), crawled as a site of its own.
        for (const school of schools) sites.push({ name: `${entry.name}-${school}`, dir, school });
      }
    }
  }
  return sites;
}

/** The ids under `schools:` of a site.yaml (a board's), in order. */
function schoolIds(dir) {
  let text = '';
  try { text = fs.readFileSync(path.join(dir, 'site.yaml'), 'utf8'); } catch (_) { return []; }
  const list = text.split(/^schools:\s*$/m)[1];
  if (!list) return [];
  const ids = [];
  for (const line of list.split('\n')) {
    if (/^\S/.test(line)) break;
    const m = line.match(/^\s*-\s*id:\s*["']?([a-z0-9-]+)["']?\s*$/);
    if (m) ids.push(m[1]);
  }
  return ids;
}

/** Builds a site into a fresh temporary folder. */
function buildSite(bin, site) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `leidraad-browser-${site.name}-`));
  const started = Date.now();
  const args = ['build', '--root', site.dir, '--out', out, ...(site.school ? ['--school', site.school] : [])];
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 120000 });
  return {
    out,
    ok: r.status === 0 && !r.error,
    status: r.status,
    error: r.error ? String(r.error) : '',
    stdout: r.stdout || '',
    stderr: r.stderr || '',
    ms: Date.now() - started,
  };
}

/**
 * A minimal reading of site.yaml: default_locale, the locales (written as a
 * `[nl, en]` list) and the protocol section's slug per locale. Only for picking screenshot pages; the crawl itself needs
 * none of it.
 */
function siteFacts(dir) {
  let text = '';
  try { text = fs.readFileSync(path.join(dir, 'site.yaml'), 'utf8'); } catch (_) { /* none */ }
  const facts = { defaultLocale: 'nl', protocolSlug: {}, locales: [] };
  const dl = text.match(/^default_locale:\s*["']?([A-Za-z-]+)["']?\s*$/m);
  if (dl) facts.defaultLocale = dl[1];
  const ls = text.match(/^locales:\s*\[([^\]]*)\]/m);
  facts.locales = ls ? ls[1].split(',').map((l) => l.trim().replace(/["']/g, '')).filter(Boolean) : [facts.defaultLocale];
  const sections = text.split(/^sections:\s*$/m)[1];
  if (sections) {
    const inline = sections.match(/^\s+protocol:\s*\{([^}]*)\}/m);
    if (inline) {
      for (const pair of inline[1].split(',')) {
        const m = pair.match(/^\s*([A-Za-z-]+)\s*:\s*["']?([^"'\s]+)["']?\s*$/);
        if (m) facts.protocolSlug[m[1]] = m[2];
      }
    } else {
      const block = sections.match(/^(\s+)protocol:\s*\n((?:\1\s+[A-Za-z-]+:.*\n)+)/m);
      if (block) {
        for (const line of block[2].split('\n')) {
          const m = line.match(/^\s+([A-Za-z-]+)\s*:\s*["']?([^"'\s]+)["']?\s*$/);
          if (m) facts.protocolSlug[m[1]] = m[2];
        }
      }
    }
  }
  return facts;
}

/** Newest modification time under the given folders (for a stale-binary warning). */
function newestMtime(dirs) {
  let newest = 0;
  const walk = (d) => {
    let entries;
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch (_) { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        try { newest = Math.max(newest, fs.statSync(p).mtimeMs); } catch (_) { /* gone */ }
      }
    }
  };
  dirs.forEach(walk);
  return newest;
}

module.exports = { discoverSites, buildSite, siteFacts, newestMtime };
