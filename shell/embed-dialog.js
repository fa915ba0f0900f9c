// File > Share / embed (docs/embedding.md): the <iframe> snippet that shows
// the current plan, view, option and date read-only in another site's page,
// with the text alternatives that go with it.
//
// window.PlannerEmbedDialog.create({call, source}) -> {show()}; source() says
// where the open plan came from: {example: name} or {published: url} or null.
(function () {
  'use strict';

  const sandbox = 'allow-scripts allow-same-origin allow-popups allow-downloads';

  // Text placed in an HTML attribute, escaped.
  function attribute(text) {
    return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function create({ call, source }) {
    const dialog = document.createElement('dialog');
    dialog.id = 'embed-dialog';
    dialog.className = 'panel share';
    dialog.setAttribute('aria-labelledby', 'embed-title');
    dialog.innerHTML = `
      <div class="panel-head"><h2 id="embed-title">Share or embed this view</h2><button type="button" class="panel-close">Close</button></div>
      <p class="panel-hint">Paste the code into a web page (a council's agenda, a consultation page) to show this view of the plan,
        read-only, with its walk-through, text version and glossary. The page's owner lists their site in embed.json
        beside the planner if their page is to talk to it (docs/embedding.md).</p>
      <div class="share-body">
        <div class="embed-published" hidden>
          <label for="embed-plan-address">Where the plan file is published</label>
          <p class="field-hint">This plan is only in your browser. Save it to a file, publish the file on a web server, then give its address.</p>
          <input id="embed-plan-address" type="url" placeholder="https://example.org/plans/our-plan.json">
        </div>
        <label for="embed-code">Code to paste into the page</label>
        <textarea id="embed-code" rows="6" readonly></textarea>
        <div class="share-row"><button type="button" class="embed-copy" data-copy="embed-code">Copy code</button></div>
        <label for="embed-link">Link to this view, read-only</label>
        <div class="share-row"><input id="embed-link" type="text" readonly><button type="button" class="embed-copy" data-copy="embed-link">Copy link</button></div>
        <label for="embed-description">Text description to place beside it</label>
        <textarea id="embed-description" rows="6" readonly></textarea>
        <div class="share-row"><button type="button" class="embed-copy" data-copy="embed-description">Copy description</button></div>
        <p class="panel-status" role="status"></p>
      </div>`;
    document.body.append(dialog);
    const published = dialog.querySelector('.embed-published');
    const planAddress = dialog.querySelector('#embed-plan-address');
    const code = dialog.querySelector('#embed-code');
    const link = dialog.querySelector('#embed-link');
    const description = dialog.querySelector('#embed-description');
    const status = dialog.querySelector('.panel-status');
    dialog.querySelector('.panel-close').addEventListener('click', () => dialog.close());
    for (const button of dialog.querySelectorAll('.embed-copy')) {
      button.addEventListener('click', () => window.PlannerSharing.copyField(dialog.querySelector(`#${button.dataset.copy}`), status, 'Copied.'));
    }
    planAddress.addEventListener('input', () => fill());

    // The address of this view: the plan (by example or published address), view, option and date.
    function address(mode) {
      const from = source();
      const query = new URLSearchParams({ mode });
      if (from && from.example) query.set('example', from.example);
      else if (from && from.published) query.set('plan', from.published);
      else if (planAddress.value.trim()) query.set('plan', planAddress.value.trim());
      else return null;
      const shown = call('shown');
      query.set('view', shown.view);
      if (shown.option) query.set('option', shown.option);
      if (shown.date) query.set('date', shown.date);
      return `${window.location.origin}${window.location.pathname}?${query}`;
    }

    function fill() {
      const from = source();
      published.hidden = Boolean(from);
      const words = call('textAlternative');
      const embedAddress = address('embed');
      description.value = words.ok ? words.description : '';
      if (!embedAddress) {
        code.value = '';
        link.value = '';
        status.textContent = 'Give the published plan file\'s address first.';
        return;
      }
      code.value = `<iframe src="${attribute(embedAddress)}"\n  title="${attribute(words.summary || 'A plan of health and care structures')}"\n` +
        `  width="100%" height="560" allow="fullscreen"\n  sandbox="${sandbox}"></iframe>`;
      link.value = address('view');
      status.textContent = '';
    }

    function show() {
      document.documentElement.dataset.theme = call('theme');
      fill();
      if (!dialog.open) dialog.showModal();
    }

    return { show };
  }

  window.PlannerEmbedDialog = { create };
})();
