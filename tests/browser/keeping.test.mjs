// Keeping work in the browser: every edit stored at once, a page closed right
// after an edit loses nothing, storage that is full or missing is said
// plainly while editing goes on, and two tabs never silently overwrite each
// other. Several pages share one browser context (one origin's storage).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, screenshotDir, settle, waitFor } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const home = () => new URL('./', env.url).href;
const api = (page, method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);
const bodyName = async (page, id) => JSON.parse(await api(page, 'currentPlan')).bodies.find((b) => b.id === id).name;

async function open(context, url = home()) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(error.message));
  await page.goto(url);
  await page.evaluate(() => window.planner.ready);
  return page;
}

test('an edit made just before the page is closed is there when the planner is opened again', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const first = await open(context);
  assert.equal((await api(first, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'Renamed just before closing' })).ok, true);
  await first.close({ runBeforeUnload: true });  // at once: no time for a timer
  await new Promise((resolve) => setTimeout(resolve, 300));
  const again = await open(context);
  assert.equal(await bodyName(again, 'jc-ccgs'), 'Renamed just before closing');
  const stored = await api(again, 'storedPlans');
  assert.equal(stored.length, 1);
  assert.match(stored[0].name, /South Yorkshire and Bassetlaw/);
  // ?example= still opens the example itself, untouched.
  const example = await open(context, new URL('?example=syb-acs-mou-2017', env.url).href);
  assert.equal(await bodyName(example, 'jc-ccgs'), 'Joint Committee of Clinical Commissioning Groups');
  await context.close();
});

test('a full quota, or no IndexedDB at all, is said plainly and editing goes on', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(env.url).origin, quotaSize: 1024 });
  assert.equal((await api(page, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'After the quota' })).ok, true);
  await waitFor(page, () => !document.getElementById('storage-message').hidden);
  assert.match(await page.textContent('#storage-message'), /no more room for plans.*Download a copy/s);
  assert.equal((await api(page, 'storage')).problem.kind, 'quota');
  assert.equal((await api(page, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'Still editing' })).ok, true);
  assert.equal(await bodyName(page, 'jc-ccgs'), 'Still editing');
  await page.screenshot({ path: join(screenshotDir, 'storage-quota.png') });
  await context.close();

  const without = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await without.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  const bare = await open(without);
  await waitFor(bare, () => !document.getElementById('storage-message').hidden);
  assert.match(await bare.textContent('#storage-message'), /IndexedDB is not available/);
  assert.equal((await api(bare, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'In memory' })).ok, true);
  assert.equal(await bodyName(bare, 'jc-ccgs'), 'In memory');
  await without.close();
});

test('two tabs on one plan: a tab with no changes takes the other\'s, and a tab that was overtaken asks instead of overwriting', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await open(context);
  await api(a, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'From A' });
  await waitFor(a, () => window.planner.storage().revision !== null);
  const b = await open(context);  // reopens the same stored plan
  assert.equal(await bodyName(b, 'jc-ccgs'), 'From A');
  // A changes it again: B, with nothing of its own, follows.
  await api(a, 'edit', { op: 'rename', id: 'cic', name: 'Second from A' });
  await waitFor(b, () => JSON.parse(window.planner.currentPlan()).bodies.find((x) => x.id === 'cic').name === 'Second from A');
  assert.equal((await api(b, 'storage')).revision, (await api(a, 'storage')).revision);
  // Another writer gets in first without B hearing of it (its message lost,
  // or a window of another browser profile sharing nothing but the store):
  // B's next save is refused, it asks, and nothing is overwritten.
  await b.evaluate(async () => {
    const { id, revision } = window.planner.storage();
    const store = await window.PlanStore.open();
    const record = await store.get(id);
    await store.put(id, { name: record.name, text: record.text.replace('Second from A', 'Written elsewhere') }, revision);
  });
  await api(b, 'edit', { op: 'rename', id: 'esg', name: 'Edit in B' });
  await waitFor(b, () => !document.getElementById('storage-message').hidden);
  assert.equal((await api(b, 'storage')).problem.kind, 'conflict');
  assert.match(await b.textContent('#storage-message'), /changed elsewhere.*Nothing has been overwritten.*Take their version.*Keep mine as a copy/s);
  await b.screenshot({ path: join(screenshotDir, 'storage-conflict.png') });
  await b.click('text=Keep mine as a copy');
  await waitFor(b, () => document.getElementById('storage-message').hidden);
  await waitFor(b, () => window.planner.storage().revision === 1);  // the copy, stored
  const texts = await b.evaluate(async () => {
    const store = await window.PlanStore.open();
    const list = await store.list();
    return Promise.all(list.map(async (p) => (await store.get(p.id)).text));
  });
  assert.equal(texts.length, 2, 'the refused tab\'s work is kept as a copy');
  assert.ok(texts.some((t) => t.includes('Written elsewhere') && !t.includes('Edit in B')), 'the other writer\'s version is untouched');
  assert.ok(texts.some((t) => t.includes('Edit in B')), 'B\'s edit is kept');
  await context.close();
});
