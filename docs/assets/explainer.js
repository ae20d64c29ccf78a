/*
 * The explainer's only script, as progressive enhancement: timeline filters; previews of a
 * citation's source and a glossary term's definition on hover and keyboard focus; the colour
 * scheme toggle; and search that also hears text typed without a keyup (input methods).
 *
 * Without JavaScript the filter form stays hidden and every event is listed. With it, the
 * form appears; its state lives in the URL (?actor=&category=&status=&year=) so that a
 * filtered view can be shared. Material's instant navigation swaps pages without reloading
 * them, so we initialise on every page it shows (document$), not only on page load.
 */
(function () {
  "use strict";
  var FIELDS = ["actor", "category", "status", "year"];

  // An item's attributes hold one value (an event) or several, space-separated (a place on
  // the map of a long story, which matches while one of its events could).
  function has(list, value) {
    return !value || (" " + (list || "") + " ").indexOf(" " + value + " ") >= 0;
  }

  function matches(event, state) {
    var d = event.dataset;
    return has(d.actors, state.actor) && has(d.category, state.category) &&
      has(d.status, state.status) && has(d.year, state.year);
  }

  function readState(form) {
    var state = {};
    FIELDS.forEach(function (name) {
      state[name] = form.elements[name].value;
    });
    return state;
  }

  function apply(form, loading) {
    var state = readState(form);
    var container = form.parentElement;
    var events = container.querySelectorAll(".ex-event");
    var shown = 0;
    // A page loaded without a filter shows everything, and says so (the page carries that
    // count): nothing to do. Going through a long timeline's events and formatting the count
    // cost a phone some 70 ms of blocked main thread on load.
    if (loading && FIELDS.every(function (name) { return !state[name]; })) return;
    events.forEach(function (event) {
      var ok = matches(event, state);
      // Only a change is written: on a page's first load nothing is hidden and nothing moves.
      if (event.hidden !== !ok) event.hidden = !ok;
      if (ok) shown += 1;
    });
    // Hide a year's or a month's heading when none of its events is shown.
    var headings = container.querySelectorAll("h2[id^='year-'], h3[id^='month-']");
    headings.forEach(function (h) {
      var level = h.tagName;
      var any = false;
      for (var el = h.nextElementSibling; el; el = el.nextElementSibling) {
        if (el.tagName === "H2" || (level === "H3" && el.tagName === "H3")) break;
        if (el.classList.contains("ex-event") && !el.hidden) { any = true; break; }
      }
      if (h.hidden !== !any) h.hidden = !any;
    });
    // On the map, a place's marker stays while any of its events is shown.
    container.querySelectorAll("svg [data-place]").forEach(function (marker) {
      var id = marker.getAttribute("data-place");
      var any = false;
      events.forEach(function (event) {
        if (!event.hidden && (" " + (event.dataset.places || "") + " ").indexOf(" " + id + " ") >= 0) any = true;
      });
      var display = any ? "inline" : "none";
      if (marker.getAttribute("display") !== display) marker.setAttribute("display", display);
    });
    showCount(form, shown, events.length);
    // Keep the state in the URL, without adding history entries, and keep the anchor.
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      if (state[name]) params.set(name, state[name]); else params.delete(name);
    });
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
  }

  function showCount(form, shown, total) {
    var count = form.querySelector(".ex-filter-count");
    // The messages come from the page, in its language ({shown} and {total} filled in here).
    var fmt = new Intl.NumberFormat(document.documentElement.lang || undefined);
    var msg = shown === total ? form.dataset.exCountAll : form.dataset.exCountSome;
    count.textContent = msg.replace("{shown}", fmt.format(shown)).replace("{total}", fmt.format(total));
  }

  // A long timeline is split into one page per period: an old link to /timeline/#event-id,
  // or to a crowded month's page the event has since left, lands on a timeline page that
  // looks the event up (ids.json: id -> its page, relative to /timeline/) and goes there.
  function followOldPermalink() {
    var index = document.querySelector("[data-ex-timeline-index]");
    var id = decodeURIComponent(location.hash.slice(1));
    if (!index || !id || document.getElementById(id)) return;
    var map = new URL(index.dataset.exTimelineIndex, location.href);
    fetch(map)
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (ids) {
        if (Object.prototype.hasOwnProperty.call(ids, id)) {
          var page = new URL(ids[id] + "#" + encodeURIComponent(id), map);
          if (page.pathname !== location.pathname) location.replace(page.href);
        }
      })
      .catch(function () { /* the overview still lists every period */ });
  }

  // Previews. One set of listeners on the document serves every citation and term, however
  // many a page holds: nothing is done per element until a reader points at one. (Material's
  // own footnote and title tooltips subscribe to each element on load, which cost a phone
  // 0.3-0.8 s of blocked main thread on the long pages.) Without JavaScript a citation is a
  // link to its footnote and a term keeps its title.
  var HOSTS = ".md-content a.footnote-ref, .md-content [title], .md-content [data-ex-tip]";
  var tip = null;
  var host = null;
  var hideTimer = 0;

  function hostOf(node) {
    return node && node.nodeType === 1 ? node.closest(HOSTS) : null;
  }

  function fill(box, el) {
    box.textContent = "";
    if (el.classList.contains("footnote-ref")) {
      var note = document.getElementById(decodeURIComponent(el.hash.slice(1)));
      if (!note) return false;
      Array.prototype.forEach.call(note.children, function (child) {
        var copy = child.cloneNode(true);
        copy.removeAttribute("id");
        Array.prototype.forEach.call(copy.querySelectorAll("[id], .footnote-backref"), function (n) {
          if (n.classList.contains("footnote-backref")) n.remove(); else n.removeAttribute("id");
        });
        box.appendChild(copy);
      });
    } else {
      // The title moves to a data attribute so that the browser's own tooltip is not shown too.
      if (el.hasAttribute("title")) {
        el.setAttribute("data-ex-tip", el.getAttribute("title"));
        el.removeAttribute("title");
      }
      var p = document.createElement("p");
      p.textContent = el.getAttribute("data-ex-tip");
      box.appendChild(p);
    }
    return box.hasChildNodes();
  }

  function place(el) {
    var r = el.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var w = tip.offsetWidth;
    var h = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left + r.width / 2 - w / 2, width - w - 8));
    var below = r.bottom + 8 + h <= window.innerHeight || r.top < window.innerHeight / 2;
    tip.style.left = window.scrollX + left + "px";
    tip.style.top = window.scrollY + (below ? r.bottom + 8 : r.top - 8 - h) + "px";
  }

  function show(el) {
    clearTimeout(hideTimer);
    if (host === el) return;
    hide();
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "ex-tip";
      tip.className = "md-typeset ex-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { later(); });
    }
    if (!tip.isConnected) document.body.appendChild(tip);
    if (!fill(tip, el)) return;
    host = el;
    tip.hidden = false;
    place(el);
    el.setAttribute("aria-describedby", "ex-tip");
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!host) return;
    host.removeAttribute("aria-describedby");
    host = null;
    tip.hidden = true;
  }

  // The pointer has left: hide soon, unless it reaches the preview first or the link has focus.
  function later() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { if (host !== document.activeElement) hide(); }, 250);
  }

  document.addEventListener("mouseover", function (e) {
    var el = hostOf(e.target);
    if (el) show(el);
    else if (host && !(tip && tip.contains(e.target))) later();
  });
  document.addEventListener("focusin", function (e) {
    var el = hostOf(e.target);
    if (el) show(el);
    else if (host && !(tip && tip.contains(e.target))) hide();
  });
  document.addEventListener("focusout", function (e) {
    if (host && e.target === host && !(tip && tip.contains(e.relatedTarget))) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && host) hide();
  });
  window.addEventListener("resize", hide);

  // Material's search reads its box on "keyup" only, so text that arrives without one (a
  // Hangul or Cyrillic word committed by an input method, a paste from the context menu,
  // dictation) would not be searched: pass every change on as a keyup.
  document.addEventListener("input", function (e) {
    var box = e.target;
    if (box && box.matches && box.matches("input[data-md-component='search-query']")) {
      box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });

  // The colour scheme toggle (overrides/partials/palette.html), as Material's behaves: the
  // saved choice (stored where Material's md-palette.js restores it from before the page is
  // drawn), else the scheme whose media query the system matches; a click switches.
  var COLOR = ["media", "scheme", "primary", "accent"];

  function setupPalette() {
    var form = document.querySelector("form[data-ex-palette]");
    if (!form || typeof window.__md_get !== "function") return;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name='__palette']"));
    if (!inputs.length) return;

    var active = 0;

    function use(index, switching) {
      active = index;
      var color = {};
      COLOR.forEach(function (key) { color[key] = inputs[index].getAttribute("data-md-color-" + key); });
      if (switching) document.body.setAttribute("data-md-color-switching", "");
      COLOR.forEach(function (key) {
        // Only a real change touches <body>: every element's style depends on these.
        if (document.body.getAttribute("data-md-color-" + key) !== color[key]) {
          document.body.setAttribute("data-md-color-" + key, color[key]);
        }
      });
      inputs.forEach(function (input, i) {
        var label = input.nextElementSibling;
        if (label && label.tagName === "LABEL") label.hidden = i !== index;
      });
      var meta = document.querySelector("meta[name='color-scheme']");
      if (!meta) {
        meta = document.createElement("meta");
        meta.name = "color-scheme";
        document.head.appendChild(meta);
      }
      meta.content = color.scheme === "slate" ? "dark" : "light";
      window.__md_set("__palette", { index: index, color: color });
      if (switching) setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); }, 0);
    }

    var saved = window.__md_get("__palette");
    var index = saved && typeof saved.index === "number" ? saved.index : inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    use(Math.max(0, Math.min(index, inputs.length - 1)), false);
    form.addEventListener("change", function (e) {
      var i = inputs.indexOf(e.target);
      if (i >= 0) use(i, true);
    });
    form.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") return;
      var next = inputs[(active + 1) % inputs.length];
      next.click();
      next.focus();
    });
  }

  setupPalette();

  function init() {
    hide();
    followOldPermalink();
    var form = document.querySelector("form[data-ex-filters]");
    if (!form || form.dataset.exReady) return;
    form.dataset.exReady = "1";
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name);
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
    form.addEventListener("change", function () { apply(form); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(form); }, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply(form, true);
  }

  // The language menu leads to this same page in another language (the links are written at
  // build time); the record the reader is at (#anchor) is taken along. One listener on the
  // document, in the capture phase: it outlives Material's page swaps and runs before them.
  document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest ? e.target.closest("a[data-ex-language]") : null;
    if (link && location.hash && !link.hash) link.hash = location.hash;
  }, true);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
