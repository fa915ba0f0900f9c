// Importing NHS files through the page: dropped CSV files are recognised,
// previewed with every skipped row, then imported as one undoable change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankPage, launch, openPlanner, root, screenshotDir, settle, waitFor } from './browser.mjs';

const nhs = join(root, 'tests', 'data', 'nhs');
let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// Drops files on the page as a person would.
const dropFiles = (page, files) => page.evaluate((list) => {
  const transfer = new DataTransfer();
  for (const { name, text } of list) transfer.items.add(new File([text], name, { type: 'text/csv' }));
  window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
}, files);

const file = (name) => ({ name, text: readFileSync(join(nhs, name), 'utf8') });

test('dropping the ePCN sheet and list sizes previews the import, then imports it as a new plan', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  await dropFiles(page, [file('ePCN-core-partners_2019-12_first-40.csv'), file('gp-list-sizes_2021-01_first-30.csv')]);
  await settle(page, 400);
  await page.screenshot({ path: join(screenshotDir, 'import-preview.png') });
  assert.equal(await page.evaluate(() => window.planner.currentPlan()), null, 'nothing changes before the person confirms');
  const answer = await page.evaluate(() => window.planner.confirmImport());
  assert.equal(answer.ok, true, answer.messages.join('; '));
  const plan = JSON.parse(await page.evaluate(() => window.planner.currentPlan()));
  const practice = plan.units.find((u) => u.code === 'C85001');
  assert.equal(practice.name, 'Goldthorpe Medical Centre PMS Practice');
  assert.equal(practice.registeredPopulation, 4371);
  assert.equal(plan.units.find((u) => u.id === practice.parent).code, 'U16464');
  assert.ok(plan.organisations.some((o) => o.code === '02P' && o.kind === 'ccg'));
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'import-done.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('importing into the open plan updates it as one change that one undo reverses; skipped rows are listed', async () => {
  const page = await openPlanner(env.browser, new URL('?example=syb-acs-mou-2017', env.url).href);
  const before = await page.evaluate(() => window.planner.currentPlan());
  const preview = await page.evaluate((files) => window.planner.previewImport(files),
    [file('epraccur_2019-11_sample.csv'), file('gp-list-sizes_2021-01_first-30.csv')]);
  assert.equal(preview.ok, true, preview.messages.join('; '));
  assert.match(preview.files, /epraccur_2019-11_sample\.csv \(GP practices\)/);
  assert.match(preview.summary, /Will import 42 practices/);
  assert.match(preview.summary, /line 4 \([A-Z]\d+\): (closed|dormant)/);
  assert.equal((await page.evaluate(() => window.planner.confirmImport())).ok, true);
  assert.notEqual(await page.evaluate(() => window.planner.currentPlan()), before);
  await page.keyboard.press('Control+z');
  await waitFor(page, (text) => window.planner.currentPlan() === text, before);
  await page.context().close();
});

test('a file that is none of the three layouts is reported and nothing changes', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  const preview = await page.evaluate(() => window.planner.previewImport([{ name: 'notes.csv', text: 'a,"b\n' }]));
  assert.equal(preview.ok, false);
  assert.match(preview.messages[0], /^notes\.csv: line 1: a quoted field is never closed/);
  assert.equal((await page.evaluate(() => window.planner.confirmImport())).ok, false);
  assert.equal(await page.evaluate(() => window.planner.currentPlan()), null);
  await page.context().close();
});
