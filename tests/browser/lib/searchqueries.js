'use strict';
// search-queries: the query sets of tests/search-queries/ (what readers of
// each example site type, with the article and rule that answers it) typed
// into the search page of every example site in Chromium. Counts how often
// the right article and the right rule anchor are among the first three
// results, and fails under the targets of issue 23. Called from current.js;
// see README.md and tests/search-queries/README.md.
const fs = require('fs');
const path = require('path');
const { discoverSites, buildSite, siteFacts } = require('./sites');
const { startServer } = require('./server');

const TOP = 3;
const ARTICLE_TARGET = 0.9;
const RULE_TARGET = 0.75;

/** `query | article#anchor article ...` lines; `#` at the start is a comment. */
function readQueries(file) {
  const queries = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const text = line.trim();
    if (!text || text.startsWith('#')) return;
    const bar = text.lastIndexOf('|');
    if (bar < 0) throw new Error(`${file}:${i + 1}: expected "query | answer", got "${text}"`);
    const answers = text.slice(bar + 1).trim().split(/\s+/).filter(Boolean).map((a) => {
      const [article, anchor = ''] = a.split('#');
      return { article, anchor };
    });
    if (!answers.length) throw new Error(`${file}:${i + 1}: no answer after "|"`);
    queries.push({ query: text.slice(0, bar).trim(), answers, line: i + 1 });
  });
  return queries;
}

