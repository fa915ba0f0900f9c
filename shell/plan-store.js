// Plans kept in the browser's IndexedDB, called directly (Emscripten's IDBFS
// cannot check a revision and write in one transaction: TOOLCHAIN.md).
//
// Every stored plan carries a revision. A write succeeds only if the stored
// revision is the one the writer last saw, checked and written in one
// transaction, so two tabs never silently overwrite each other. Each write
// is read back in a new transaction and compared by a checksum, so a save that
// did not happen is noticed. The last few versions of each plan are kept.
// Quota and unavailable storage are reported as such in every browser.
//
// window.PlanStore.open() -> a store with list, get, revision, put, remove,
// putBack, versions, version; errors are PlanStoreError with kind "unavailable", "quota",
// "conflict", "unreadable" or "not-verified".
(function () {
  'use strict';

  const databaseName = 'care-structure-planner';
  const keptVersions = 10;

  class PlanStoreError extends Error {
    constructor(kind, message, details = {}) {
      super(message);
      this.name = 'PlanStoreError';
      this.kind = kind;
      Object.assign(this, details);
    }
  }

  // Chromium's QuotaExceededError, Firefox's NS_ERROR_DOM_QUOTA_REACHED,
  // Safari's and old browsers' numeric codes.
  function isQuotaError(error) {
    if (!error) return false;
    return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
      error.code === 22 || error.code === 1014 || /quota/i.test(String(error.message));
  }

  function storageError(error, doing) {
    if (error instanceof PlanStoreError) return error;
    if (isQuotaError(error)) {
      return new PlanStoreError('quota', `The browser has no more room for plans (${doing} failed). ` +
        'Your work is safe in this tab: download a copy, then delete plans you no longer need.');
    }
    return new PlanStoreError('unavailable', `The browser's storage could not be used (${doing}: ${error && error.message}). ` +
      'Your work is safe in this tab: download a copy to keep it.');
  }

  // FNV-1a over the text's UTF-16 code units, twice with different seeds:
  // synchronous, so that a save started as the page closes opens its
  // transaction at once (an awaited hash would come too late).
  function checksum(text) {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0') + text.length.toString(16);
  }

  function request(r) {
    return new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  }

  function finished(transaction) {
    return new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error || new Error('the transaction was aborted'));
      // A failed request's error bubbles here before the abort sets transaction.error.
      transaction.onerror = (event) => reject(event.target.error || transaction.error);
    });
  }

  async function open(name = databaseName) {
    if (typeof indexedDB === 'undefined' || !indexedDB) {
      throw new PlanStoreError('unavailable', 'This browser keeps no plans (IndexedDB is not available, as in some private windows). ' +
        'Your work is safe in this tab: download a copy to keep it.');
    }
    let db;
    try {
      const opening = indexedDB.open(name, 1);
      opening.onupgradeneeded = () => {
        const upgrade = opening.result;
        upgrade.createObjectStore('plans', { keyPath: 'id' });
        const versions = upgrade.createObjectStore('versions', { keyPath: ['id', 'revision'] });
        versions.createIndex('byPlan', 'id');
      };
      db = await request(opening);
    } catch (error) {
      throw storageError(error, 'opening the store');
    }
    return new Store(db);
  }

  class Store {
    constructor(db) {
      this.db = db;
      this.replaced = false;
      // A newer planner in another tab needs the store upgraded: this
      // connection steps aside rather than block it, and says so on the next write.
      db.onversionchange = () => {
        this.replaced = true;
        db.close();
      };
    }

    close() { this.db.close(); }

    // Every stored plan: [{id, name, revision, updated, size, damaged}], newest first.
    async list() {
      const records = await request(this.db.transaction('plans').objectStore('plans').getAll());
      return records.map(({ id, name, revision, updated, text, checksum: sum }) => ({
        id, name, revision, updated, size: text.length, damaged: checksum(text) !== sum,
      })).sort((a, b) => b.updated - a.updated);
    }

    // The stored revision of a plan, damaged or not; null when there is none.
    async revision(id) {
      const record = await request(this.db.transaction('plans').objectStore('plans').get(id));
      return record ? record.revision : null;
    }

    // A stored plan, checked against its checksum; one that does not match
    // is reported with the revisions of the versions kept, to restore one.
    async get(id) {
      const record = await request(this.db.transaction('plans').objectStore('plans').get(id));
      if (!record) return null;
      if (checksum(record.text) !== record.checksum) {
        const kept = (await this.versions(id)).map((v) => v.revision);
        throw new PlanStoreError('unreadable', `The stored copy of "${record.name}" is damaged and cannot be read. ` +
          (kept.length ? 'An earlier version can be restored.' : 'No earlier version is kept.'), { id, revision: record.revision, versions: kept });
      }
      return record;
    }

    // Writes a plan if the stored revision is still `expected` (null: a new
    // plan), then reads it back to make sure. Answers the new revision; a
    // stale `expected` throws a "conflict" error with the stored revision.
    //
    // The check and the write are one transaction whose requests are all
    // made at once: the new version is *added* under (id, expected + 1),
    // which fails if another tab already wrote that revision, and then the
    // transaction (with the plan's new record) is rolled back. Nothing waits
    // on a callback first, so a save started as the page closes goes through.
    async put(id, { name, text }, expected) {
      if (this.replaced) {
        throw new PlanStoreError('unavailable', 'A newer version of the planner was opened in another tab, so this tab can no longer keep plans. ' +
          'Your work is safe in this tab: download a copy, then reload it.');
      }
      const sum = checksum(text);
      const revision = (expected || 0) + 1;
      const updated = Date.now();
      const record = { id, name, revision, text, checksum: sum, updated };
      try {
        const transaction = this.db.transaction(['plans', 'versions'], 'readwrite');
        const done = finished(transaction);
        transaction.objectStore('versions').add(record);  // fails, and aborts it all, if that revision exists
        transaction.objectStore('plans').put(record);
        if (transaction.commit) transaction.commit();  // no need to wait for the task to end
        await done;
      } catch (error) {
        if (error && error.name === 'ConstraintError') {
          const stored = await request(this.db.transaction('plans').objectStore('plans').get(id)).catch(() => null);
          throw new PlanStoreError('conflict', `"${name}" was changed elsewhere (in another tab or window) since this tab last saved it.`,
            { id, stored: stored ? stored.revision : null });
        }
        throw storageError(error, `saving "${name}"`);
      }
      // Read back in a new transaction: a save that silently did not happen is noticed.
      const back = await request(this.db.transaction('plans').objectStore('plans').get(id));
      if (!back || back.revision !== revision || back.checksum !== sum) {
        throw new PlanStoreError('not-verified', `"${name}" could not be confirmed as saved. Download a copy to be safe.`, { id });
      }
      await this.prune(id);
      return revision;
    }

    // Keeps the last few versions of a plan.
    async prune(id) {
      const transaction = this.db.transaction('versions', 'readwrite');
      const done = finished(transaction);
      const versions = transaction.objectStore('versions');
      const keys = await request(versions.index('byPlan').getAllKeys(IDBKeyRange.only(id)));
      keys.sort((x, y) => x[1] - y[1]);
      for (const key of keys.slice(0, Math.max(0, keys.length - keptVersions))) versions.delete(key);
      await done;
    }

    // Removes a plan and its versions; answers what was removed, for putBack.
    async remove(id) {
      const transaction = this.db.transaction(['plans', 'versions'], 'readwrite');
      const done = finished(transaction);
      const plans = transaction.objectStore('plans');
      const versions = transaction.objectStore('versions');
      const [record, kept] = await Promise.all([
        request(plans.get(id)), request(versions.index('byPlan').getAll(IDBKeyRange.only(id))),
      ]);
      plans.delete(id);
      versions.delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
      await done;
      return { record: record || null, versions: kept };
    }

    // Undoes a remove: the plan and its versions as they were.
    async putBack({ record, versions: kept }) {
      const transaction = this.db.transaction(['plans', 'versions'], 'readwrite');
      const done = finished(transaction);
      if (record) transaction.objectStore('plans').put(record);
      for (const version of kept) transaction.objectStore('versions').put(version);
      await done;
    }

    // The versions kept of a plan, newest first: [{revision, updated, size}].
    async versions(id) {
      const records = await request(this.db.transaction('versions').objectStore('versions').index('byPlan').getAll(IDBKeyRange.only(id)));
      return records.map(({ revision, updated, text }) => ({ revision, updated, size: text.length })).sort((a, b) => b.revision - a.revision);
    }

    // One kept version, {id, revision, name, text, updated}, if it is kept
    // and reads back whole; otherwise null.
    async version(id, revision) {
      const record = await request(this.db.transaction('versions').objectStore('versions').get([id, revision]));
      return record && checksum(record.text) === record.checksum ? record : null;
    }
  }

  window.PlanStore = { open, isQuotaError, PlanStoreError, keptVersions };
})();
