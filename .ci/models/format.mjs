// Rewrites BPMN/DMN files exactly as Camunda Modeler saves them: Modeler's own serializer
// (bpmn-moddle / dmn-moddle with the Camunda extensions, format: true). Used once on every model
// so that an analyst's first save in Modeler changes only what they changed.
//   npm install --prefix /tmp/models bpmn-moddle@10 dmn-moddle@12 camunda-bpmn-moddle@8 camunda-dmn-moddle@1
//   NODE_PATH=/tmp/models/node_modules node .ci/models/format.mjs processes/*.bpmn processes/decisions/*.dmn
import fs from 'fs';
import { createRequire } from 'module';
const require = createRequire(process.env.NODE_PATH ? process.env.NODE_PATH.split(':')[0] + '/' : import.meta.url);
const { BpmnModdle } = require('bpmn-moddle');
const { DmnModdle } = require('dmn-moddle');
const camundaBpmn = require('camunda-bpmn-moddle/resources/camunda.json');
const camundaDmn = require('camunda-dmn-moddle/resources/camunda.json');
for (const file of process.argv.slice(2)) {
  const dmn = file.endsWith('.dmn');
  const moddle = dmn ? new DmnModdle({ camunda: camundaDmn }) : new BpmnModdle({ camunda: camundaBpmn });
  const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'), dmn ? 'dmn:Definitions' : 'bpmn:Definitions');
  if (warnings.length) {
    console.error(file, warnings.map((w) => w.message));
    process.exitCode = 1;
    continue;
  }
  const { xml } = await moddle.toXML(rootElement, { format: true });
  fs.writeFileSync(file, xml + '\n');
}
