// leidraad dev server: reloads the page after a rebuild that changed it,
// keeping the scroll position, and shows build errors over the page until
// they are fixed.
(function () {
  "use strict";
  var key = "leidraad-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  var overlay = null;
  function hideErrors() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function showErrors(errors) {
    hideErrors();
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alert");
    overlay.id = "leidraad-errors";
    overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#fff;color:#1a1a1a;border-top:6px solid #b00020;padding:1rem 1.25rem;font:15px/1.45 system-ui,sans-serif;" +
      "box-shadow:0 -4px 24px rgba(0,0,0,.25)";
    var title = document.createElement("strong");
    title.textContent = "leidraad: the last change did not build (the page shows the last good build)";
    overlay.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:.5rem 0 0;padding-left:1.2rem;font-family:ui-monospace,monospace;font-size:14px";
    errors.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }
  // The server reloads only the pages a rebuild changed: it is told which
  // page this is, and from which build (a rebuild may end while it loads).
  var build = document.currentScript && document.currentScript.getAttribute("data-build");
  var source = new EventSource("/__leidraad/events?page=" + encodeURIComponent(location.pathname) +
    (build ? "&build=" + encodeURIComponent(build) : ""));
  source.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  source.addEventListener("errors", function (event) {
    showErrors(JSON.parse(event.data));
  });
  source.addEventListener("ok", hideErrors);
}());
