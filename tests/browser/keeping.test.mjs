// Keeping work in the browser: every edit stored at once, a page closed right
// after an edit loses nothing, storage that is full or missing is said
// plainly while editing goes on, and two tabs never silently overwrite each
// other. Several pages share one browser context (one origin's storage).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, screenshotDir, settle, waitFor, openInContext } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const home = () => new URL('./', env.url).href;
const api = (page, method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);
const bodyName = async (page, id) => JSON.parse(await api(page, 'currentPlan')).bodies.find((b) => b.id === id).name;

const open = (context, url = home()) => openInContext(context, url);

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
  // The quota is set before the page opens: Chromium works out the room
  // left when the page first writes (the tab's own record, at once), so a
  // quota lowered afterwards would not be felt straight away.
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(env.url).origin, quotaSize: 1024 });
  page.problems = [];
  await page.goto(home());
  await page.evaluate(() => window.planner.ready);
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

test('My plans: rename, duplicate, delete with undo, and restore an earlier version, by its buttons', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context);
  for (const name of ['First name', 'Second name', 'Third name']) {
    await api(page, 'edit', { op: 'rename', id: 'jc-ccgs', name });
    await waitFor(page, (n) => window.planner.storage().revision === n, name === 'First name' ? 1 : name === 'Second name' ? 2 : 3);
  }
  const { id } = await api(page, 'storage');
  // Another plan, from a file, kept beside it.
  const other = (await page.evaluate(() => window.planner.currentPlan())).replace(/"name": "South Yorkshire[^"]*"/, '"name": "Another plan"');
  await page.evaluate(async (text) => {
    window.planner.openPlan(text, { name: 'another.json' });
    window.planner.edit({ op: 'rename', id: 'cic', name: 'Changed in the other plan' });
  }, other);
  await waitFor(page, () => window.planner.storage().revision === 1);
  assert.equal((await api(page, 'storedPlans')).length, 2);

  // File > My plans.
  await page.mouse.click(242, 16);
  await settle(page, 200);
  await page.mouse.click(270, 48);
  const dialog = page.locator('dialog#my-plans');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.textContent(), /Another plan.*open here/s);
  await page.screenshot({ path: join(screenshotDir, 'my-plans.png') });

  // Rename the plan that is not open: typed, Enter.
  const syb = /South Yorkshire and Bassetlaw/;
  await dialog.getByRole('button', { name: /^Rename "South Yorkshire/ }).click();
  const input = dialog.getByRole('textbox', { name: /New name for/ });
  await input.fill('SYB, renamed in My plans');
  await input.press('Enter');
  await waitFor(page, () => /Renamed to "SYB, renamed in My plans"/.test(document.querySelector('#my-plans .panel-status').textContent));
  const renamed = await page.evaluate(async (plan) => (await (await window.PlanStore.open()).get(plan)).text, id);
  assert.match(renamed, /"name": "SYB, renamed in My plans"/);
  assert.match(renamed, /Third name/, 'only the name changed');
  assert.doesNotMatch(await dialog.textContent(), syb);

  // Duplicate it, then delete the copy and undo.
  await dialog.getByRole('button', { name: 'Duplicate "SYB, renamed in My plans"' }).click();
  await dialog.getByRole('button', { name: 'Delete "SYB, renamed in My plans (copy)"' }).waitFor();
  assert.equal((await api(page, 'storedPlans')).length, 3);
  await dialog.getByRole('button', { name: 'Delete "SYB, renamed in My plans (copy)"' }).click();
  await dialog.getByRole('button', { name: 'Undo' }).waitFor();
  assert.equal((await api(page, 'storedPlans')).length, 2);
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await dialog.getByRole('button', { name: 'Delete "SYB, renamed in My plans (copy)"' }).waitFor();
  assert.equal((await api(page, 'storedPlans')).length, 3);
  // Keys typed in the panel stay there: "2" would show the governance view on the canvas.
  await dialog.getByRole('button', { name: 'Rename "Another plan"' }).click();
  await dialog.getByRole('textbox', { name: /New name for/ }).press('2');
  await dialog.getByRole('textbox', { name: /New name for/ }).press('Escape');
  assert.equal(await dialog.isVisible(), true, 'Escape in the name field cancels the rename, not the panel');
  assert.equal(await api(page, 'currentView'), 'layers');
  // The open plan cannot be deleted from under the page.
  assert.equal(await dialog.getByRole('button', { name: 'Delete "Another plan"' }).isDisabled(), true);

  // Open the renamed plan and restore an earlier version: the one with "Second name".
  await dialog.getByRole('button', { name: 'Open "SYB, renamed in My plans"' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await bodyName(page, 'jc-ccgs'), 'Third name');
  assert.equal((await api(page, 'storage')).id, id);
  const versions = await api(page, 'storedVersions', id);
  assert.deepEqual(versions.map((v) => v.revision), [4, 3, 2, 1]);
  await api(page, 'showMyPlans');
  await dialog.getByRole('button', { name: 'Show earlier versions of "SYB, renamed in My plans"' }).click();
  const restoreButtons = dialog.getByRole('button', { name: /^Restore "SYB, renamed in My plans" to its version of/ });
  await restoreButtons.first().waitFor();
  assert.equal(await restoreButtons.count(), 3, 'every version but the current one');
  await page.screenshot({ path: join(screenshotDir, 'my-plans-versions.png') });
  await restoreButtons.nth(1).click();  // versions newest first: 4 (current), 3, 2
  await waitFor(page, () => /was restored to its version of/.test(document.querySelector('#my-plans .panel-status').textContent));
  assert.equal(await bodyName(page, 'jc-ccgs'), 'Second name', 'the open page shows the restored version');
  assert.equal((await api(page, 'storage')).revision, 5, 'restoring is itself a new version');
  assert.equal((await api(page, 'storedVersions', id)).length, 5);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Typing in My plans never reached the canvas: no plan edits, no view change.
  assert.equal(await api(page, 'currentView'), 'layers');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a damaged stored plan is reported on opening, and its last good version restored', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context);
  await api(page, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'Good version' });
  await waitFor(page, () => window.planner.storage().revision === 1);
  const { id } = await api(page, 'storage');
  await api(page, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'Later version' });
  await waitFor(page, () => window.planner.storage().revision === 2);
  await page.close({ runBeforeUnload: true });
  // The disk (or a bug) damages the stored copy and its newest version.
  const tamper = await context.newPage();
  await tamper.goto(new URL('?example=none', env.url).href);
  await tamper.evaluate(async (plan) => {
    const store = await window.PlanStore.open();
    await new Promise((resolve, reject) => {
      const t = store.db.transaction(['plans', 'versions'], 'readwrite');
      const plans = t.objectStore('plans');
      const versions = t.objectStore('versions');
      plans.get(plan).onsuccess = (e) => plans.put({ ...e.target.result, text: e.target.result.text.slice(0, 500) });
      versions.get([plan, 2]).onsuccess = (e) => versions.put({ ...e.target.result, text: '{' });
      t.oncomplete = resolve;
      t.onerror = () => reject(t.error);
    });
    store.close();
  }, id);
  await tamper.close();

  const again = await open(context);
  await waitFor(again, () => !document.getElementById('storage-message').hidden);
  assert.match(await again.textContent('#storage-message'), /is damaged and cannot be read\. An earlier version can be restored\./);
  assert.equal(await bodyName(again, 'jc-ccgs'), 'Joint Committee of Clinical Commissioning Groups', 'the example opened meanwhile');
  await again.screenshot({ path: join(screenshotDir, 'storage-damaged.png') });
  await again.click('text=Restore the last good version');
  await waitFor(again, () => document.getElementById('storage-message').hidden);
  assert.equal(await bodyName(again, 'jc-ccgs'), 'Good version');
  assert.equal((await api(again, 'storage')).id, id);
  assert.equal((await api(again, 'storage')).revision, 3);
  const listed = await api(again, 'storedPlans');
  assert.equal(listed.find((p) => p.id === id).damaged, false);
  await context.close();
});

