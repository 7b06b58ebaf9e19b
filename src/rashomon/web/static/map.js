// rashomon story map: Leaflet + markercluster over Natural Earth boundaries, all
// served from /static (no tiles, no network beyond this server). Replaces the static
// SVG map when the scripts load; the SVG stays for the report and without JavaScript.
// Text from articles only ever goes through textContent.
(function () {
  "use strict";

  function evidenceHref(item) {
    var url = "/article/" + encodeURIComponent(item.article_id);
    if (typeof item.start === "number" && typeof item.end === "number") {
      url += "?hl=" + item.start + "-" + item.end + "#target";
    }
    return url;
  }

  function popupFor(point) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var head = document.createElement("strong");
    head.textContent = point.kind === "place"
      ? point.label + " (" + (point.feature || "place") + (point.at_capital ? ", shown at its capital" : "") +
        "), " + point.mentions + " mention" + (point.mentions === 1 ? "" : "s")
      : point.label;
    box.append(head);
    var list = document.createElement("ul");
    (point.items || []).forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = evidenceHref(item);
      a.className = "evidence-link";
      a.textContent = item.text || "evidence";
      var who = document.createElement("span");
      who.className = "muted";
      who.textContent = item.outlet ? " — " + item.outlet : "";
      li.append(a, who);
      list.append(li);
    });
    box.append(list);
    return box;
  }

  function marker(point, index) {
    var size = point.kind === "event" ? Math.round(14 + 4 * Math.sqrt(point.count || 1)) : 12;
    var icon = L.divIcon({
      className: "mk mk-" + point.kind + (point.kind === "event" ? " q" + (point.quad || 0) : "") +
        " mk-i" + index,
      iconSize: [size, size],
      html: ""
    });
    var m = L.marker([point.lat, point.lon], {icon: icon, title: point.label, keyboard: true,
                                              riseOnHover: true});
    m.bindPopup(popupFor(point), {maxWidth: 320});
    return m;
  }

  function init() {
    var box = document.getElementById("leaflet-map");
    var dataEl = document.getElementById("map-data");
    if (!box || !dataEl || !window.L || !L.markerClusterGroup) { return; }
    var data = JSON.parse(dataEl.textContent);
    var points = (data.places || []).concat(data.events || []);
    if (!points.length) { return; }
    box.hidden = false;
    var fallback = document.querySelector(".static-map");
    if (fallback) { fallback.hidden = true; }
    var map = L.map(box, {minZoom: 1, maxZoom: 13, worldCopyJump: true, zoomSnap: 0.5});
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
    var clusters = L.markerClusterGroup({maxClusterRadius: 36, showCoverageOnHover: false,
                                         spiderfyOnMaxZoom: true});
    var markers = points.map(function (p, i) { return marker(p, i); });
    markers.forEach(function (m) { clusters.addLayer(m); });
    map.addLayer(clusters);
    // A list of every marker: keyboard access, and a way to any marker hidden in a group.
    var index = document.createElement("ol");
    index.className = "map-index";
    points.forEach(function (p, i) {
      var li = document.createElement("li");
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "map-goto";
      btn.dataset.index = String(i);
      btn.textContent = p.kind === "place" ? p.label + " (place)" : p.label;
      btn.addEventListener("click", function () {
        clusters.zoomToShowLayer(markers[i], function () { markers[i].openPopup(); });
      });
      li.append(btn);
      index.append(li);
    });
    var details = document.createElement("details");
    details.className = "map-list";
    var summary = document.createElement("summary");
    summary.textContent = "List of the " + points.length + " markers";
    details.append(summary, index);
    box.after(details);
    map.fitBounds(clusters.getBounds(), {padding: [30, 30], maxZoom: 7});
    box.dataset.markers = String(points.length);
    box.dataset.zoom = String(map.getZoom());
    map.on("zoomend", function () { box.dataset.zoom = String(map.getZoom()); });
    map.on("popupopen", function () { box.dataset.popup = "open"; });
    var url = box.dataset.boundaries;
    if (url && window.topojson) {
      fetch(url).then(function (r) { return r.json(); }).then(function (topo) {
        var name = Object.keys(topo.objects)[0];
        var land = L.geoJSON(topojson.feature(topo, topo.objects[name]), {
          interactive: false,
          style: {color: "#b9b4a6", weight: 0.7, fillColor: "#f7f5ef", fillOpacity: 1}
        }).addTo(map);
        land.bringToBack();
        box.dataset.countries = String(land.getLayers().length);
      }).catch(function () { box.dataset.countries = "0"; });
    }
    box.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", init);
}());
