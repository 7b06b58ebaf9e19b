// rashomon web UI: evidence panel for ledger/contradiction buttons.
// Only textContent and element properties are used, never innerHTML, so
// untrusted text from articles stays text.
(function () {
  "use strict";
  function panel() { return document.getElementById("detail"); }
  function show(btn) {
    var box = panel();
    if (!box) { return; }
    var body = box.querySelector(".detail-body");
    body.replaceChildren();
    var head = document.createElement("div");
    head.className = "outlet-name";
    head.textContent = (btn.dataset.outlet || "") + " · " + (btn.dataset.stance || "");
    var quote = document.createElement("blockquote");
    quote.textContent = btn.dataset.evidence || "";
    body.append(head, quote);
    var href = btn.dataset.href || "";
    if (href.charAt(0) === "/" || href.charAt(0) === "#") {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = "open in the article";
      body.append(link);
    }
    box.hidden = false;
  }
  // Timeline zoom: widen the drawing inside its scrolling box (CSSOM, not a style attribute).
  function zoomChart(btn) {
    (btn.closest(".zoom").dataset.for || "").split(" ").forEach(function (id) {
      var box = document.getElementById(id);
      if (box) { zoomBox(box, btn.classList.contains("zoom-in")); }
    });
  }
  function zoomBox(box, zoomIn) {
    var svg = box.querySelector("svg");
    if (!svg) { return; }
    var factor = Number(svg.dataset.zoom || "1") * (zoomIn ? 2 : 0.5);
    factor = Math.min(Math.max(factor, 1), 32);
    var centre = (box.scrollLeft + box.clientWidth / 2) / box.scrollWidth;
    svg.dataset.zoom = String(factor);
    svg.style.width = (factor * 100) + "%";
    box.scrollLeft = centre * box.scrollWidth - box.clientWidth / 2;
  }
  // Timeline lanes: by outlet or by source actor (two drawings, one shown).
  function showLanes(btn) {
    document.querySelectorAll("button.lanes-by").forEach(function (b) {
      var box = document.getElementById(b.dataset.show || "");
      var on = b === btn;
      b.setAttribute("aria-pressed", on ? "true" : "false");
      if (box) { box.hidden = !on; }
    });
  }
  document.addEventListener("click", function (ev) {
    var target = ev.target instanceof Element ? ev.target : null;
    if (!target) { return; }
    var btn = target.closest("[data-evidence]");
    if (btn) { show(btn); return; }
    if (target.closest("#detail .close")) { panel().hidden = true; return; }
    var zoom = target.closest(".zoom button");
    if (zoom) { zoomChart(zoom); return; }
    var lanes = target.closest("button.lanes-by");
    if (lanes) { showLanes(lanes); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && panel()) { panel().hidden = true; }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var t = document.getElementById("target");
    if (t) { t.scrollIntoView({block: "center"}); }
  });
}());
