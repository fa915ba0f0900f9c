// Keeping the open plan: in the browser (shell/plan-store.js) as it changes,
// and in files when asked (docs/storage.md).
//
// Every change is stored within a fraction of a second (the document's
// revision is watched), and at once when the page is hidden or closed. A
// write another tab has overtaken is refused by the store: the page then stops
// and asks. Tabs tell each other about saves over a BroadcastChannel. The
// status bar and the page title say whether changes are kept.
//
// window.PlannerKeeping.create({call, running}) -> the keeping of one page;
// `call(method, args)` reaches the module's API, `running()` says whether it
// has started.
(function () {
  'use strict';

  const lastKey = 'care-structure-planner.last';
  const appTitle = 'Care Structure Planner';

  function newId() {
    return `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  }

  // Offers text (a plan) or a Blob as a file download.
  function download(fileName, content) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type: 'application/json' }));
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function create({ call, running }) {
    let store = null;
    let tab = null;            // what this tab has open, for a reload (shell/tab-session.js)
    let problem = null;        // a PlanStoreError that stops storing, shown in the page
    let current = null;        // {id, generation, stored: revision in the store, savedAt: document revision stored}
    let saving = null;         // the save in flight
    let savingRevision = -1;   // the document revision it stores
    let paused = 0;            // while a stored plan is being opened or restored
    let fileHandle = null;     // {generation, handle}: where Save to file writes without asking
    let opened = null;         // {text, generation, revision}: the text just opened, which is the plan until it changes
    const listChanged = new Set();  // told when stored plans change (the My plans panel)
    const storedListeners = new Set();  // told when this page's plan has been stored
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('care-structure-planner') : null;
    const banner = document.getElementById('storage-message');

    // --- the message at the bottom of the page ---------------------------------
    function show(text, actions = []) {
      if (!banner) return;
      banner.replaceChildren();
      const words = document.createElement('p');
      words.textContent = text;
      banner.append(words);
      for (const [label, act] of actions) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = label;
        button.addEventListener('click', act);
        banner.append(button);
      }
      banner.hidden = false;
    }
    function hide() { if (banner) banner.hidden = true; }

    function downloadCopy() {
      const text = call('currentPlan');
      if (text) download(call('saveName'), text);
    }

    // --- what the status bar and the title say ---------------------------------
    function reportStored() {
      if (!running()) return;
      if (problem) call('keepingStatus', { problem: problem.message });
      else if (current && current.savedAt >= 0 && current.stored !== null) {
        call('keepingStatus', { generation: current.generation, revision: current.savedAt });
      }
    }

    let shownTitle = '';
    function updateTitle(state) {
      const title = state.open ? `${allStored() ? '' : '\u2022 '}${state.name} \u2014 ${appTitle}` : appTitle;
      if (title !== shownTitle) document.title = shownTitle = title;
    }

    function stop(error) {
      problem = error;
      reportStored();
      if (error.kind === 'conflict') {
        show(`${error.message} Nothing has been overwritten.`, [
          ['Take their version', takeTheirs],
          ['Keep mine as a copy', keepMineAsCopy],
        ]);
      } else if (error.kind === 'unreadable') {
        offerLastGood(error);
      } else {
        show(error.message, [['Download a copy', downloadCopy]]);
      }
    }

    function announce(message) {
      if (channel) channel.postMessage(message);
      for (const listener of listChanged) listener();
    }

    async function takeTheirs() {
      const record = await store.get(current.id);
      openRecord(record);
      problem = null;
      hide();
    }

    function keepMineAsCopy() {
      current = { id: newId(), generation: current.generation, stored: null, savedAt: -1 };
      problem = null;
      hide();
      tick();
    }

    function remember(id) {
      try { localStorage.setItem(lastKey, id); } catch (error) { /* private mode: nothing to reopen */ }
    }

    // --- storing as it changes ------------------------------------------------------
    // Stores the open plan if it changed since it was last stored.
    function tick() {
      if (!running()) return null;
      const state = call('documentState');
      updateTitle(state);
      if (!store || problem || saving || paused) return saving;
      if (!state.open) return null;
      if (!current || current.generation !== state.generation) {
        // Another plan opened: stored as a new plan from its first change.
        current = { id: newId(), generation: state.generation, stored: null, savedAt: 0 };
      }
      rememberTab(state);
      if (state.revision === current.savedAt) return null;
      const text = call('currentPlan');
      const target = current;
      const revision = state.revision;
      remember(target.id);  // now, not when the save ends: the page may be closing
      savingRevision = revision;
      saving = store.put(target.id, { name: state.name, text }, target.stored).then((stored) => {
        target.stored = stored;
        target.savedAt = revision;
        if (target === current) {
          reportStored();
          for (const listener of storedListeners) listener();
        }
        announce({ id: target.id, revision: stored });
      }, (error) => stop(error)).finally(() => {
        saving = null;
        updateTitle(call('documentState'));
      });
      return saving;
    }

    // What this tab shows, for a reload: the stored plan's id, and its text
    // until it is stored (a plan only looked at is not in My plans).
    function rememberTab(state) {
      if (!tab) return;
      tab.remember({
        generation: state.generation, planId: current.id, name: state.name, fileName: state.fileName,
        stored: current.stored !== null, text: () => planText(state),
      });
    }

    // The open plan's text: the text it was opened from while it is unchanged,
    // which spares writing a large plan out again (a third of a second for
    // England) just after reading it.
    function planText(state) {
      if (opened && opened.generation === state.generation && opened.revision === state.revision) return opened.text;
      opened = null;
      return call('currentPlan');
    }

    // After a reload: opens what this tab showed before, if it knows; true if it did.
    async function restoreTab() {
      const record = tab ? await tab.restore() : null;
      if (!record) return false;
      try {
        const kept = record.planId ? await store.get(record.planId) : null;
        if (kept) return openRecord(kept);
      } catch (error) {
        offerLastGood(error);
        return true;  // said; the damaged plan is not replaced by another behind the message
      }
      if (record.text === null) return false;  // kept, then deleted elsewhere: start as a new tab would
      const opened = call('openPlan', { text: record.text, name: record.fileName || '' });
      if (!opened.ok) return false;
      // The same id as before, so its first change is kept under it.
      const state = call('documentState');
      current = { id: record.planId, generation: state.generation, stored: null, savedAt: state.revision };
      updateTitle(state);
      return true;
    }

    // Waits until every change so far is stored (or storing has stopped).
    async function settle() {
      for (let i = 0; i < 50 && (saving || (tick(), saving)); i++) await saving;
    }

    function allStored() {
      if (!running()) return true;
      const state = call('documentState');
      if (!store || problem) return !state.open || !call('unsavedChanges');
      // Stored, or being stored now: a prompt would only hold the save up
      // (the page's script waits while the browser asks).
      const ours = current && current.generation === state.generation;
      return !state.open || state.revision === 0 ||
        (ours && (current.savedAt === state.revision || (saving && savingRevision === state.revision)));
    }

    // Before the open plan is replaced: true when nothing would be lost, or
    // the person says to go on.
    function mayReplace() {
      if (allStored()) return true;
      const { name } = call('documentState');
      return window.confirm(`Your changes to "${name}" are not kept in this browser, so opening another plan would lose them. ` +
        'Press Cancel, then File > Save to file to keep them; or OK to open the other plan anyway.');
    }

    // --- opening what is stored ---------------------------------------------------
    function openRecord(record) {
      // No file name: saving it names the file after the plan (saveName).
      const opened = call('openPlan', { text: record.text, name: '' });
      if (!opened.ok) {
        show(`"${record.name}" is kept in this browser but could not be opened: ${opened.messages[0] || 'it is not a valid plan'}.`);
        return false;
      }
      const state = call('documentState');
      current = { id: record.id, generation: state.generation, stored: record.revision, savedAt: state.revision };
      fileHandle = null;
      remember(record.id);
      reportStored();
      updateTitle(state);
      return true;
    }

    // Opens a stored plan in this page (My plans > Open).
    async function openStored(id) {
      if (current && current.id === id && current.generation === call('documentState').generation) return { ok: true, messages: [] };
      if (!mayReplace()) return { ok: false, messages: ['The open plan was kept open.'] };
      await settle();
      paused++;
      try {
        const record = await store.get(id);
        if (!record) return { ok: false, messages: ['That plan is no longer kept in this browser.'] };
        return openRecord(record) ? { ok: true, messages: [] } : { ok: false, messages: ['The plan could not be opened.'] };
      } catch (error) {
        if (error.kind === 'unreadable') offerLastGood(error);  // that plan is damaged; this one is still kept
        else stop(error);
        return { ok: false, messages: [error.message] };
      } finally {
        paused--;
      }
    }

    // The plan that was open last, if the store has it: {id, name, text, revision}.
    async function lastPlan() {
      if (!store) return null;
      let id = null;
      try { id = localStorage.getItem(lastKey); } catch (error) { return null; }
      if (!id) return null;
      try {
        return await store.get(id);
      } catch (error) {
        offerLastGood(error);
        return null;
      }
    }

    // A stored plan that cannot be read: said, with its last good version offered.
    function offerLastGood(error) {
      const actions = error.versions && error.versions.length
        ? [['Restore the last good version', async () => {
          const answer = await restoreLastGood(error.id, { open: true });
          if (answer.ok) hide();
          else show(answer.messages.join(' '));
        }]]
        : [];
      show(error.message, [...actions, ['Not now', hide]]);
    }

    async function restoreLastGood(id, options = {}) {
      for (const { revision } of await store.versions(id)) {
        if (await store.version(id, revision)) return restoreVersion(id, revision, options);
      }
      return { ok: false, messages: ['No version of that plan can be read.'] };
    }

    // Makes a kept version the plan's newest (itself a new version, so that
    // restoring can be undone by restoring again), and opens it here if
    // this page has that plan open (or `open` says to).
    async function restoreVersion(id, revision, { open = false } = {}) {
      if (!store) return { ok: false, messages: ['Plans are not being kept in this browser.'] };
      const here = current && current.id === id;
      if (here) await settle();
      paused++;
      try {
        const version = await store.version(id, revision);
        if (!version) return { ok: false, messages: [`Version ${revision} is not kept, or cannot be read.`] };
        const stored = await store.revision(id);
        const now = await store.put(id, { name: version.name, text: version.text }, stored);
        if (running() && (here || open || !call('documentState').open)) {
          problem = null;
          openRecord({ ...version, id, revision: now });
          hide();
        }
        announce({ id, revision: now });
        return { ok: true, messages: [] };
      } catch (error) {
        return { ok: false, messages: [error.message] };
      } finally {
        paused--;
      }
    }

    // --- changing what is stored (My plans) ---------------------------------------
    async function rename(id, name) {
      const wanted = String(name).trim();
      if (!wanted) return { ok: false, messages: ['A plan needs a name: type at least one letter.'] };
      if (current && current.id === id && current.generation === call('documentState').generation) {
        const answer = call('edit', { op: 'setPlan', field: 'name', value: wanted });
        await settle();
        announce({ list: true });
        return answer;
      }
      try {
        const record = await store.get(id);
        const renamed = call('renamedPlanText', { text: record.text, name: wanted });
        if (!renamed.ok) return renamed;
        const revision = await store.put(id, { name: wanted, text: renamed.text }, record.revision);
        announce({ id, revision });
        return { ok: true, messages: [] };
      } catch (error) {
        return { ok: false, messages: [error.message] };
      }
    }

    async function duplicate(id) {
      try {
        if (current && current.id === id) await settle();
        const record = await store.get(id);
        const name = `${record.name} (copy)`;
        const renamed = call('renamedPlanText', { text: record.text, name });
        if (!renamed.ok) return renamed;
        const copy = newId();
        await store.put(copy, { name, text: renamed.text }, null);
        announce({ list: true });
        return { ok: true, messages: [], id: copy };
      } catch (error) {
        return { ok: false, messages: [error.message] };
      }
    }

    // Deleting answers what undo needs; the open plan cannot be deleted.
    async function remove(id) {
      if (current && current.id === id) return { ok: false, messages: ['This plan is open: open another before deleting it.'] };
      try {
        const removed = await store.remove(id);
        announce({ list: true });
        return { ok: true, messages: [], removed };
      } catch (error) {
        return { ok: false, messages: [error.message] };
      }
    }

    async function putBack(removed) {
      try {
        await store.putBack(removed);
        announce({ list: true });
        return { ok: true, messages: [] };
      } catch (error) {
        return { ok: false, messages: [error.message] };
      }
    }

    // --- files ----------------------------------------------------------------------
    // Save to file: where the plan was last saved (File System Access API),
    // a file the person picks, or a download where browsers cannot write files.
    async function saveToFile(ask) {
      if (!running()) return { ok: false, messages: ['The planner is still loading.'] };
      const state = call('documentState');
      if (!state.open) return { ok: false, messages: ['No plan is open.'] };
      const text = call('currentPlan');
      const suggested = call('saveName');
      const saved = (file) => {
        call('markSaved', { generation: state.generation, revision: state.revision, file });
        return { ok: true, messages: [], file };
      };
      if (typeof window.showSaveFilePicker !== 'function') {
        download(suggested, text);
        return saved(suggested);
      }
      let handle = !ask && fileHandle && fileHandle.generation === state.generation ? fileHandle.handle : null;
      try {
        if (!handle) {
          handle = await window.showSaveFilePicker({
            suggestedName: suggested,
            types: [{ description: 'Plan file (JSON)', accept: { 'application/json': ['.json'] } }],
          });
        }
        const writable = await handle.createWritable();
        await writable.write(text);
        await writable.close();
        fileHandle = { generation: state.generation, handle };
        return saved(handle.name);
      } catch (error) {
        if (error && error.name === 'AbortError') return { ok: false, messages: ['Saving was cancelled.'] };
        show(`The plan could not be saved to ${handle ? `"${handle.name}"` : 'a file'} (${error && error.message}). It is still open here.`,
          [['Download a copy', downloadCopy]]);
        return { ok: false, messages: [String(error && error.message)] };
      }
    }

    // --- start ----------------------------------------------------------------------
    async function init() {
      const tabOpening = window.PlannerTabSession.open();
      try {
        store = await window.PlanStore.open();
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
      } catch (error) {
        stop(error);
      }
      tab = store ? await tabOpening : null;
      setInterval(tick, 100);
      document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') tick(); });
      window.addEventListener('pagehide', () => tick());
      if (channel) {
        channel.onmessage = async ({ data }) => {
          for (const listener of listChanged) listener();
          if (!running() || !current || data.id !== current.id || data.revision <= (current.stored || 0)) return;
          const state = call('documentState');
          if (state.revision === current.savedAt && !saving) await takeTheirs();  // nothing of ours to lose
          else stop(new window.PlanStore.PlanStoreError('conflict', `"${state.name}" was changed in another tab.`));
        };
      }
    }

    return {
      init,
      lastPlan,
      restoreTab,
      openRecord,
      openStored,
      restoreVersion,
      restoreLastGood,
      rename,
      duplicate,
      remove,
      putBack,
      saveToFile,
      downloadCopy,
      mayReplace,
      allStored,
      settle,
      flush: () => tick(),
      // Told the text of a plan just opened (see planText).
      opened: (text) => {
        const state = call('documentState');
        opened = { text, generation: state.generation, revision: state.revision };
      },
      onListChanged: (listener) => listChanged.add(listener),
      onStored: (listener) => storedListeners.add(listener),
      list: () => (store ? store.list() : Promise.resolve([])),
      versions: (id) => (store ? store.versions(id) : Promise.resolve([])),
      openId: () => (current && running() && current.generation === call('documentState').generation ? current.id : null),
      status: () => ({
        available: Boolean(store) && !problem,
        problem: problem ? { kind: problem.kind, message: problem.message } : null,
        id: current ? current.id : null,
        revision: current ? current.stored : null,
      }),
    };
  }

  // For read-only pages (?mode=view or embed, docs/embedding.md): the same
  // methods, keeping nothing in the browser (no IndexedDB, localStorage or
  // sessionStorage, which a third-party frame may be refused anyway). A copy
  // can still be downloaded.
  function readOnly({ call, running }) {
    const refused = { ok: false, messages: ['This page shows a plan read-only and keeps no plans in the browser.'] };
    const downloadCopy = () => {
      const text = running() ? call('currentPlan') : null;
      if (text) download(call('saveName'), text);
    };
    return {
      init: () => Promise.resolve(),
      lastPlan: () => Promise.resolve(null),
      restoreTab: () => Promise.resolve(false),
      openRecord: () => false,
      openStored: () => Promise.resolve(refused),
      restoreVersion: () => Promise.resolve(refused),
      restoreLastGood: () => Promise.resolve(refused),
      rename: () => Promise.resolve(refused),
      duplicate: () => Promise.resolve(refused),
      remove: () => Promise.resolve(refused),
      putBack: () => Promise.resolve(refused),
      saveToFile: () => {
        downloadCopy();
        return Promise.resolve({ ok: true, messages: [] });
      },
      downloadCopy,
      mayReplace: () => true,
      allStored: () => true,
      settle: () => Promise.resolve(),
      flush: () => {},
      opened: () => {},
      onListChanged: () => {},
      onStored: () => {},
      list: () => Promise.resolve([]),
      versions: () => Promise.resolve([]),
      openId: () => null,
      status: () => ({ available: false, problem: { kind: 'read-only', message: refused.messages[0] }, id: null, revision: null }),
    };
  }

  window.PlannerKeeping = { create, readOnly, download };
})();
