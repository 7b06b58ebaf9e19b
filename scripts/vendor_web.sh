#!/usr/bin/env bash
# Rebuild src/rashomon/web/static/vendor/ from npm packages (pinned versions).
# The web UI never fetches anything at run time: the map's library, its clustering
# plugin and the country boundaries (Natural Earth 1:50m via world-atlas) ship in the
# package. Run from the repository root: scripts/vendor_web.sh
set -euo pipefail

LEAFLET=1.9.4
CLUSTER=1.5.3
ATLAS=2.0.2
TOPOJSON=3.1.0

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/src/rashomon/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$CLUSTER" \
  "world-atlas@$ATLAS" "topojson-client@$TOPOJSON" >/dev/null
for tgz in *.tgz; do
  mkdir -p "${tgz%.tgz}" && tar xzf "$tgz" -C "${tgz%.tgz}"
done

rm -rf "$out" && mkdir -p "$out"/leaflet "$out"/markercluster "$out"/world-atlas "$out"/topojson-client
cp "leaflet-$LEAFLET/package/dist/leaflet.js" "leaflet-$LEAFLET/package/dist/leaflet.css" \
   "leaflet-$LEAFLET/package/LICENSE" "$out/leaflet/"
cp "leaflet.markercluster-$CLUSTER/package/dist/leaflet.markercluster.js" \
   "leaflet.markercluster-$CLUSTER/package/dist/MarkerCluster.css" \
   "leaflet.markercluster-$CLUSTER/package/dist/MarkerCluster.Default.css" \
   "leaflet.markercluster-$CLUSTER/package/MIT-LICENCE.txt" "$out/markercluster/"
cp "world-atlas-$ATLAS/package/countries-50m.json" "world-atlas-$ATLAS/package/LICENSE" \
   "$out/world-atlas/"
cp "topojson-client-$TOPOJSON/package/dist/topojson-client.min.js" \
   "topojson-client-$TOPOJSON/package/LICENSE" "$out/topojson-client/"
cat > "$out/README.md" <<TXT
Vendored by scripts/vendor_web.sh from npm; do not edit by hand.

| package | version | licence | files |
|---|---|---|---|
| leaflet | $LEAFLET | BSD-2-Clause (leaflet/LICENSE) | leaflet.js, leaflet.css |
| leaflet.markercluster | $CLUSTER | MIT (markercluster/MIT-LICENCE.txt) | leaflet.markercluster.js, MarkerCluster*.css |
| world-atlas | $ATLAS | ISC (world-atlas/LICENSE); boundaries from Natural Earth, public domain | countries-50m.json |
| topojson-client | $TOPOJSON | ISC (topojson-client/LICENSE) | topojson-client.min.js |
TXT
echo "vendored into $out"
