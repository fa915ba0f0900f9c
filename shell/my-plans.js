// The "My plans" panel: the plans kept in this browser, to open, rename,
// duplicate, delete (with undo) and restore an earlier version of. An HTML
// dialog over the canvas, so that screen readers, keyboards and text input
// work as on any web page (docs/storage.md).
//
// window.PlannerMyPlans.create({keeping, call}) -> {show, close, isOpen}
(function () {
  'use strict';

  const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
  const dayAndTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

  function when(milliseconds) {
    const date = new Date(milliseconds);
    const today = new Date();
    if (date.toDateString() === today.toDateString()) return `Today, ${timeOfDay.format(date)}`;
    return dayAndTime.format(date);
  }

  function size(characters) {
    if (characters < 1000) return `${characters} bytes`;
    if (characters < 1e6) return `${Math.round(characters / 1000)} KB`;
    return `${(characters / 1e6).toFixed(1)} MB`;
  }

  // ariaLabel and ariaExpanded become attributes (not every browser reflects them).
  function element(tag, properties = {}, children = []) {
    const made = document.createElement(tag);
    const { ariaLabel, ariaExpanded, ...rest } = properties;
    Object.assign(made, rest);
    if (ariaLabel) made.setAttribute('aria-label', ariaLabel);
    if (ariaExpanded) made.setAttribute('aria-expanded', ariaExpanded);
    made.append(...children);
    return made;
  }

  function button(label, act, properties = {}) {
    const made = element('button', { type: 'button', textContent: label, ...properties });
    made.addEventListener('click', act);
    return made;
  }

  function create({ keeping, call }) {
    const dialog = element('dialog', { id: 'my-plans', className: 'panel' });
    dialog.setAttribute('aria-labelledby', 'my-plans-title');
    const status = element('p', { className: 'panel-status' });
    status.setAttribute('role', 'status');
    const rows = element('tbody');
    const table = element('table', { className: 'plans' }, [
      element('caption', { className: 'visually-hidden', textContent: 'Plans kept in this browser' }),
      element('thead', {}, [element('tr', {}, ['Name', 'Last changed', 'Size', 'What to do'].map((heading) => {
        const cell = element('th', { scope: 'col', textContent: heading });
        if (heading === 'What to do') cell.className = 'visually-hidden-heading';
        return cell;
      }))]),
      rows,
    ]);
    const empty = element('p', { className: 'panel-empty', hidden: true,
      textContent: 'No plans are kept in this browser yet. A plan is kept here from its first change.' });
    dialog.append(
      element('div', { className: 'panel-head' }, [
        element('h2', { id: 'my-plans-title', textContent: 'My plans' }),
        button('Close', () => dialog.close(), { className: 'panel-close' }),
      ]),
      element('p', { className: 'panel-hint', textContent: 'These plans are kept in this browser, on this computer only. ' +
        'Browsers can clear what they keep: save anything you cannot afford to lose to a file (File > Save to file), ' +
        'which also moves a plan to another browser.' }),
      status,
      element('div', { className: 'plans-scroll' }, [table, empty]),
      element('div', { className: 'panel-foot' }, [
        button('Download a copy of the open plan', () => keeping.downloadCopy()),
      ]),
    );
    document.body.append(dialog);

    let expanded = null;   // the plan whose versions are listed
    let renaming = null;   // the plan whose name is being typed
    let deleted = null;    // {name, removed}: the last delete, for Undo

    function say(text, actions = []) {
      status.replaceChildren(text, ...actions.map(([label, act]) => button(label, act, { className: 'link' })));
    }

    async function act(work, done) {
      const answer = await work();
      if (!answer.ok) say(answer.messages.join(' ') || 'That did not work.');
      else if (done) done(answer);
      await refresh();
      return answer;
    }

    function nameCell(plan, isOpen) {
      const cell = element('td', { className: 'plan-name' });
      if (renaming === plan.id) {
        const input = element('input', { type: 'text', value: plan.name, className: 'rename' });
        input.setAttribute('aria-label', `New name for "${plan.name}"`);
        const save = () => act(() => keeping.rename(plan.id, input.value), () => {
          say(`Renamed to "${input.value.trim()}".`);
          renaming = null;
        });
        input.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') save();
          if (event.key === 'Escape') {
            event.preventDefault();  // not the dialog's Escape
            renaming = null;
            refresh();
          }
        });
        cell.append(input, button('Save name', save), button('Cancel', () => { renaming = null; refresh(); }));
        queueMicrotask(() => { input.focus(); input.select(); });
        return cell;
      }
      cell.append(element('span', { textContent: plan.name }));
      if (isOpen) cell.append(element('span', { className: 'tag', textContent: 'open here' }));
      if (plan.damaged) cell.append(element('span', { className: 'tag warning', textContent: 'damaged: cannot be read' }));
      return cell;
    }

    function actions(plan, isOpen) {
      const cell = element('td', { className: 'plan-actions' });
      const named = (verb) => `${verb} "${plan.name}"`;
      if (plan.damaged) {
        cell.append(button('Restore last good version', () => act(() => keeping.restoreLastGood(plan.id), () => say(`"${plan.name}" was restored from its last good version.`)), { ariaLabel: named('Restore the last good version of') }));
      } else {
        cell.append(button('Open', () => act(() => keeping.openStored(plan.id), () => dialog.close()),
          { disabled: isOpen, ariaLabel: named('Open') }));
      }
      cell.append(
        button('Rename', () => { renaming = plan.id; refresh(); }, { disabled: plan.damaged, ariaLabel: named('Rename') }),
        button('Duplicate', () => act(() => keeping.duplicate(plan.id), () => say(`"${plan.name} (copy)" was made.`)),
          { disabled: plan.damaged, ariaLabel: named('Duplicate') }),
        button(expanded === plan.id ? 'Hide versions' : 'Versions', () => {
          expanded = expanded === plan.id ? null : plan.id;
          refresh();
        }, { ariaLabel: `${expanded === plan.id ? 'Hide' : 'Show'} earlier versions of "${plan.name}"`, ariaExpanded: String(expanded === plan.id) }),
        button('Delete', () => act(() => keeping.remove(plan.id), (answer) => {
          deleted = { name: plan.name, removed: answer.removed };
          say(`"${plan.name}" was deleted. `, [['Undo', undoDelete]]);
        }), { disabled: isOpen, ariaLabel: named('Delete'), title: isOpen ? 'This plan is open: open another before deleting it.' : '' }),
      );
      return cell;
    }

    function undoDelete() {
      if (!deleted) return;
      const { name, removed } = deleted;
      deleted = null;
      act(() => keeping.putBack(removed), () => say(`"${name}" is back.`));
    }

    async function versionRow(plan) {
      const versions = await keeping.versions(plan.id);
      const list = element('ul', { className: 'versions' });
      versions.forEach((version, index) => {
        const words = `${when(version.updated)} · ${size(version.size)}`;
        const item = element('li', {}, [element('span', { textContent: index === 0 ? `${words} (the current version)` : words })]);
        if (index > 0 || plan.damaged) {
          item.append(button('Restore', () => act(() => keeping.restoreVersion(plan.id, version.revision),
            () => say(`"${plan.name}" was restored to its version of ${when(version.updated)}. The version it replaced is kept too.`)),
          { ariaLabel: `Restore "${plan.name}" to its version of ${when(version.updated)}` }));
        }
        list.append(item);
      });
      const cell = element('td', { colSpan: 4 }, [
        element('p', { textContent: `Earlier versions of "${plan.name}" (the last ${window.PlanStore.keptVersions} are kept). ` +
          'Restoring one makes it the current version; the version it replaces stays in this list.' }),
        list,
      ]);
      return element('tr', { className: 'versions-row' }, [cell]);
    }

    async function refresh() {
      if (!dialog.open) return;
      const plans = await keeping.list();
      const openId = keeping.openId();
      const made = [];
      for (const plan of plans) {
        const isOpen = plan.id === openId;
        made.push(element('tr', { className: isOpen ? 'open' : '' }, [
          nameCell(plan, isOpen),
          element('td', { textContent: when(plan.updated) }),
          element('td', { textContent: size(plan.size) }),
          actions(plan, isOpen),
        ]));
        if (expanded === plan.id) made.push(await versionRow(plan));
      }
      const focused = document.activeElement && dialog.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
      rows.replaceChildren(...made);
      empty.hidden = plans.length > 0;
      // With no storage at all, say why the list is empty.
      const { problem } = keeping.status();
      empty.textContent = problem && problem.kind === 'unavailable' ? problem.message
        : 'No plans are kept in this browser yet. A plan is kept here from its first change.';
      // Keyboard users stay where they were when the list is redrawn.
      if (focused) {
        const again = [...rows.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === focused);
        if (again) again.focus();
      }
    }

    keeping.onListChanged(() => refresh());
    dialog.addEventListener('close', () => {
      renaming = null;
      expanded = null;
      canvasFocus();
    });
    function canvasFocus() {
      const canvas = document.getElementById('canvas');
      if (canvas) canvas.focus();
    }

    async function show() {
      document.documentElement.dataset.theme = call('theme');
      say('');
      if (!dialog.open) dialog.showModal();
      await keeping.flush();
      await refresh();
      const first = rows.querySelector('button:not([disabled])') || dialog.querySelector('.panel-close');
      first.focus();
    }

    return { show, close: () => dialog.close(), isOpen: () => dialog.open };
  }

  window.PlannerMyPlans = { create };
})();
