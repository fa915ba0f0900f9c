// The example council agenda page (council-agenda.html): it embeds the Care
// Structure Planner in an <iframe> and talks to it with the planner's embed
// messages, protocol version 1 (docs/embedding.md).
//
// Sections: settings and page elements · the planner's address · sending
// commands · messages from the planner · the controls · start.
//
// Received text is only ever put into the page with textContent, never as
// HTML. Messages are accepted only from the iframe's window and the origin of
// its address; anything else is ignored.
//
// Hooks for tests: #planner-status[data-selected] (the id selected in the
// planner, '' when none), body[data-trusted] ('yes' once a state arrives, 'no'
// if none arrives soon after 'ready'), window.lastPlannerState (the last state).
(() => {
  'use strict';

  // --- settings and page elements ------------------------------------------

  const protocol = 'care-structure-planner';
  const protocolVersion = 1;
  // After 'ready', a planner that trusts this page sends its state at once; if
  // none has come after this long, it has not been told to trust this site.
  const trustWaitMs = 3000;
  // If the planner has not said 'ready' after this long, say so.
  const startWaitMs = 20000;
  const embedQuery = [
    ['mode', 'embed'],
    ['example', 'herefordshire-worcestershire-2019'],
    ['view', 'governance'],
  ];
  const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'];

  const frame = document.getElementById('planner-frame');
  const openLink = document.getElementById('planner-open-link');
  const form = document.getElementById('planner-controls');
  const optionSelect = document.getElementById('planner-option');
  const dateSelect = document.getElementById('planner-date');
  const viewSelect = document.getElementById('planner-view');
  const status = document.getElementById('planner-status');
  const connectionText = document.getElementById('planner-connection');
  const selectionText = document.getElementById('planner-selection');
  const selectionDescription = document.getElementById('planner-selection-description');
  const summaryText = document.getElementById('planner-summary');
  const descriptionText = document.getElementById('planner-description-text');
  if (!frame) return;

  window.lastPlannerState = null;

  // --- the planner's address -----------------------------------------------
  // By default the planner is index.html beside this page. ?planner=URL (an
  // absolute http or https address of the planner's index.html) puts it on
  // another origin instead, as the browser tests do; the embed query is kept.

  function askedPlannerBase() {
    const asked = new URLSearchParams(window.location.search).get('planner');
    if (!asked) return null;
    try {
      const url = new URL(asked);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    } catch (error) {
      // Not an absolute address: fall through.
    }
    console.warn('council-agenda: ?planner= must be an absolute http(s) address; using index.html beside this page');
    return null;
  }

  const plannerBase = askedPlannerBase();

  function plannerAddress(mode) {
    if (!plannerBase) {
      const query = new URLSearchParams(embedQuery);
      query.set('mode', mode);
      return `index.html?${query}`;
    }
    const url = new URL(plannerBase.href);
    url.hash = '';
    for (const [name, value] of embedQuery) url.searchParams.set(name, value);
    url.searchParams.set('mode', mode);
    return url.href;
  }

  if (plannerBase) {
    frame.src = plannerAddress('embed');
    if (openLink) openLink.href = plannerAddress('view');
  }

  // Computed from the iframe's address, not taken from any message. A page
  // opened from a file has no real origin (messages from it say 'null', as
  // any sandboxed page's do), so the page then does not talk to the planner.
  const plannerUrl = new URL(frame.src, window.location.href);
  const plannerOrigin = plannerUrl.origin;
  const canTalk = (plannerUrl.protocol === 'http:' || plannerUrl.protocol === 'https:') &&
    plannerOrigin !== 'null';

  // --- sending commands ----------------------------------------------------

  let plannerReady = false;
  let trusted = false;
  let showWaiting = false; // a choice was made before the planner was ready
  let nextCommandId = 1;
  const waitingReplies = new Map(); // command id -> command type
  let trustTimer = 0;

  function send(type, fields) {
    if (!canTalk || !plannerReady || !frame.contentWindow) return null;
    const id = `council-agenda-${nextCommandId++}`;
    waitingReplies.set(id, type);
    // An untrusted planner never replies, so forget the oldest after a while.
    if (waitingReplies.size > 50) waitingReplies.delete(waitingReplies.keys().next().value);
    frame.contentWindow.postMessage(
      Object.assign({}, fields, { protocol, version: protocolVersion, type, id }), plannerOrigin);
    return id;
  }

  function chosen() {
    return {
      view: viewSelect.value,
      option: optionSelect.value || null, // '' is "none"
      date: dateSelect.value || null, // '' is "as written"
    };
  }

  function requestShow() {
    if (!plannerReady) {
      showWaiting = true;
      return;
    }
    send('show', chosen());
  }

  // --- messages from the planner -------------------------------------------

  function text(value) {
    return typeof value === 'string' ? value : '';
  }

  function setText(element, value) {
    // Only when it changes, so that the live region does not repeat itself.
    if (element && element.textContent !== value) element.textContent = value;
  }

  function formatDate(value) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return value;
    return `${Number(match[3])} ${monthNames[Number(match[2]) - 1]} ${match[1]}`;
  }

  // Shows in a <select> what the planner reports, adding a choice for a value
  // the page does not list (say a date picked in the planner's own timeline).
  function reflect(select, value, label) {
    if (typeof value !== 'string') return;
    for (const added of Array.from(select.querySelectorAll('option[data-from-planner]'))) {
      if (added.value !== value) added.remove();
    }
    if (!Array.from(select.options).some((option) => option.value === value)) {
      const option = new Option(label(value), value);
      option.dataset.fromPlanner = 'yes';
      select.add(option);
    }
    select.value = value;
  }

  function showTrusted() {
    trusted = true;
    window.clearTimeout(trustTimer);
    document.body.dataset.trusted = 'yes';
    setText(connectionText, 'The planner is connected to this page: the choices above change the diagram.');
  }

  function showState(state) {
    const title = text(state.title) || text(state.summary);
    if (title) frame.title = title;
    const summary = text(state.summary);
    setText(summaryText, summary);
    summaryText.hidden = summary === '';
    if (typeof state.description === 'string') setText(descriptionText, state.description);
    reflect(viewSelect, state.view, (value) => value);
    reflect(optionSelect, state.option === null ? '' : state.option,
      (value) => `${value} (chosen in the planner)`);
    reflect(dateSelect, state.date === null ? '' : state.date,
      (value) => `${formatDate(value)} (chosen in the planner)`);
  }

  function onReady(message) {
    plannerReady = true;
    status.dataset.plannerVersion = text(message.plannerVersion);
    if (showWaiting) {
      showWaiting = false;
      send('show', chosen());
    }
    send('getState');
    if (!trusted) {
      window.clearTimeout(trustTimer);
      trustTimer = window.setTimeout(onTrustWaitOver, trustWaitMs);
    }
  }

  function onTrustWaitOver() {
    if (trusted) return;
    document.body.dataset.trusted = 'no';
    const site = canTalk ? `this site’s address (${window.location.origin})` : 'this site’s address';
    setText(connectionText,
      'The planner has not been told to trust this site, so the choices above cannot change ' +
      'the diagram and this page cannot show what is selected in it. You can still use the ' +
      `diagram itself. To fix this, whoever runs the planner adds ${site} to embed.json, the ` +
      'list of trusted sites kept beside the planner’s index.html. docs/embedding.md in the ' +
      'planner’s source explains how.');
  }

  function onState(message) {
    showTrusted();
    window.lastPlannerState = message;
    showState(message);
  }

  function onSelection(message) {
    const id = typeof message.id === 'string' && message.id !== '' ? message.id : null;
    status.dataset.selected = id || '';
    if (id) {
      setText(selectionText, `Selected in the planner: ${text(message.name) || id}`);
      const description = text(message.description);
      setText(selectionDescription, description);
      selectionDescription.hidden = description === '';
    } else {
      setText(selectionText, 'Nothing is selected in the planner.');
      setText(selectionDescription, '');
      selectionDescription.hidden = true;
    }
  }

  function problemsText(messages) {
    if (!Array.isArray(messages)) return '';
    return messages
      .map((item) => (typeof item === 'string' ? item : text(item && item.message)))
      .filter((item) => item !== '')
      .join(' ');
  }

  function onReply(message) {
    const type = waitingReplies.get(message.replyTo);
    if (!type) return; // not a command this page sent
    waitingReplies.delete(message.replyTo);
    if (message.ok === false) {
      const problems = problemsText(message.messages);
      setText(connectionText, `The planner could not do that.${problems ? ` ${problems}` : ''}`);
      return;
    }
    // Replies go only to trusted pages, and getState answers with the same
    // fields as a state message.
    if (type === 'getState' && message.result && typeof message.result === 'object') {
      onState(Object.assign({}, message.result, { protocol, version: protocolVersion, type: 'state' }));
    }
  }

  window.addEventListener('message', (event) => {
    if (!canTalk || event.source !== frame.contentWindow || event.origin !== plannerOrigin) return;
    const message = event.data;
    if (message === null || typeof message !== 'object' || message.protocol !== protocol ||
        message.version !== protocolVersion || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'ready': onReady(message); break;
      case 'state': onState(message); break;
      case 'selection': onSelection(message); break;
      case 'reply': onReply(message); break;
      default: break; // 'planChanged' comes only in edit mode; this page embeds a view
    }
  });

  // --- the controls ----------------------------------------------------------

  for (const select of [optionSelect, dateSelect, viewSelect]) {
    select.addEventListener('change', requestShow);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    requestShow();
  });

  // --- start -----------------------------------------------------------------

  if (!canTalk) {
    setText(connectionText, 'Open this page from a web server to connect it to the planner.');
  }
  window.setTimeout(() => {
    if (plannerReady || !canTalk) return;
    setText(connectionText,
      'The planner has not started yet. It needs an up-to-date browser, such as Chrome, Edge, ' +
      'Firefox or Safari, with hardware acceleration turned on. You can also try opening it in ' +
      'a new tab with the link below.');
  }, startWaitMs);
})();