test('a reloaded tab shows what it showed, a file or example only looked at included; two tabs keep their own and My plans is unchanged', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const planName = async (page) => JSON.parse(await api(page, 'currentPlan')).name;
  const exampleText = (page, name) => page.evaluate((n) => fetch(`assets/examples/${n}.json`).then((r) => r.text()), name);
  const fileTab = await open(context);
  const apiTab = await open(context);
  const menuTab = await open(context);
  // A plan file opened with File > Open (Ctrl+O).
  const nwl = await exampleText(fileTab, 'nwl-collaboration-2018');
  await fileTab.mouse.click(1200, 420);
  const picking = fileTab.waitForEvent('filechooser');
  await settle(fileTab, 200);
  await fileTab.keyboard.press('Control+o');
  await (await picking).setFiles({ name: 'north-west-london.json', mimeType: 'application/json', buffer: Buffer.from(nwl) });
  await waitFor(fileTab, () => /North West London/.test(JSON.parse(window.planner.currentPlan()).name));
  // A plan a host page hands over.
  const ncl = JSON.stringify(JSON.parse(await exampleText(apiTab, 'ncl-collaboration-2015')));  // on one line, unlike a saved plan
  assert.equal((await apiTab.evaluate((t) => window.planner.openPlan(t, { name: 'ncl.json' }), ncl)).ok, true);
  // An example chosen from File > Open example (the fifth: Herefordshire and Worcestershire 2019).
  await menuTab.mouse.click(246, 16);
  await settle(menuTab);
  await menuTab.mouse.move(290, 96);
  await settle(menuTab);
  await menuTab.mouse.move(560, 96);
  await menuTab.mouse.click(560, 96 + 4 * 23);
  await waitFor(menuTab, () => /Herefordshire/.test(JSON.parse(window.planner.currentPlan()).name));
  const names = [await planName(fileTab), await planName(apiTab), await planName(menuTab)];
  assert.equal(new Set(names).size, 3);
  assert.deepEqual(await api(fileTab, 'storedPlans'), [], 'nothing was changed, so nothing is in My plans');
  // The tab's record holds the very text that was opened: a large plan is not written out again just after it was read.
  const recordText = (page) => page.evaluate(() => new Promise((resolve, reject) => {
    const opening = indexedDB.open('care-structure-planner-tabs');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const all = opening.result.transaction('tabs').objectStore('tabs').getAll();
      all.onsuccess = () => resolve(all.result.map((record) => record.text));
    };
  }));
  let texts = [];
  for (let i = 0; i < 40 && !texts.includes(ncl); i++) {
    await apiTab.waitForTimeout(50);
    texts = await recordText(apiTab);
  }
  assert.ok(texts.includes(ncl), 'the record of the tab a host page handed a plan to');

  for (const page of [fileTab, apiTab, menuTab]) {
    await page.reload();
    await page.evaluate(() => window.planner.ready);
  }
  assert.deepEqual([await planName(fileTab), await planName(apiTab), await planName(menuTab)], names);
  assert.deepEqual(await api(fileTab, 'storedPlans'), [], 'My plans is unchanged');
  // A new tab goes by the address: with nothing kept, the default example.
  const fresh = await open(context);
  assert.match(await planName(fresh), /South Yorkshire and Bassetlaw/);
  // Once changed, the plan is kept from then on, and a reload brings back the kept plan.
  await api(apiTab, 'edit', { op: 'setPlan', field: 'name', value: 'NCL, changed' });
  await waitFor(apiTab, () => window.planner.storage().revision !== null);
  await apiTab.reload();
  await apiTab.evaluate(() => window.planner.ready);
  assert.equal(await planName(apiTab), 'NCL, changed');
  assert.equal((await api(apiTab, 'storedPlans')).length, 1);
  assert.equal((await api(apiTab, 'storage')).revision, 1, 'the reloaded tab keeps writing to the same kept plan');
  await context.close();
});

