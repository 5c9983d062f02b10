#!/usr/bin/env bash
# Renders a BPMN model to PNG as Camunda Modeler draws it: bpmn-js (the library inside Modeler)
# in headless Chromium. Usage: .ci/models/render.sh processes/collection-case.bpmn docs/collection-case.png [width height]
#   needs: npm install --prefix /tmp/models bpmn-js@18 ; chromium
set -euo pipefail
model=$1; out=$2; width=${3:-3000}; height=${4:-1300}
modules=${MODELS_NODE_MODULES:-/tmp/models/node_modules}
page=$(mktemp -d)
trap 'rm -rf "$page"' EXIT
cp "$modules/bpmn-js/dist/bpmn-viewer.production.min.js" "$page/viewer.js"
cp -r "$modules/bpmn-js/dist/assets" "$page/assets"
python3 - "$model" "$page/index.html" <<'PY'
import json, sys
xml = open(sys.argv[1], encoding='utf-8').read()
open(sys.argv[2], 'w', encoding='utf-8').write('''<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="assets/bpmn-js.css"><style>html,body,#c{margin:0;width:100%%;height:100%%;background:#fff}</style></head>
<body><div id="c"></div><script src="viewer.js"></script><script>
const viewer = new BpmnJS({ container: '#c' });
viewer.importXML(%s).then(() => viewer.get('canvas').zoom('fit-viewport'));
</script></body></html>''' % json.dumps(xml))
PY
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=8000 \
  --window-size="$width,$height" --screenshot="$(realpath -m "$out")" "file://$page/index.html" >/dev/null 2>&1
