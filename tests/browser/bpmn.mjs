// Checks BPMN files written by `flowc render -f bpmn` with the bpmn.io tools:
//   node bpmn.mjs SHOT FILE.bpmn...
// each file (1) parsed by bpmn-moddle without warnings, (2) linted by
// bpmnlint with tests/browser/.bpmnlintrc (recommended, the exceptions
// README.md explains), (3) imported by bpmn-js in Debian's headless chromium
// without warnings, every DI shape and edge drawn. The first file's diagram
// is saved as the PNG SHOT. Prints a line per file and check; exits 1 when
// one failed. bpmn-js comes from node_modules: the page loads nothing else.
import { chromium } from 'playwright-core';
import { BpmnModdle } from 'bpmn-moddle';
import bpmnlint from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [shot, ...files] = process.argv.slice(2);
let failed = 0;
function check(ok, what) {
  console.log((ok ? 'ok: ' : 'FAIL: ') + what);
  if (!ok) failed++;
}

const moddle = new BpmnModdle();
const config = JSON.parse(fs.readFileSync(path.join(here, '.bpmnlintrc'), 'utf8'));

async function parseAndLint(name, xml) {
  let parsed;
  try {
    parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (e) {
    check(false, `${name}: bpmn-moddle: ${e.message}`);
    return;
  }
  const w = parsed.warnings.map((x) => x.message);
  check(w.length === 0, `${name}: bpmn-moddle parses it` + (w.length ? ': ' + w.slice(0, 5).join('; ') : ''));
  // a linter a file: rules such as no-duplicate-sequence-flows keep state
  const linter = new bpmnlint.Linter({ config, resolver: new NodeResolver() });
  const reports = await linter.lint(parsed.rootElement);
  const found = [];
  for (const [rule, list] of Object.entries(reports))
    for (const r of list) found.push(`${rule} ${r.category} ${r.id}: ${r.message}`);
  check(found.length === 0, `${name}: bpmnlint finds nothing` + (found.length ? ':\n  ' + found.join('\n  ') : ''));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync',
         '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const problems = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(String(e)));
await page.route('**/*', (r) => { problems.push('request: ' + r.request().url()); r.abort(); });
await page.setContent('<!doctype html><meta charset="utf-8"><body style="margin:0">' +
  '<div id="canvas" style="width:1400px;height:1000px"></div>');
const dist = path.join(here, 'node_modules/bpmn-js/dist');
await page.addStyleTag({ path: path.join(dist, 'assets/diagram-js.css') });
await page.addStyleTag({ path: path.join(dist, 'assets/bpmn-js.css') });
await page.addScriptTag({ path: path.join(dist, 'bpmn-viewer.production.min.js') });

// imports xml into a new viewer; what it drew of the DI's elements
const show = (xml) => page.evaluate(async (xml) => {
  document.getElementById('canvas').innerHTML = '';
  const viewer = new window.BpmnJS({ container: '#canvas' });
  window.viewer = viewer;
  let warnings;
  try {
    ({ warnings } = await viewer.importXML(xml));
  } catch (e) {
    return { error: String(e.message || e) };
  }
  viewer.get('canvas').zoom('fit-viewport');
  const reg = viewer.get('elementRegistry');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const di = [...doc.querySelectorAll('*')].filter((e) => /^BPMN(Shape|Edge)$/.test(e.localName));
  const missing = di.map((e) => e.getAttribute('bpmnElement')).filter((id) => !reg.getGraphics(id));
  return { warnings: warnings.map((w) => w.message), drawn: di.length - missing.length, missing };
}, xml);

for (const [i, file] of files.entries()) {
  const name = path.basename(file);
  const xml = fs.readFileSync(file, 'utf8');
  await parseAndLint(name, xml);
  const r = await show(xml);
  const bad = r.error ? [r.error] : [...r.warnings, ...r.missing.map((id) => 'not drawn: ' + id)];
  check(bad.length === 0, `${name}: bpmn-js draws ${r.drawn ?? 0} shapes and edges` +
        (bad.length ? ': ' + bad.slice(0, 5).join('; ') : ''));
  if (i === 0 && shot) await page.screenshot({ path: shot });
}
check(problems.length === 0, 'no console error, page error or request' + (problems.length ? ': ' + problems.join('; ') : ''));
await browser.close();
process.exit(failed ? 1 : 0);