test('a broken file shows its messages and leaves the open plan as it was', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context);
  await api(page, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'Work in progress' });
  const before = await api(page, 'currentPlan');
  await page.mouse.click(1200, 420);  // the page has the keyboard (an empty part of the canvas)
  const broken = before.replace('"layer": "pcn"', '"layer": "primary-care-network"').replace(/"parent": "[^"]+"/, '"parent": "nowhere"');
  // Playwright starts catching file pickers only once asked: ask, let it take hold, then press.
  const picking = page.waitForEvent('filechooser');
  await settle(page, 200);
  await page.keyboard.press('Control+o');
  const chooser = await picking;
  await chooser.setFiles({ name: 'broken-plan.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await waitFor(page, () => window.planner.lastOpenReport().name === 'broken-plan.json');
  const report = await api(page, 'lastOpenReport');
  assert.equal(report.ok, false);
  assert.ok(report.messages.some((m) => /^\/units\/\d+\/layer: /.test(m)), report.messages.join('\n'));
  assert.ok(report.messages.some((m) => /^\/units\/\d+\/parent: .*nowhere/.test(m)), report.messages.join('\n'));
  assert.equal(await api(page, 'currentPlan'), before, 'the open plan is untouched');
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'open-broken-file.png') });
  await context.close();
});

