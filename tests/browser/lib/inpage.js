'use strict';
// Functions that run inside the page (passed to page.evaluate). Each one is
// self-contained: it cannot use anything from this module's scope.

/** Facts about the page: lang, links, ids, main text. */
function pageFacts() {
  function sel(el) {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
      let s = e.localName;
      if (e.id) { parts.unshift(`${s}#${CSS.escape(e.id)}`); break; }
      const cls = [...e.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
      s += cls;
      const p = e.parentElement;
      if (p) {
        const same = [...p.children].filter((c) => c.localName === e.localName);
        if (same.length > 1) s += `:nth-of-type(${same.indexOf(e) + 1})`;
      }
      parts.unshift(s);
    }
    return parts.join(' > ');
  }
  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    links.push({
      raw: a.getAttribute('href'),
      href: a.href,
      text: (a.innerText || a.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 60),
      selector: sel(a),
    });
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  const names = [...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name'));
  const main = document.querySelector('main');
  return {
    lang: document.documentElement.getAttribute('lang') || '',
    title: document.title,
    contentType: document.contentType,
    links,
    ids: ids.concat(names),
    hasMain: !!main,
  };
}

/** Same-page fragment check, live in the DOM. */
function missingFragments(fragments) {
  return fragments.filter((f) => {
    if (f === '' || f.toLowerCase() === 'top') return false; // HTML: scroll to top
    if (document.getElementById(f)) return false;
    return !document.querySelector(`a[name="${CSS.escape(f)}"]`);
  });
}

/** Longest rendered line of each p and li in main, in characters. */
function lineLengths(limit) {
  function sel(el) {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
      let s = e.localName;
      if (e.id) { parts.unshift(`${s}#${CSS.escape(e.id)}`); break; }
      s += [...e.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
      const p = e.parentElement;
      if (p) {
        const same = [...p.children].filter((c) => c.localName === e.localName);
        if (same.length > 1) s += `:nth-of-type(${same.indexOf(e) + 1})`;
      }
      parts.unshift(s);
    }
    return parts.join(' > ');
  }
  const main = document.querySelector('main');
  if (!main) return { checked: 0, long: [], longest: 0 };
  const ctx = document.createElement('canvas').getContext('2d');
  const sample = 'abcdefghijklmnopqrstuvwxyz';
  const long = [];
  let checked = 0;
  let longest = 0;
  for (const el of main.querySelectorAll('p, li')) {
    if (!el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })) continue;
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const avg = ctx.measureText(sample).width / sample.length;
    if (!(avg > 0)) continue;
    const box = el.getBoundingClientRect();
    const contentWidth = box.width
      - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)
      - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
    // Rendered line boxes of the element's own text (nested blocks give their
    // own, narrower lines; they are checked as elements of their own too).
    const rects = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.data.trim()) continue;
      const r = document.createRange();
      r.selectNodeContents(n);
      for (const rc of r.getClientRects()) if (rc.width > 0 && rc.height > 0) rects.push(rc);
    }
    if (!rects.length) continue;
    checked++;
    rects.sort((a, b) => a.top - b.top || a.left - b.left);
    const lines = [];
    for (const rc of rects) {
      const mid = (rc.top + rc.bottom) / 2;
      const line = lines.find((l) => mid >= l.top && mid <= l.bottom);
      if (line) {
        line.left = Math.min(line.left, rc.left);
        line.right = Math.max(line.right, rc.right);
      } else {
        lines.push({ top: rc.top, bottom: rc.bottom, left: rc.left, right: rc.right });
      }
    }
    const widest = Math.max(...lines.map((l) => l.right - l.left));
    const chars = widest / avg;
    longest = Math.max(longest, Math.round(chars));
    if (chars > limit) {
      long.push({
        selector: sel(el),
        chars: Math.round(chars),
        capacity: Math.round(contentWidth / avg),
        widthPx: Math.round(contentWidth),
        font: `${cs.fontSize} ${cs.fontFamily.split(',')[0]}`,
        text: el.innerText.trim().replace(/\s+/g, ' ').slice(0, 80),
      });
    }
  }
  return { checked, long, longest };
}

/** Page facts under print media: navs must be hidden, main visible. */
function printFacts() {
  function visible(el) {
    if (!el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true, checkOpacity: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }
  const navs = [...document.querySelectorAll('nav')].map((n) => ({
    label: n.getAttribute('aria-label') || n.getAttribute('aria-labelledby') || '',
    cls: n.className,
    inMain: !!n.closest('main'),
    visible: visible(n),
    html: n.outerHTML.slice(0, 160).replace(/\s+/g, ' '),
  }));
  const main = document.querySelector('main');
  return {
    navs,
    main: main ? { visible: visible(main), text: main.innerText.trim().length } : null,
  };
}

/** Without JavaScript: does main exist and show text? */
function noJsFacts() {
  const main = document.querySelector('main');
  if (!main) return { hasMain: false, text: 0, visible: false };
  const r = main.getBoundingClientRect();
  return {
    hasMain: true,
    text: main.innerText.trim().length,
    visible: main.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true }) && r.width > 0 && r.height > 0,
  };
}

/** Horizontal overflow at the current viewport: width and the culprits. */
function overflowFacts() {
  function sel(el) {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
      let s = e.localName;
      if (e.id) { parts.unshift(`${s}#${CSS.escape(e.id)}`); break; }
      s += [...e.classList].slice(0, 2).map((c) => '.' + CSS.escape(c)).join('');
      const p = e.parentElement;
      if (p) {
        const same = [...p.children].filter((c) => c.localName === e.localName);
        if (same.length > 1) s += `:nth-of-type(${same.indexOf(e) + 1})`;
      }
      parts.unshift(s);
    }
    return parts.join(' > ');
  }
  const vw = document.documentElement.clientWidth;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5) continue;
    // report only the outermost overflowing elements
    const p = el.parentElement;
    if (p && p !== document.body && p.getBoundingClientRect().right > vw + 0.5) continue;
    culprits.push({ selector: sel(el), right: Math.round(r.right), width: Math.round(r.width),
      html: el.outerHTML.slice(0, 120).replace(/\s+/g, ' ') });
    if (culprits.length >= 8) break;
  }
  // Breadcrumb and footer links: a finger needs 44px.
  const small = [...document.querySelectorAll('.breadcrumb a, .footer-nav a')]
    .map((a) => ({ text: a.textContent.trim().slice(0, 40), height: a.getBoundingClientRect().height }))
    .filter((a) => a.height > 0 && a.height < 44);
  return { scrollWidth: document.documentElement.scrollWidth, clientWidth: vw, culprits, small };
}

/** Next animation frame twice: layout after a resize or media change is done. */
function settle() {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));
}

module.exports = { pageFacts, missingFragments, lineLengths, printFacts, noJsFacts, overflowFacts, settle };
