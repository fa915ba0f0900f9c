// The reader's panel (?mode=view, and ?mode=embed's "Text version"), in
// HTML beside the canvas so that screen readers, the keyboard, browser zoom
// and axe-core all reach it (docs/embedding.md):
// - a guided walk through the plan's milestones and options;
// - what is selected, in plain English, with its terms explained;
// - search within the view;
// - the outline of the whole view as an ARIA tree, whose selection follows
//   the canvas's and back;
// - who decides what (governance view) and the glossary.
// In embed mode a small toolbar stands in for the menus.
//
// window.PlannerViewer.create({call, mode}) -> {shown(state)}.
(function () {
  'use strict';

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  // --- terms: acronyms explained on hover, focus or tap ----------------------------
  const tip = element('div', { id: 'term-tip', class: 'term-tip', role: 'tooltip', hidden: true });
  let tipFor = null;
  function showTip(term) {
    tip.textContent = term.dataset.meaning;
    tip.hidden = false;
    const box = term.getBoundingClientRect();
    const left = Math.min(box.left, window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = `${Math.max(8, left)}px`;
    tip.style.top = `${box.bottom + 6 + tip.offsetHeight > window.innerHeight ? box.top - tip.offsetHeight - 6 : box.bottom + 6}px`;
    term.setAttribute('aria-describedby', 'term-tip');
    tipFor = term;
  }
  function hideTip() {
    tip.hidden = true;
    if (tipFor) tipFor.removeAttribute('aria-describedby');
    tipFor = null;
  }
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && tipFor) hideTip(); });

  // Text with each glossary term it uses marked, so that its meaning is a
  // hover, a tab or a tap away: once per passage (`seen` is shared by a
  // passage's paragraphs), not at every mention. Only text nodes are made:
  // never HTML.
  function withTerms(text, terms, seen = new Set()) {
    const holder = document.createDocumentFragment();
    const found = [];
    for (const term of terms) {
      const escaped = term.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`(^|[^A-Za-z0-9])(${escaped}s?)(?=$|[^A-Za-z0-9])`, /[A-Z].*[A-Z]/.test(term.term) ? 'g' : 'gi');
      for (const match of text.matchAll(pattern)) {
        const start = match.index + match[1].length;
        found.push({ start, end: start + match[2].length, term });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    let at = 0;
    for (const hit of found) {
      if (hit.start < at || seen.has(hit.term.term)) continue;
      seen.add(hit.term.term);
      holder.append(text.slice(at, hit.start));
      const mark = element('abbr', { class: 'term', tabindex: '0', title: hit.term.meaning, text: text.slice(hit.start, hit.end) });
      mark.dataset.meaning = `${hit.term.term}: ${hit.term.meaning}`;
      mark.addEventListener('mouseenter', () => showTip(mark));
      mark.addEventListener('mouseleave', () => { if (document.activeElement !== mark) hideTip(); });
      mark.addEventListener('focus', () => showTip(mark));
      mark.addEventListener('blur', hideTip);
      mark.addEventListener('click', () => (tipFor === mark ? hideTip() : showTip(mark)));
      holder.append(mark);
      at = hit.end;
    }
    holder.append(text.slice(at));
    return holder;
  }

  function create({ call, mode }) {
    const embed = mode === 'embed';
    document.body.classList.add('reading', `mode-${mode}`);
    const canvas = document.getElementById('canvas');
    canvas.setAttribute('aria-label', 'The plan drawn as a diagram. Press ] and [ to select the next or previous item, Enter to zoom to it; the panel lists everything in words.');

    // --- the panel's parts ----------------------------------------------------------
    const title = element('h2', { id: 'reader-title' });
    const stateLine = element('p', { class: 'reader-state' });
    const viewButtons = ['layers', 'governance'].map((view) => element('button', {
      type: 'button', 'data-view': view, 'aria-pressed': 'false',
      text: view === 'layers' ? 'Population layers' : 'Who decides (governance)',
      onclick: () => call('showView', view),
    }));

    const stepCount = element('p', { class: 'walk-count', 'aria-live': 'polite' });
    const stepTitle = element('h4', { class: 'walk-title' });
    const stepText = element('div', { class: 'walk-text' });
    const back = element('button', { type: 'button', text: 'Back', onclick: () => go(step - 1) });
    const next = element('button', { type: 'button', class: 'primary', text: 'Next', onclick: () => go(step + 1) });
    const walk = element('section', { 'aria-labelledby': 'walk-heading', class: 'walk' },
      element('h3', { id: 'walk-heading', text: 'Walk through the plan' }), stepCount, stepTitle, stepText,
      element('div', { class: 'walk-buttons' }, back, next));

    const selected = element('div', { class: 'selected', id: 'reader-selected', 'aria-live': 'polite' });
    const searchBox = element('input', { type: 'search', id: 'reader-search', autocomplete: 'off' });
    const results = element('ul', { class: 'results', id: 'reader-results' });
    const resultCount = element('p', { class: 'result-count', role: 'status' });
    const tree = element('ul', { role: 'tree', id: 'reader-outline', 'aria-labelledby': 'outline-heading', class: 'outline' });
    const decisions = element('div', { id: 'reader-decisions' });
    const glossary = element('div', { id: 'reader-glossary', class: 'glossary' });

    const panel = element('aside', { id: 'reader', class: 'reader', 'aria-label': 'The plan in words' },
      element('div', { class: 'reader-head' }, title, stateLine,
        element('div', { class: 'view-switch', role: 'group', 'aria-label': 'Diagram' }, ...viewButtons)),
      walk,
      element('section', { 'aria-labelledby': 'selected-heading' }, element('h3', { id: 'selected-heading', text: 'Selected' }), selected),
      element('section', { 'aria-labelledby': 'search-heading' }, element('h3', { id: 'search-heading', text: 'Find' }),
        element('label', { for: 'reader-search', text: 'Find in this diagram (a name, a kind or a place)' }), searchBox, resultCount, results),
      element('section', { 'aria-labelledby': 'outline-heading' }, element('h3', { id: 'outline-heading', text: 'Everything in this diagram' }),
        element('p', { class: 'hint', text: 'Arrow keys move through the list; Enter or Space selects on the diagram.' }), tree),
      element('section', { 'aria-labelledby': 'decisions-heading', class: 'decisions-section' },
        element('h3', { id: 'decisions-heading', text: 'Who decides what' }), decisions),
      element('section', { 'aria-labelledby': 'glossary-heading' }, element('h3', { id: 'glossary-heading', text: 'Glossary' }), glossary));

    const toolbar = embed ? element('div', { class: 'embed-toolbar', role: 'region', 'aria-label': 'Diagram controls' },
      element('button', { type: 'button', 'aria-label': 'Zoom in', text: '+', onclick: () => zoom(1.25) }),
      element('button', { type: 'button', 'aria-label': 'Zoom out', text: '\u2212', onclick: () => zoom(0.8) }),
      element('button', { type: 'button', text: 'Fit', onclick: () => call('fit') }),
      // Short words, to fit a phone-wide frame; the full names are what a screen reader hears.
      element('button', { type: 'button', 'data-view': 'layers', 'aria-pressed': 'false', 'aria-label': 'Population layers', text: 'Layers', onclick: () => call('showView', 'layers') }),
      element('button', { type: 'button', 'data-view': 'governance', 'aria-pressed': 'false', 'aria-label': 'Who decides (governance)', text: 'Who decides', onclick: () => call('showView', 'governance') }),
      element('button', { type: 'button', id: 'text-version', 'aria-expanded': 'false', 'aria-controls': 'reader', 'aria-label': 'Text version', text: 'Text', onclick: () => toggle() }),
      element('a', { href: fullViewAddress(), target: '_blank', rel: 'noopener', 'aria-label': 'Open the full view in a new tab', text: 'Full view' })) : null;
    if (embed) panel.hidden = true;
    document.body.append(...[toolbar, panel, tip].filter(Boolean));

    function zoom(factor) {
      call('zoomAt', { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2, factor });
    }

    function toggle() {
      panel.hidden = !panel.hidden;
      document.body.classList.toggle('panel-open', !panel.hidden);
      toolbar.querySelector('#text-version').setAttribute('aria-expanded', String(!panel.hidden));
      window.dispatchEvent(new Event('resize'));
    }

    function fullViewAddress() {
      const search = new URLSearchParams(window.location.search);
      search.set('mode', 'view');
      return `${window.location.pathname}?${search}`;
    }

    // --- the walk-through ----------------------------------------------------------
    let steps = [];
    let step = 0;
    function buildSteps() {
      const timeline = call('timeline');
      const options = call('options');
      steps = [{ option: null, date: null, heading: 'The plan as written',
        text: 'How things are arranged as the plan describes them, before any of its milestones or options. Next goes through what changes, date by date, then each option.' }];
      for (const entry of timeline) {
        if (entry.option !== null || entry.date === null) continue;
        const changes = entry.describes.length ? ` What changes: ${entry.describes.join(' ')}` : '';
        steps.push({ option: null, date: entry.date, heading: `${entry.when}: ${entry.label}`, text: `${entry.label}.${changes}` });
      }
      for (const option of options) {
        const parts = [option.description];
        if (option.advantages && option.advantages.length) parts.push(`For it: ${option.advantages.join('; ')}.`);
        if (option.disadvantages && option.disadvantages.length) parts.push(`Against it: ${option.disadvantages.join('; ')}.`);
        steps.push({ option: option.id, date: 'end', heading: `Option: ${option.title}${option.status ? ` (${option.status})` : ''}`, text: parts.filter(Boolean).join(' ') });
      }
      // Where the walk stands: the step showing what is shown now (the
      // address may have asked for an option and a date), else the first.
      const now = call('shown');
      step = Math.max(0, steps.findIndex((candidate) => candidate.option === now.option && candidate.date === now.date));
      showStep();
    }
    function go(index) {
      if (index < 0 || index >= steps.length) return;
      step = index;
      const wanted = steps[step];
      call('showOption', wanted.option);
      call('showDate', wanted.date);
      showStep();
    }
    function showStep() {
      const current = steps[step];
      if (!current) return;
      stepCount.textContent = `Step ${step + 1} of ${steps.length}`;
      stepTitle.textContent = current.heading;
      stepText.replaceChildren(withTerms(current.text || '', terms));
      back.disabled = step === 0;
      next.disabled = step === steps.length - 1;
      walk.hidden = steps.length < 2;
    }

    // --- what is selected ------------------------------------------------------------
    function showSelected(id) {
      selected.replaceChildren();
      if (!id) {
        selected.append(element('p', { text: 'Nothing is selected. Choose something in the diagram or in the list below.' }));
        return;
      }
      const about = call('describe', id);
      if (!about.ok) {
        selected.append(element('p', { text: about.messages.join(' ') }));
        return;
      }
      const seen = new Set();
      selected.append(element('p', { class: 'selected-name' }, element('strong', { text: about.name || id })));
      selected.append(element('p', {}, withTerms(about.text, about.terms, seen)));
      if (about.within.length) selected.append(element('p', { text: `Part of ${about.within.map((w) => w.name || w.id).join(', within ')}.` }));
      if (about.lines.length) {
        selected.append(element('ul', {}, ...about.lines.map((line) => element('li', {}, withTerms(line, about.terms, seen)))));
      }
      if (about.decides) selected.append(element('p', {}, withTerms(about.decides, about.terms, seen)));
    }

    // --- search ----------------------------------------------------------------------
    function search() {
      const text = searchBox.value.trim();
      results.replaceChildren();
      if (!text) {
        resultCount.textContent = '';
        return;
      }
      const found = call('findInView', text);
      resultCount.textContent = found.length === 0 ? `Nothing in this diagram matches "${text}".`
        : `${found.length === 50 ? 'The first 50' : found.length} found.`;
      for (const hit of found) {
        results.append(element('li', {}, element('button', {
          type: 'button', class: 'link', text: hit.name || hit.text,
          onclick: () => choose(hit.id),
        })));
      }
    }
    searchBox.addEventListener('input', search);

    function choose(id) {
      call('select', id);
      call('focus', id);
    }

    // --- the outline: an ARIA tree ----------------------------------------------------
    let treeItems = new Map();  // plan id -> its treeitem
    let generatedId = 0;
    function treeItem(node, level) {
      const label = element('span', { class: 'tree-label', text: node.text });
      const item = element('li', { role: 'treeitem', id: `outline-${++generatedId}`, 'aria-level': String(level), 'aria-selected': 'false', tabindex: '-1' }, label);
      item.dataset.id = node.id;
      if (!treeItems.has(node.id) || node.role !== 'group') treeItems.set(node.id, item);
      const lines = (node.lines || []).map((line) => {
        const leaf = element('li', { role: 'treeitem', id: `outline-${++generatedId}`, 'aria-level': String(level + 1), 'aria-selected': 'false', tabindex: '-1', class: 'line', text: line.text });
        leaf.dataset.id = line.id;
        if (!treeItems.has(line.id)) treeItems.set(line.id, leaf);
        return leaf;
      });
      const hasChildren = node.children === null ? node.count > 0 : node.children.length + lines.length > 0;
      if (hasChildren) {
        item.setAttribute('aria-expanded', level <= 2 ? 'true' : 'false');
        const group = element('ul', { role: 'group' });
        if (node.children === null) {
          item.dataset.more = 'yes';
          group.append(...lines);
        } else {
          group.append(...node.children.map((child) => treeItem(child, level + 1)), ...lines);
        }
        item.append(group);
      }
      return item;
    }
    function buildOutline() {
      const outline = call('outline');
      treeItems = new Map();
      tree.replaceChildren(...(outline.ok ? outline.nodes.map((node) => treeItem(node, 1)) : []));
      const first = tree.querySelector('[role="treeitem"]');
      if (first) first.tabIndex = 0;
      markSelected(lastSelected);
    }
    function expand(item, open) {
      if (!item.hasAttribute('aria-expanded')) return;
      if (open && item.dataset.more === 'yes') {
        const more = call('outline', { under: item.dataset.id, depth: 2 });
        const group = item.querySelector(':scope > ul');
        if (more.ok) group.prepend(...more.nodes.map((node) => treeItem(node, Number(item.getAttribute('aria-level')) + 1)));
        delete item.dataset.more;
      }
      item.setAttribute('aria-expanded', String(open));
    }
    function visibleItems() {
      return [...tree.querySelectorAll('[role="treeitem"]')].filter((item) => !item.parentElement.closest('[aria-expanded="false"]'));
    }
    function moveTo(item, focus = true) {
      for (const other of tree.querySelectorAll('[tabindex="0"]')) other.tabIndex = -1;
      item.tabIndex = 0;
      if (focus) item.focus();
    }
    tree.addEventListener('keydown', (event) => {
      const item = event.target.closest('[role="treeitem"]');
      if (!item) return;
      const items = visibleItems();
      const at = items.indexOf(item);
      const parent = item.parentElement.closest('[role="treeitem"]');
      let handled = true;
      switch (event.key) {
        case 'ArrowDown': if (items[at + 1]) moveTo(items[at + 1]); break;
        case 'ArrowUp': if (items[at - 1]) moveTo(items[at - 1]); break;
        case 'Home': moveTo(items[0]); break;
        case 'End': moveTo(items[items.length - 1]); break;
        case 'ArrowRight':
          if (item.getAttribute('aria-expanded') === 'false') expand(item, true);
          else if (item.getAttribute('aria-expanded') === 'true' && items[at + 1]) moveTo(items[at + 1]);
          break;
        case 'ArrowLeft':
          if (item.getAttribute('aria-expanded') === 'true') expand(item, false);
          else if (parent) moveTo(parent);
          break;
        case 'Enter': case ' ': choose(item.dataset.id); break;
        default: handled = false;
      }
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    });
    tree.addEventListener('click', (event) => {
      const item = event.target.closest('[role="treeitem"]');
      if (!item) return;
      event.stopPropagation();
      if (event.target === item.querySelector(':scope > .tree-label') || item.classList.contains('line') || !item.hasAttribute('aria-expanded')) {
        moveTo(item);
        choose(item.dataset.id);
      } else {
        expand(item, item.getAttribute('aria-expanded') !== 'true');
      }
    });
    let lastSelected = null;
    // The tree follows the canvas's selection: that item is selected, its
    // branches opened and it becomes the tree's stop for Tab.
    function markSelected(id) {
      for (const item of tree.querySelectorAll('[aria-selected="true"]')) item.setAttribute('aria-selected', 'false');
      const item = id ? treeItems.get(id) : null;
      if (!item) return;
      item.setAttribute('aria-selected', 'true');
      for (let up = item.parentElement.closest('[role="treeitem"]'); up; up = up.parentElement.closest('[role="treeitem"]')) expand(up, true);
      moveTo(item, tree.contains(document.activeElement));
      if (!tree.contains(document.activeElement)) item.scrollIntoView({ block: 'nearest' });
    }

    // --- who decides, and the glossary ---------------------------------------------------
    let terms = [];
    function buildGlossary() {
      terms = call('glossary');
      const plan = terms.filter((term) => term.fromPlan);
      const builtIn = terms.filter((term) => !term.fromPlan);
      const part = (heading, list) => (list.length ? [element('h4', { text: heading }),
        element('dl', {}, ...list.flatMap((term) => [element('dt', { text: term.term }), element('dd', { text: term.meaning })]))] : []);
      glossary.replaceChildren(...part('From this plan', plan), ...part('Common NHS terms', builtIn));
    }
    function buildDecisions(view) {
      decisions.closest('section').hidden = view !== 'governance';
      if (view !== 'governance') return;
      const table = call('decisionTable');
      if (!table.ok || table.rows.length === 0) {
        decisions.replaceChildren(element('p', { text: 'This plan names no decisions to trace.' }));
        return;
      }
      decisions.replaceChildren(element('table', { class: 'decisions' },
        element('caption', { class: 'visually-hidden', text: 'Who decides each thing the plan names' }),
        element('thead', {}, element('tr', {}, element('th', { scope: 'col', text: 'Decision' }), element('th', { scope: 'col', text: 'Who decides' }))),
        element('tbody', {}, ...table.rows.map((row) => element('tr', {},
          element('th', { scope: 'row', text: row.name }),
          element('td', { title: row.sentence, text: row.decidedBy.length ? row.decidedBy.join(', ') : 'No one yet' }))))));
    }

    // --- following what the planner shows ----------------------------------------------
    let last = {};
    function shown(state) {
      document.documentElement.dataset.theme = call('theme');
      const newPlan = state.generation !== last.generation;
      const newPicture = newPlan || state.revision !== last.revision || state.view !== last.view || state.option !== last.option || state.date !== last.date;
      if (newPlan) {
        buildGlossary();
        // The walk-through's words take a while on a large plan (every
        // milestone's changes in words): after the first picture, not before.
        walk.hidden = true;
        setTimeout(buildSteps, 0);
      }
      if (newPicture) {
        const words = call('textAlternative');
        title.textContent = words.title || 'The plan';
        stateLine.textContent = words.summary || '';
        for (const button of document.querySelectorAll('[data-view]')) button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
        buildOutline();
        buildDecisions(state.view);
        search();
      }
      if (newPicture || state.selected !== lastSelected) {
        lastSelected = state.selected;
        showSelected(state.selected);
        markSelected(state.selected);
      }
      last = state;
    }

    return { shown };
  }

  window.PlannerViewer = { create };
})();
