/*
 * The explainer's only script: timeline filters, as progressive enhancement.
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

  function apply(form) {
    var state = readState(form);
    var container = form.parentElement;
    var events = container.querySelectorAll(".ex-event");
    var shown = 0;
    events.forEach(function (event) {
      var ok = matches(event, state);
      event.hidden = !ok;
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
      h.hidden = !any;
    });
    // On the map, a place's marker stays while any of its events is shown.
    container.querySelectorAll("svg [data-place]").forEach(function (marker) {
      var id = marker.getAttribute("data-place");
      var any = false;
      events.forEach(function (event) {
        if (!event.hidden && (" " + (event.dataset.places || "") + " ").indexOf(" " + id + " ") >= 0) any = true;
      });
      marker.setAttribute("display", any ? "inline" : "none");
    });
    var count = form.querySelector(".ex-filter-count");
    // The messages come from the page, in its language ({shown} and {total} filled in here).
    var fmt = new Intl.NumberFormat(document.documentElement.lang || undefined);
    var msg = shown === events.length ? form.dataset.exCountAll : form.dataset.exCountSome;
    count.textContent = msg
      .replace("{shown}", fmt.format(shown))
      .replace("{total}", fmt.format(events.length));
    // Keep the state in the URL, without adding history entries, and keep the anchor.
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      if (state[name]) params.set(name, state[name]); else params.delete(name);
    });
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
  }

  // A long timeline is split into one page per period: an old link to /timeline/#event-id
  // lands on the overview, which looks the event up and goes to its page.
  function followOldPermalink() {
    var index = document.querySelector("[data-ex-timeline-index]");
    var id = decodeURIComponent(location.hash.slice(1));
    if (!index || !id || document.getElementById(id)) return;
    fetch(new URL(index.dataset.exTimelineIndex, location.href))
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (ids) {
        if (Object.prototype.hasOwnProperty.call(ids, id)) {
          location.replace(new URL(ids[id] + "#" + encodeURIComponent(id), location.href).href);
        }
      })
      .catch(function () { /* the overview still lists every period */ });
  }

  function init() {
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
    apply(form);
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