test('Save to file writes through the File System Access API, to the same file until Save as; the file reopens identically', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  // A file picker that records what is written, as the browser's would.
  await context.addInitScript(() => {
    window.savedFiles = [];
    window.pickerCalls = 0;
    window.showSaveFilePicker = async ({ suggestedName }) => {
      window.pickerCalls += 1;
      const file = { name: `picked-${window.pickerCalls}-${suggestedName}`, text: '' };
      window.savedFiles.push(file);
      return {
        name: file.name,
        async createWritable() {
          let text = '';
          return { async write(part) { text += part; }, async close() { file.text = text; } };
        },
      };
    };
  });
  const page = await open(context, new URL('?example=nwl-collaboration-2018', env.url).href);
  await api(page, 'edit', { op: 'setPlan', field: 'name', value: 'North West London, saved' });
  assert.equal(await api(page, 'unsavedChanges'), true);
  await page.keyboard.press('Control+s');
  await waitFor(page, () => window.savedFiles.length === 1 && window.savedFiles[0].text.length > 0);
  assert.equal(await api(page, 'unsavedChanges'), false);
  await api(page, 'edit', { op: 'setPlan', field: 'name', value: 'North West London, saved twice' });
  await page.keyboard.press('Control+s');
  await waitFor(page, () => window.savedFiles[0].text.includes('saved twice'));
  assert.equal(await page.evaluate(() => window.pickerCalls), 1, 'the second save went to the same file');
  const answer = await page.evaluate(() => window.planner.saveToFile({ ask: true }));
  assert.equal(answer.ok, true);
  assert.equal(await page.evaluate(() => window.pickerCalls), 2, 'Save as asks again');
  const [first] = await page.evaluate(() => window.savedFiles);
  assert.equal(first.name, 'picked-1-nwl-collaboration-2018.json', 'named after the file it came from');
  assert.equal(first.text, await api(page, 'currentPlan'));
  // The file, opened again, is the plan byte for byte.
  const reopened = await api(page, 'openPlan', first.text, { name: first.name });
  assert.equal(reopened.ok, true);
  assert.equal(await api(page, 'currentPlan'), first.text);
  await context.close();
});
