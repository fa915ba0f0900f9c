// The example plans: the page opens SYB 2017 by default, ?example= picks
// another, File > Open example lists them all, and each one opens in the page
// exactly as planner-cli reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPlanner, root, screenshotDir, settle } from './browser.mjs';

const cli = join(root, 'build', 'native', 'src', 'cli', 'planner-cli');
const examplesDir = join(root, 'assets', 'examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort();

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const at = (query) => new URL(query, env.url).href;
const planName = (page) => page.evaluate(() => JSON.parse(window.planner.currentPlan()).name);
const exampleName = (file) => JSON.parse(readFileSync(join(examplesDir, file), 'utf8')).name;

test('the page opens the South Yorkshire and Bassetlaw 2017 example by default', async () => {
  const page = await openPlanner(env.browser, env.url);
  assert.equal(await planName(page), exampleName('syb-acs-mou-2017.json'));
  assert.deepEqual(page.problems, []);
  await page.screenshot({ path: join(screenshotDir, 'example-default.png') });
  await page.context().close();
});

test('?example=NAME opens that example; ?example=none opens nothing', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  assert.equal(await planName(page), exampleName('herefordshire-worcestershire-2019.json'));
  await page.context().close();
  const empty = await openPlanner(env.browser, at('?example=none'));
  assert.equal(await empty.evaluate(() => window.planner.currentPlan()), null);
  await empty.context().close();
});

test('an unknown example is reported plainly and nothing opens', async () => {
  for (const [query, words] of [['?example=no-such-plan', /There is no example called "no-such-plan"/],
    ['?example=..%2Fsecret', /is not the name of an example/]]) {
    const page = await openPlanner(env.browser, at(query));
    assert.equal(await page.evaluate(() => window.planner.currentPlan()), null);
    const report = await page.evaluate(() => window.planner.lastOpenReport());
    assert.equal(report.ok, false);
    assert.match(report.messages.join(' '), words);
    await page.context().close();
  }
});

test('File > Open example lists every example and opens the one chosen', async () => {
  const page = await openPlanner(env.browser, at('?example=none'));
  await page.mouse.click(246, 16);  // "File"
  await settle(page);
  await page.mouse.move(290, 96);   // "Open example", after "Open plan file" and "Download plan"
  await settle(page);
  await page.screenshot({ path: join(screenshotDir, 'example-menu.png') });
  // The submenu opens to the right, one item per example in the File menu's order.
  await page.mouse.move(560, 96);
  await page.mouse.click(560, 96 + 4 * 23);  // the fifth: Herefordshire and Worcestershire 2019
  await page.waitForFunction(() => window.planner.currentPlan() !== null);
  assert.equal(await planName(page), exampleName('herefordshire-worcestershire-2019.json'));
  await page.context().close();
});

test('every example opens in the page with no errors, as planner-cli converts it', async () => {
  assert.equal(examples.length, 5);
  const page = await openPlanner(env.browser, at('?example=none'));
  for (const file of examples) {
    const text = readFileSync(join(examplesDir, file), 'utf8');
    const answer = await page.evaluate(([t, n]) => window.planner.openPlan(t, { name: n }), [text, file]);
    assert.equal(answer.ok, true, `${file}: ${answer.messages.join('; ')}`);
    assert.equal(answer.problems.filter((p) => p.severity === 'error').length, 0, file);
    const converted = execFileSync(cli, ['convert', join(examplesDir, file), '-o', '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    assert.equal(await page.evaluate(() => window.planner.currentPlan()), converted, file);
  }
  await page.context().close();
});
