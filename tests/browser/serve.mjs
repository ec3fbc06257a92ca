// Drives Debian's chromium (playwright-core) against `flowc serve`:
//   node serve.mjs URL DIR SHOTS
// URL serves DIR (a copy of tests/browser/fixtures); screenshots go to
// SHOTS; with SERVE_TIMES set, the save-to-update times are appended to
// that file. Prints one line per check; exits 1 when one failed.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [url, dir, shots] = process.argv.slice(2);
let failed = 0;
function check(ok, what) {
  console.log((ok ? 'ok: ' : 'FAIL: ') + what);
  if (!ok) failed++;
}
const cells = (sel) => page.$$eval(sel, (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
         '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1000, height: 500 } });
const problems = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(String(e)));
page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });

// the index: every process with code, title, owner and status
await page.goto(url);
const rows = await cells('table.index tr.proc');
check(rows.length === 3, 'index lists the 3 processes of the fixtures');
const row = rows.find((r) => r[1] === 'ADM-PR-007') || [];
check(row[2] === '办公用品采购流程' && row[3] === '行政部' && row[4] === '✓',
      'index row: code, title, owner, ✓');

// a process page: the chart's lanes and nodes, the procedure table, no diagnostics
await page.click('text=办公用品采购流程');
await page.waitForURL(/\/p\/purchase$/);
check(await page.locator('#chart svg g.lane').count() === 2, 'chart: 2 lanes');
check(await page.locator('#chart svg g.node').count() === 5, 'chart: 5 nodes');
const steps = await cells('table.procedure tr.step');
check(JSON.stringify(steps[0]) === JSON.stringify(['1', '填写采购申请单', '申请部门', '采购申请单', '1 天']),
      'procedure table: step, work, lane, forms, time limit');
check(steps.length === 3, 'procedure table: 3 steps');
check(await page.locator('.diagnostics .ok').count() === 1, 'diagnostics: none');
const fontLoaded = await page.evaluate(async () => {
  await document.fonts.ready;
  return [...document.fonts].some((f) => f.family.includes('flowc-page') && f.status === 'loaded');
});
check(fontLoaded, 'the page font (the charts\' font) is loaded');
for (const a of await page.$$eval('.downloads a', (as) => as.map((x) => x.href))) {
  const r = await page.request.get(a);
  const type = r.headers()['content-type'];
  const ext = a.split('.').pop();
  const want = { svg: 'image/svg+xml', png: 'image/png', pdf: 'application/pdf', json: 'application/json' }[ext];
  check(r.status() === 200 && type === want && (await r.body()).length > 100, `download ${ext}: ${type}`);
}
await page.screenshot({ path: `${shots}/process.png`, fullPage: true });

// save a broken version: the errors appear without a reload, the chart stays, outdated
await page.evaluate(() => {
  window.flowcMarker = 42;
  window.scrollTo(0, 120);
  document.getElementById('live').addEventListener('flowc-updated', () => { window.flowcUpdated = Date.now(); });
});
const file = `${dir}/purchase.flow`;
const good = fs.readFileSync(file, 'utf8');
let t0 = Date.now();
fs.writeFileSync(file, good.replace('request -> approval', 'request -> approvel'));
await page.waitForSelector('.diag.error', { timeout: 5000 }).catch(() => {});
const tBroken = (await page.evaluate(() => window.flowcUpdated)) - t0;
const err = await page.locator('.diag.error').first().textContent().catch(() => '');
check(/purchase\.flow:15:19: error: process 'purchase' has no node 'approvel' \(did you mean 'approval'\?\) \[undefined\]/.test(err),
      'error shown with file:line:col, message and rule' + (/15:19/.test(err) ? '' : ': ' + err));
check(/s -> request -> approvel -> buy -> e\s+\^~+/.test(err), 'error shown with its source line and caret');
check(await page.locator('#chart.outdated svg g.node').count() === 5, 'the last good chart stays, marked outdated');
check(await page.locator('.outdated-note').count() === 1, 'outdated note shown');
check(await page.evaluate(() => window.flowcMarker) === 42, 'no reload');
const scrolled = await page.evaluate(() => window.scrollY);
check(scrolled === 120, 'scroll position kept' + (scrolled === 120 ? '' : `: ${scrolled}`));
check(tBroken >= 0 && tBroken < 1000, 'errors shown within a second of the save');
await page.screenshot({ path: `${shots}/process-error.png`, fullPage: true });

// fix it: the chart returns, up to date
t0 = Date.now();
fs.writeFileSync(file, good);
await page.waitForSelector('#chart:not(.outdated) svg', { timeout: 5000 }).catch(() => {});
const tFixed = (await page.evaluate(() => window.flowcUpdated)) - t0;
check(await page.locator('.diag.error').count() === 0 && await page.locator('.diagnostics .ok').count() === 1,
      'errors gone after the fix');
check(await page.locator('#chart:not(.outdated) svg g.node').count() === 5, 'chart up to date again');
check(await page.evaluate(() => window.flowcMarker) === 42, 'still no reload');

// a call node opens the called process's page
await page.click('#chart svg a');
await page.waitForURL(/\/p\/approve$/, { timeout: 5000 }).catch(() => {});
check(page.url().endsWith('/p/approve') && (await page.locator('h1 .code').textContent()) === 'FIN-PR-002',
      'call node links to the called process\'s page');

// labels cannot inject markup
await page.goto(`${url}p/escape`);
check(await page.locator('#live script').count() === 0, 'labels make no script element');
const label = (await page.locator('#node-s').textContent()).replace(/\s/g, '');
check(label.includes('<script>alert(1)</script>'), 'labels shown literally' + (label.includes('<script>') ? '' : ': ' + label));
check((await page.locator('#node-e').textContent()).includes('</svg>'), 'a label </svg> stays text');

check(problems.length === 0, 'no console error, page error or dialog' + (problems.length ? ': ' + problems.join('; ') : ''));
await browser.close();
if (process.env.SERVE_TIMES)
  fs.appendFileSync(process.env.SERVE_TIMES, `save to update: broken ${tBroken} ms, fixed ${tFixed} ms\n`);
process.exit(failed ? 1 : 0);
