/*
 * leidraad: the search page (default theme).
 *
 * Without this script the search page says that search needs JavaScript
 * and links to the whole protocol. With it: the form searches as you type
 * (pagefind's index, loaded from this site only when the reader searches
 * for the first time), narrows the results to one audience, and keeps the
 * search in the address (?q=...&audience=...) so that it can be shared.
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
        }).then(function () { return pagefind; });
      });
      loading.catch(function () { loading = null; }); // try again on the next search
    }
    return loading;
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

  /* An article hit lands on its rule: the last rule anchor (<li id="r9">)
     at or before the first word found (docs/themes.md). */
  function ruleAnchor(data) {
    var first = data.locations && data.locations.length ? data.locations[0] : null;
    if (first === null || !Array.isArray(data.anchors)) return '';
    var best = null;
    data.anchors.forEach(function (a) {
      if (a && a.element === 'li' && a.id && typeof a.location === 'number' && a.location <= first) {
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
      link.textContent = meta.title || data.url;
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
        return pagefind.search(query, options);
      })
      .then(function (search) {
        if (id !== latest) return null;
        var results = (search && search.results) || [];
        return Promise.all(results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }))
          .then(function (items) { return { total: results.length, items: items }; });
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
