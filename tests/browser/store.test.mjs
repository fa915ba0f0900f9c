// The plan store (shell/plan-store.js) in a real browser: revisions that
// refuse a stale write, read-back, kept versions, damaged records, quota and
// missing IndexedDB. (Wiring it to the page's autosave is issue 10's next step.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPlanner, blankPage } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test('a plan is written with a revision, read back, and a stale revision is refused', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  const result = await page.evaluate(async () => {
    const store = await window.PlanStore.open('store-test-1');
    const first = await store.put('p1', { name: 'Plan one', text: '{"a":1}' }, null);
    const second = await store.put('p1', { name: 'Plan one', text: '{"a":2}' }, first);
    let conflict = null;
    try {
      await store.put('p1', { name: 'Plan one', text: '{"a":3}' }, first);  // another tab's stale view
    } catch (error) {
      conflict = { kind: error.kind, stored: error.stored, message: error.message };
    }
    const got = await store.get('p1');
    const list = await store.list();
    return { first, second, conflict, text: got.text, revision: got.revision, list };
  });
  assert.equal(result.first, 1);
  assert.equal(result.second, 2);
  assert.deepEqual({ kind: result.conflict.kind, stored: result.conflict.stored }, { kind: 'conflict', stored: 2 });
  assert.match(result.conflict.message, /changed elsewhere \(in another tab or window\)/);
  assert.equal(result.text, '{"a":2}', 'the stale write changed nothing');
  assert.equal(result.revision, 2);
  assert.equal(result.list.length, 1);
  assert.equal(result.list[0].name, 'Plan one');
  await page.context().close();
});

test('the last versions are kept, a damaged record is reported with the versions to restore, removing takes all and putBack undoes it', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  const result = await page.evaluate(async () => {
    const store = await window.PlanStore.open('store-test-2');
    let revision = null;
    for (let i = 1; i <= 13; i++) revision = await store.put('p', { name: 'P', text: `{"n":${i}}` }, revision);
    const versions = await store.versions('p');
    const third = await store.version('p', 12);
    // Damage the stored copy behind the store's back.
    await new Promise((resolve, reject) => {
      const t = store.db.transaction('plans', 'readwrite');
      const plans = t.objectStore('plans');
      const r = plans.get('p');
      r.onsuccess = () => plans.put({ ...r.result, text: '{"n":' });
      t.oncomplete = resolve;
      t.onerror = () => reject(t.error);
    });
    let damaged = null;
    try {
      await store.get('p');
    } catch (error) {
      damaged = { kind: error.kind, versions: error.versions, revision: error.revision, message: error.message };
    }
    const listed = (await store.list())[0];
    const removed = await store.remove('p');
    const after = await store.list();
    const afterVersions = await store.versions('p');
    await store.putBack(removed);
    return { versions: versions.map((v) => v.revision), keep: window.PlanStore.keptVersions, third: third.text, damaged,
      listedDamaged: listed.damaged, removedName: removed.record.name, after, afterVersions,
      back: (await store.versions('p')).length, backRevision: await store.revision('p') };
  });
  assert.equal(result.versions.length, result.keep);
  assert.deepEqual(result.versions.slice(0, 3), [13, 12, 11]);
  assert.equal(result.third, '{"n":12}');
  assert.equal(result.damaged.kind, 'unreadable');
  assert.match(result.damaged.message, /damaged and cannot be read\. An earlier version can be restored\./);
  assert.equal(result.damaged.versions[0], 13);
  assert.equal(result.damaged.revision, 13);
  assert.equal(result.listedDamaged, true);
  assert.equal(result.removedName, 'P');
  assert.deepEqual(result.after, []);
  assert.deepEqual(result.afterVersions, []);
  assert.equal(result.back, result.keep, 'putBack brings every version back');
  assert.equal(result.backRevision, 13);
  await page.context().close();
});

test('a full quota and a browser without IndexedDB are reported plainly', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(env.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 64 * 1024 });
  const quota = await page.evaluate(async () => {
    const store = await window.PlanStore.open('store-test-3');
    try {
      await store.put('big', { name: 'Big plan', text: 'x'.repeat(2 * 1024 * 1024) }, null);
      return { kind: 'none' };
    } catch (error) {
      return { kind: error.kind, message: error.message, quota: window.PlanStore.isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }) };
    }
  });
  assert.equal(quota.kind, 'quota');
  assert.match(quota.message, /no more room for plans/);
  assert.equal(quota.quota, true, 'Firefox\'s name for it is recognised too');
  const missing = await page.evaluate(async () => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
    try {
      await window.PlanStore.open('store-test-4');
      return null;
    } catch (error) {
      return { kind: error.kind, message: error.message };
    }
  });
  assert.equal(missing.kind, 'unavailable');
  assert.match(missing.message, /IndexedDB is not available/);
  await page.context().close();
});

test('a newer planner upgrading the store in another tab is not blocked, and this tab says so on its next write', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  const result = await page.evaluate(async () => {
    const store = await window.PlanStore.open('store-test-upgrade');
    await store.put('p', { name: 'P', text: '{}' }, null);
    // What a later version's open(name, 2) does.
    const upgraded = await new Promise((resolve, reject) => {
      const opening = indexedDB.open('store-test-upgrade', 2);
      opening.onsuccess = () => resolve(true);
      opening.onerror = () => reject(opening.error);
      opening.onblocked = () => resolve(false);
    });
    let error = null;
    try {
      await store.put('p', { name: 'P', text: '{"a":1}' }, 1);
    } catch (e) {
      error = { kind: e.kind, message: e.message };
    }
    return { upgraded, error };
  });
  assert.equal(result.upgraded, true, 'the upgrade was not blocked');
  assert.equal(result.error.kind, 'unavailable');
  assert.match(result.error.message, /newer version of the planner was opened in another tab.*download a copy/);
  await page.context().close();
});
