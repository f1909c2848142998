/*
 * leidraad: the search page (default theme).
 *
 * Without this script the search page says that search needs JavaScript
 * and links to the whole protocol. With it: the form searches as you type
 * (pagefind's index, loaded from this site only when the reader searches
 * for the first time), narrows the results to one audience, and keeps the
 * search in the address (?q=...&audience=...) so that it can be shared.
 *
 * A question in the reader's own words finds the rule that answers it: the
 * stop words of the page's language (data-stop-words, from the site's
 * messages) are left out, every other word is looked up on its own, and a
 * page is found when most of them match; pages with more of the words come
 * first, and rules before articles, glossary terms, scenario cards and
 * quizzes with the same words (see docs/themes.md).
 *
 * All words come from data-label-* attributes that search.html fills from
 * the site's messages, so this file speaks no language.
 */
(function () {
  'use strict';

  var root = document.querySelector('[data-search]');
  if (!root) return;

  var labels = root.dataset;
  var form = root.querySelector('[data-search-form]');
  var input = root.querySelector('[data-search-input]');
  var audience = root.querySelector('[data-search-audience]');
  var status = root.querySelector('[data-search-status]');
  var list = root.querySelector('[data-search-results]');
  var errorBox = root.querySelector('[data-search-error]');
  var noJs = root.querySelector('[data-search-no-js]');
  if (!form || !input || !status || !list) return;

  var MAX_RESULTS = 20;
  var DEBOUNCE_MS = 200;
  // How many of the best pages are read to rank them by kind.
  var RANKED = 40;
  // Pages with as many of the words: the protocol's rules and articles come
  // before glossary terms, scenario cards and quizzes; a rule before the
  // rest of its article at a like score.
  var KIND_TIER = { rule: 0, article: 0 };
  var KIND_WEIGHT = { rule: 1, article: 0.8 };
  // A word that finds nothing is tried as a compound of two words of at
  // least this many letters ("klassenapp": "klassen app").
  var COMPOUND_PART = 3;
  // Meta fields a query is not about (pagefind searches every field).
  var META_WEIGHTS = { title: 1, kind: 0, audiences: 0, rule: 0 };

  var stopWords = {};
  String(labels.stopWords || '').toLowerCase().split(/\s+/).forEach(function (w) {
    if (w) stopWords[w] = true;
  });

  /* "{count} resultaten voor ‘{query}’" with the values filled in. */
  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function countText(count, query) {
    var template = count === 0 ? labels.labelCountNone
      : count === 1 ? labels.labelCountOne : labels.labelCountOther;
    var text = fill(template, { count: count, query: query });
    if (count > MAX_RESULTS) text += ' ' + fill(labels.labelFirst, { shown: MAX_RESULTS });
    return text;
  }

  /* ------------------------------------------------------------ pagefind */

  // Absolute addresses: pagefind resolves its files against basePath and
  // puts baseUrl before every result's url. Both follow the page, so the
  // site works from any folder.
  var indexUrl = new URL(root.getAttribute('data-index-url') || 'pagefind/', document.baseURI).href;
  var siteRoot = new URL(root.getAttribute('data-root') || './', document.baseURI);
  var loading = null;

  function loadIndex() {
    if (!loading) {
      loading = import(indexUrl + 'pagefind.js').then(function (pagefind) {
        return pagefind.options({
          basePath: indexUrl,
          baseUrl: siteRoot.pathname,
          excerptLength: 24,
          ranking: { metaWeights: META_WEIGHTS },
        }).then(function () { return pagefind; });
      });
      loading.catch(function () { loading = null; }); // try again on the next search
    }
    return loading;
  }

  /* The words of a query that say what it is about: without the stop
     words (all of them when nothing else is left). */
  function termsOf(query) {
    var words = query.toLowerCase().split(/[\s.,;:!?()"\u201c\u201d]+/).map(function (w) {
      return w.replace(/^['\u2018\u2019]+|['\u2018\u2019]+$/g, '');
    }).filter(Boolean);
    var kept = words.filter(function (w) { return !stopWords[w]; });
    return kept.length ? kept : words;
  }

  /* Each word looked up on its own; a page counts when it has most of them
     (at least half), ranked by how many it has, then by pagefind's score. */
  function find(pagefind, query, options) {
    var terms = termsOf(query);
    return Promise.all(terms.map(function (term) { return searchWord(pagefind, term, options); }))
      .then(function (searches) {
        var pages = {};
        var found = [];
        searches.forEach(function (search) {
          ((search && search.results) || []).forEach(function (r) {
            var page = pages[r.id];
            if (!page) {
              page = pages[r.id] = { result: r, matched: 0, score: 0, order: found.length };
              found.push(page);
            }
            page.matched += 1;
            page.score += r.score;
          });
        });
        found.forEach(function (p) { p.rank = p.score * p.matched / terms.length; });
        found.sort(function (a, b) { return b.matched - a.matched || byRank(a, b); });
        return { need: Math.ceil(terms.length / 2), pages: found };
      });
  }

  /* One word's results; a word that finds nothing, as a compound: the
     pages that have both parts, for the first split that has any. */
  function searchWord(pagefind, term, options) {
    return pagefind.search(term, options).then(function (search) {
      var results = (search && search.results) || [];
      if (results.length || term.length < 2 * COMPOUND_PART) return { results: results };
      var splits = [];
      for (var at = COMPOUND_PART; at <= term.length - COMPOUND_PART; at++) splits.push(at);
      return Promise.all(splits.map(function (at) {
        return Promise.all([pagefind.search(term.slice(0, at), options), pagefind.search(term.slice(at), options)]);
      })).then(function (pairs) {
        for (var i = 0; i < pairs.length; i++) {
          var right = {};
          (pairs[i][1].results || []).forEach(function (r) { right[r.id] = r.score; });
          var both = (pairs[i][0].results || []).filter(function (r) { return r.id in right; });
          if (both.length) {
            return { results: both.map(function (r) { return { id: r.id, score: (r.score + right[r.id]) / 2, data: function () { return r.data(); } }; }) };
          }
        }
        return { results: [] };
      });
    });
  }

  function byRank(a, b) {
    return b.rank - a.rank || a.order - b.order;
  }

  /* A rule or article with one word fewer ties with another kind of page
     with that word more. */
  function byKind(a, b) {
    return (b.matched - b.tier) - (a.matched - a.tier) || a.tier - b.tier || byRank(a, b);
  }

  /* The best pages read and ranked again by their kind; those with fewer
     than most of the words left out (unless no page has most of them). */
  function rankByKind(found) {
    var best = found.pages.slice(0, RANKED);
    return Promise.all(best.map(function (p) { return p.result.data(); })).then(function (items) {
      best.forEach(function (p, i) {
        p.data = items[i];
        var kind = String((items[i].meta || {}).kind || '');
        p.tier = kind in KIND_TIER ? KIND_TIER[kind] : 1;
        p.rank *= kind in KIND_WEIGHT ? KIND_WEIGHT[kind] : 1;
      });
      var most = best.filter(function (p) { return p.matched + 1 - p.tier >= found.need; });
      var shown = most.length ? most : best;
      shown.sort(byKind);
      var more = found.pages.slice(RANKED).filter(function (p) { return p.matched >= found.need; }).length;
      return { total: shown.length + (most.length ? more : found.pages.length - best.length), items: shown.slice(0, MAX_RESULTS).map(function (p) { return p.data; }) };
    });
  }

  /* ------------------------------------------------------------- results */

  /* Pagefind's excerpt is escaped text with <mark> around the words found.
     Only text and <mark> are kept, whatever it holds. */
  function excerptNodes(html) {
    var template = document.createElement('template');
    template.innerHTML = String(html || '');
    var out = document.createDocumentFragment();
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      if (node.nodeType === 1 && node.localName === 'mark') {
        var mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  /* The address of a result: pagefind already put the site's folder before it. */
  function resultHref(url) {
    try {
      var u = new URL(url, siteRoot);
      return u.origin === window.location.origin ? u.pathname + u.search + u.hash : u.href;
    } catch (e) {
      return url;
    }
  }

  /* An article hit lands on its section: the last anchor (a rule's
     <li id="r9"> or a heading) at or before the first word found
     (docs/themes.md). Rules are pages of their own, with their anchor. */
  function ruleAnchor(data) {
    var first = data.locations && data.locations.length ? data.locations[0] : null;
    if (first === null || !Array.isArray(data.anchors)) return '';
    var best = null;
    data.anchors.forEach(function (a) {
      var element = a && String(a.element);
      var section = element === 'li' || /^h[2-6]$/.test(element);
      if (section && a.id && typeof a.location === 'number' && a.location <= first) {
        if (!best || a.location >= best.location) best = a;
      }
    });
    return best ? best.id : '';
  }

  function render(items) {
    list.textContent = '';
    items.forEach(function (data) {
      var meta = data.meta || {};
      var li = document.createElement('li');
      li.className = 'search-result';

      var heading = document.createElement('h2');
      heading.className = 'search-result-title';
      var link = document.createElement('a');
      var href = resultHref(data.url);
      var anchor = (data.meta || {}).kind === 'article' && href.indexOf('#') === -1 ? ruleAnchor(data) : '';
      link.href = anchor ? href + '#' + encodeURIComponent(anchor) : href;
      // A rule: "Regel 9d · 8-10 Op school/op het werk".
      link.textContent = meta.kind === 'rule' && meta.rule
        ? (labels.labelKindRule || '') + ' ' + meta.rule + ' \u00b7 ' + (meta.title || '')
        : meta.title || data.url;
      heading.appendChild(link);
      li.appendChild(heading);

      if (data.excerpt) {
        var excerpt = document.createElement('p');
        excerpt.className = 'search-result-excerpt';
        excerpt.appendChild(excerptNodes(data.excerpt));
        li.appendChild(excerpt);
      }

      // "Casus · Geldt voor: Leerlingen": the kind (when this theme knows it) and the audiences.
      var parts = [];
      var kind = String(meta.kind || '');
      var kindLabel = kind && labels['labelKind' + kind.charAt(0).toUpperCase() + kind.slice(1)];
      if (kindLabel) parts.push(kindLabel);
      var audiences = String(meta.audiences || '').split(/\s*,\s*/).filter(Boolean);
      if (audiences.length) parts.push(labels.labelAudiences + ': ' + audiences.join(', '));
      if (parts.length) {
        var note = document.createElement('p');
        note.className = 'search-result-meta';
        note.textContent = parts.join(' · ');
        li.appendChild(note);
      }
      list.appendChild(li);
    });
  }

  function setError(on) {
    if (errorBox) errorBox.hidden = !on;
  }

  /* ------------------------------------------------------------- search */

  var latest = 0; // only the newest search may show its results
  var timer = null;

  function currentQuery() {
    return input.value.trim();
  }

  function currentAudience() {
    return audience ? audience.value : '';
  }

  /* The search in the address, to share it or to come back to it. */
  function setAddress(query, who) {
    if (!window.history || !window.history.replaceState) return;
    var params = new URLSearchParams(window.location.search);
    if (query) params.set('q', query);
    else params.delete('q');
    if (who) params.set('audience', who);
    else params.delete('audience');
    var search = params.toString();
    try {
      window.history.replaceState(window.history.state, '', window.location.pathname + (search ? '?' + search : '') + window.location.hash);
    } catch (e) {
      /* a file: address may refuse; search still works */
    }
  }

  function run() {
    clearTimeout(timer);
    var query = currentQuery();
    var who = currentAudience();
    var id = ++latest;
    setAddress(query, who);
    setError(false);
    if (!query) {
      list.textContent = '';
      status.textContent = '';
      root.classList.remove('is-searching');
      return;
    }
    root.classList.add('is-searching');
    if (!list.childElementCount) status.textContent = labels.labelLoading || '';
    loadIndex()
      .then(function (pagefind) {
        var options = who ? { filters: { audience: who } } : {};
        return find(pagefind, query, options);
      })
      .then(function (found) {
        if (id !== latest) return null;
        return rankByKind(found);
      })
      .then(function (found) {
        if (!found || id !== latest) return;
        root.classList.remove('is-searching');
        render(found.items);
        status.textContent = countText(found.total, query);
      })
      .catch(function () {
        if (id !== latest) return;
        root.classList.remove('is-searching');
        list.textContent = '';
        status.textContent = '';
        setError(true);
      });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault(); // no reload: the results come in this page
    run();
  });
  input.addEventListener('input', later);
  if (audience) audience.addEventListener('change', run);

  /* ---------------------------------------------------------------- start */

  form.hidden = false;
  if (noJs) noJs.hidden = true;

  var params = new URLSearchParams(window.location.search);
  var asked = params.get('q') || '';
  var who = params.get('audience') || '';
  if (audience && who) {
    var known = Array.prototype.some.call(audience.options, function (o) { return o.value === who; });
    if (known) audience.value = who;
  }
  if (asked.trim()) {
    input.value = asked;
    run();
  } else if (params.has('q')) {
    input.focus(); // an empty search from the box in the header: type here
  }
})();
