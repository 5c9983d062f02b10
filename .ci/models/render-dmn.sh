#!/usr/bin/env bash
# Renders the decision requirements diagram of a DMN file to PNG as Camunda Modeler draws it:
# dmn-js (the library inside Modeler) in headless Chromium. The diagram's own coordinates are kept
# (no fit to the window), so the picture shows what an analyst sees on opening the file.
# Usage: .ci/models/render-dmn.sh processes/decisions/escalation.dmn docs/escalation-drd.png [width height]
#   needs: npm install --prefix /tmp/dmnjs dmn-js@17 ; chromium
set -euo pipefail
model=$1; out=$2; width=${3:-900}; height=${4:-720}
modules=${DMNJS_NODE_MODULES:-/tmp/dmnjs/node_modules}
page=$(mktemp -d)
trap 'rm -rf "$page"' EXIT
cp "$modules/dmn-js/dist/dmn-viewer.production.min.js" "$page/viewer.js"
cp -r "$modules/dmn-js/dist/assets" "$page/assets"
python3 - "$model" "$page/index.html" "$width" "$height" <<'PY'
import json, sys
xml = open(sys.argv[1], encoding='utf-8').read()
open(sys.argv[2], 'w', encoding='utf-8').write('''<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="assets/diagram-js.css"><link rel="stylesheet" href="assets/dmn-js-shared.css">
<link rel="stylesheet" href="assets/dmn-js-drd.css"><link rel="stylesheet" href="assets/dmn-font/css/dmn.css">
<style>html,body,#c{margin:0;width:100%%;height:100%%;background:#fff}</style></head>
<body><div id="c"></div><script src="viewer.js"></script><script>
const viewer = new DmnJS({ container: '#c' });
viewer.importXML(%s).then(() => viewer.getActiveViewer().get('canvas')
  .viewbox({ x: 60, y: -40, width: %s, height: %s }));
</script></body></html>''' % (json.dumps(xml), sys.argv[3], sys.argv[4]))
PY
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=8000 \
  --window-size="$width,$height" --screenshot="$(realpath -m "$out")" "file://$page/index.html" >/dev/null 2>&1
