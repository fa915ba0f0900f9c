// What each tab has open, so that reloading a tab brings back exactly what
// it showed (docs/storage.md), even a plan that was only looked at and so is
// not in My plans.
//
// A tab's record names the plan's id in the store (where it is once changed)
// and, until then, holds the plan's text. Records live in a database of
// their own, which My plans never lists, and are dropped after 30 days
// unused. A tab finds its record by an id in sessionStorage, which a reload
// keeps and a new tab does not have. A tab the browser duplicates (or one
// opened by window.open) copies that id, so each page holds a Web Lock on
// its id while it lives; a page that finds the lock taken reads the record
// it was given but writes a new one, and two tabs never take each other's.
//
// window.PlannerTabSession.open() -> {restore(), remember(entry)}, or null
// where the browser keeps nothing (no IndexedDB or sessionStorage).
(function () {
  'use strict';

  const databaseName = 'care-structure-planner-tabs';
  const sessionKey = 'care-structure-planner.tab';
  const lockPrefix = 'care-structure-planner.tab.';
  const keepFor = 30 * 24 * 60 * 60 * 1000;

  function request(r) {
    return new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  }

  function openDatabase() {
    const opening = indexedDB.open(databaseName, 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore('tabs', { keyPath: 'id' }).createIndex('byUpdated', 'updated');
    };
    return request(opening);
  }

  // Holds the lock on `name` for the page's life: true if this page has it.
  function holdLock(name) {
    if (!navigator.locks) return Promise.resolve(true);  // older browsers: a duplicated tab may share
    return new Promise((resolve) => {
      navigator.locks.request(name, { ifAvailable: true }, (lock) => {
        resolve(Boolean(lock));
        return lock ? new Promise(() => {}) : undefined;
      }).catch(() => resolve(true));
    });
  }

  const newId = () => `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  // Reloads and returns from history bring the tab's plan back; a new
  // visit (a typed address, a link, a new tab) goes by the address.
  function reloaded() {
    const [entry] = performance.getEntriesByType('navigation');
    return Boolean(entry) && (entry.type === 'reload' || entry.type === 'back_forward');
  }

  async function open() {
    let db;
    let given;
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) return null;
      given = sessionStorage.getItem(sessionKey);
      db = await openDatabase();
    } catch (error) {
      return null;  // storage refused (a sandboxed frame, private mode): tabs just start afresh
    }
    let id = given;
    if (!id || !(await holdLock(lockPrefix + id))) {
      id = newId();
      await holdLock(lockPrefix + id);
      try { sessionStorage.setItem(sessionKey, id); } catch (error) { /* keeps working, unremembered */ }
    }
    prune(db).catch(() => {});
    let written = null;  // the key of what was last written, to write only changes

    return {
      // The record of what this tab showed before a reload, or null.
      async restore() {
        if (!given || !reloaded()) return null;
        try {
          return (await request(db.transaction('tabs').objectStore('tabs').get(given))) || null;
        } catch (error) {
          return null;
        }
      },
      // Records what the tab shows, {generation, planId, name, fileName,
      // stored, text()}: the text (asked for only when written) until the
      // plan is in the store. Written only when one of those changed.
      remember(entry) {
        const key = `${entry.generation}/${entry.planId}/${entry.stored}`;
        if (key === written) return;
        written = key;
        try {
          const transaction = db.transaction('tabs', 'readwrite');
          transaction.objectStore('tabs').put({
            id, planId: entry.planId, name: entry.name, fileName: entry.fileName,
            text: entry.stored ? null : entry.text(), updated: Date.now(),
          });
          transaction.onerror = () => { written = null; };  // tried again on the next change
        } catch (error) {
          written = null;
        }
      },
    };
  }

  // Drops the records of tabs unused for a month.
  async function prune(db) {
    const transaction = db.transaction('tabs', 'readwrite');
    const index = transaction.objectStore('tabs').index('byUpdated');
    const old = await request(index.getAllKeys(IDBKeyRange.upperBound(Date.now() - keepFor)));
    for (const key of old) transaction.objectStore('tabs').delete(key);
  }

  window.PlannerTabSession = { open };
})();