/** Article id -> URL slug (the file name) in content/<lang>/protocol/. */
function articleSlugs(siteDir, lang) {
  const dir = path.join(siteDir, 'content', lang, 'protocol');
  const slugs = {};
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const front = fs.readFileSync(path.join(dir, name), 'utf8').split(/^---\s*$/m)[1] || '';
    const id = front.match(/^id:\s*["']?([\w-]+)["']?\s*$/m);
    slugs[id ? id[1] : name.slice(0, -3)] = name.slice(0, -3);
  }
  return slugs;
}

/** In the page: the search form, its status and the links of the results. */
function pageState() {
  const root = document.querySelector('[data-search]');
  const form = document.querySelector('[data-search-form]');
  return {
    ready: !!form && !form.hidden,
    searching: !!root && root.classList.contains('is-searching'),
    status: (document.querySelector('[data-search-status]') || {}).textContent || '',
    error: !!document.querySelector('[data-search-error]:not([hidden])'),
    links: [...document.querySelectorAll('[data-search-results] > li')].map((li) => {
      const a = li.querySelector('a[href]');
      return a ? { href: a.href, title: a.textContent.trim() } : { href: '', title: '' };
    }),
  };
}

/** Runs one query through the page's own form and returns the results shown. */
async function ask(page, query, timeout) {
  await page.evaluate((q) => {
    const input = document.querySelector('[data-search-input]');
    input.value = q;
    document.querySelector('[data-search-form]').requestSubmit();
  }, query);
  const until = Date.now() + timeout;
  for (;;) {
    const s = await page.evaluate(pageState);
    if (s.error) throw new Error(`the search page shows its error box for "${query}"`);
    if (!s.searching && s.status.includes(query)) return s.links;
    if (Date.now() > until) throw new Error(`no results shown for "${query}" within ${timeout / 1000} s (status "${s.status}")`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Whether a result link is the answer's article (and rule). */
function matches(href, answer, protocolPath, slugs) {
  const slug = slugs[answer.article];
  if (!slug || !href) return { article: false, rule: false };
  const u = new URL(href);
  const article = u.pathname.endsWith(`${protocolPath}${slug}/`);
  return { article, rule: article && !!answer.anchor && decodeURIComponent(u.hash.slice(1)) === answer.anchor };
}

/**
 * Every query set of every example site; returns the figures per set:
 * [{ set, queries, article, ruled, rule, misses }].
 */
async function searchQueriesTest(t, env) {
  const dir = path.join(env.repo, 'tests', 'search-queries');
  const figures = [];
  for (const site of discoverSites(env.repo)) {
    const sets = ['nl', 'en'].filter((lang) => fs.existsSync(path.join(dir, `${site.name}-${lang}.txt`)));
    if (!sets.length) continue;
    const build = buildSite(env.bin, site);
    try {
      t.must(build.ok, `building ${site.name} failed: ${env.clip(build.stderr, 300)}`);
      const srv = await startServer(build.out);
      try {
        for (const lang of sets) figures.push(await runSet(t, env, site, srv, lang, dir));
      } finally {
        await srv.close();
      }
    } finally {
      fs.rmSync(build.out, { recursive: true, force: true });
    }
  }
  t.must(figures.length > 0, `no query sets in ${dir}`);
  return figures;
}

async function runSet(t, env, site, srv, lang, dir) {
  const set = `${site.name}-${lang}`;
  t.at(set);
  const queries = readQueries(path.join(dir, `${set}.txt`));
  const slugs = articleSlugs(site.dir, lang);
  for (const q of queries) {
    for (const a of q.answers) t.must(slugs[a.article], `${set}.txt:${q.line}: no article with id "${a.article}" in ${site.name}/content/${lang}/protocol/`);
  }
  const protocolPath = `/${lang}/${siteFacts(site.dir).protocolSlug[lang] || 'protocol'}/`;
  const ctx = await t.context({}, srv.origin);
  const page = await t.newPage(ctx);
  await page.goto(`${srv.base}${lang}/`, { waitUntil: 'load' });
  const action = await page.evaluate(() => {
    const form = document.querySelector('form[role="search"]');
    return form ? form.action : '';
  });
  t.must(action, `/${lang}/ has no search form in its header`);
  await page.goto(action, { waitUntil: 'load' });
  await page.waitForFunction(() => { const f = document.querySelector('[data-search-form]'); return f && !f.hidden; });
  const fig = { set, queries: queries.length, article: 0, ruled: 0, rule: 0, misses: [] };
  for (const q of queries) {
    const links = (await ask(page, q.query, env.pageTimeout)).slice(0, TOP);
    const hits = links.map((l) => q.answers.map((a) => matches(l.href, a, protocolPath, slugs)));
    const article = hits.some((h) => h.some((m) => m.article));
    const ruled = q.answers.some((a) => a.anchor);
    const rule = hits.some((h) => h.some((m) => m.rule));
    if (article) fig.article += 1;
    if (ruled) fig.ruled += 1;
    if (rule) fig.rule += 1;
    if (!article || (ruled && !rule)) {
      const want = q.answers.map((a) => `${a.article}${a.anchor ? `#${a.anchor}` : ''}`).join(' or ');
      const got = links.map((l) => new URL(l.href).pathname.replace(/^\/school\//, '') + new URL(l.href).hash).join(', ') || 'nothing';
      fig.misses.push(`"${q.query}": want ${want}; top ${TOP}: ${got}`);
    }
  }
  // Closed before its server is: a late request (the icon) must not find it gone.
  await ctx.close();
  return fig;
}

const pct = (n, of) => (of ? (100 * n) / of : 100);

/** "root-nl: article 47/52 (90.4%), rule 40/49 (81.6%)". */
function describe(f) {
  return `${f.set}: article in top ${TOP} ${f.article}/${f.queries} (${pct(f.article, f.queries).toFixed(1)}%), rule in top ${TOP} ${f.rule}/${f.ruled} (${pct(f.rule, f.ruled).toFixed(1)}%)`;
}

/** Records a failure for every set under the targets. */
function judge(t, figures) {
  for (const f of figures) {
    t.expect(pct(f.article, f.queries) >= 100 * ARTICLE_TARGET && pct(f.rule, f.ruled) >= 100 * RULE_TARGET,
      () => `${describe(f)}; targets ${100 * ARTICLE_TARGET}% and ${100 * RULE_TARGET}%`);
  }
}

module.exports = { searchQueriesTest, describe, judge, readQueries };
