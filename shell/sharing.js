// Sharing and exporting (docs/sharing.md, docs/exports.md):
// - share links that carry the plan itself, compressed, in the address's
//   fragment (#plan=...: never sent to any server);
// - published plans opened from ?plan=URL;
// - the current view as SVG and PNG, and the plan's tables as CSV.
// A plan from a link or an address opens as a new plan: it is kept in the
// browser only from its first change, beside (never over) the plans there.
//
// window.PlannerSharing.create({call, keeping}) -> the sharing of one page.
(function () {
  'use strict';

  // Links longer than this are refused with a suggestion to send a file:
  // browsers open far longer ones, but mail and chat tools may cut them.
  const maxLinkLength = 64000;
  const linkPrefix = '#plan=';

  function base64url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64url(text) {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  async function through(bytes, transform) {
    return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(transform)).arrayBuffer());
  }

  function pageAddress() {
    return `${window.location.origin}${window.location.pathname}`;
  }

  // Copies a text field's words, selected first so that Ctrl+C still works
  // where the browser refuses the clipboard; says which happened in `status`.
  async function copyField(field, status, done, what = 'text') {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = done;
    } catch (error) {
      status.textContent = `The browser did not let the planner copy it: press Ctrl+C (or Cmd+C) to copy the selected ${what}.`;
    }
  }

  function create({ call, keeping }) {
    const download = window.PlannerKeeping.download;
    let fromAddress = null;  // the generation of a plan opened from a link or ?plan=, until it is kept

    // --- share links --------------------------------------------------------------
    async function shareLink() {
      const text = call('currentPlan');
      if (!text) return { ok: false, messages: ['No plan is open.'] };
      const packed = await through(new TextEncoder().encode(text), new CompressionStream('deflate'));
      const link = `${pageAddress()}${linkPrefix}${base64url(packed)}`;
      if (link.length > maxLinkLength) {
        return {
          ok: false,
          length: link.length,
          messages: [`This plan is too large to share as a link: the link would be ${Math.round(link.length / 1000)},000 characters, ` +
            `and links longer than ${maxLinkLength / 1000},000 may be cut short by email and chat tools. ` +
            'Save it to a file (File > Save to file) and send the file instead.'],
        };
      }
      return link;
    }

    async function planFromLink(fragment) {
      try {
        const bytes = await through(fromBase64url(fragment.slice(linkPrefix.length)), new DecompressionStream('deflate'));
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch (error) {
        throw new Error('The link is damaged or incomplete, so the plan in it cannot be read. ' +
          'Ask for the link again (copy all of it), or for the plan as a file.');
      }
    }

    // --- published plans: ?plan=URL ---------------------------------------------------
    async function fetchPublished(address) {
      let url;
      try {
        url = new URL(address, window.location.href);
      } catch (error) {
        throw new Error(`"${address}" is not a web address. Give the plan file's full address, such as https://example.org/plans/our-ics.json.`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`"${address}" is not a web address (http or https), so the planner cannot fetch it.`);
      }
      let response;
      try {
        response = await fetch(url, { credentials: 'omit' });
      } catch (error) {
        throw new Error(`The plan at ${url.href} could not be fetched. Either the server did not answer (check the address and your ` +
          'connection), or it does not let other sites read the file: its owner must allow it (the CORS header ' +
          'Access-Control-Allow-Origin). Or save the file and open it with File > Open plan file.');
      }
      if (!response.ok) {
        const why = response.status === 404 ? ': there is no file at that address' : '';
        throw new Error(`The plan at ${url.href} could not be fetched (HTTP ${response.status}${why}). Check the address with whoever published it.`);
      }
      const last = url.pathname.split('/').pop() || 'published-plan.json';
      let name = last;
      try { name = decodeURIComponent(last); } catch (error) { /* keep it as written */ }
      return { name, text: await response.text() };
    }

    async function openFromAddress(name, text) {
      const opened = await window.PlannerBusy.opening(text.length, () => call('openPlan', { text, name, report: true }));
      if (opened.ok) fromAddress = call('documentState').generation;
      return opened.ok;
    }

    // The plan the address asks for, opened: true if it asked for one (even
    // if it could not be opened: the page says why, and opens nothing else).
    async function openStartingPlan() {
      const published = new URLSearchParams(window.location.search).get('plan');
      if (window.location.hash.startsWith(linkPrefix)) {
        await openLink(window.location.hash);
        return true;
      }
      if (published) {
        try {
          const { name, text } = await fetchPublished(published);
          await openFromAddress(name, text);
        } catch (error) {
          call('openFailed', { name: published, message: error.message });
        }
        return true;
      }
      return false;
    }

    async function openLink(fragment) {
      try {
        await openFromAddress('shared-plan.json', await planFromLink(fragment));
      } catch (error) {
        call('openFailed', { name: 'the shared link', message: error.message });
      }
    }

    // A link pasted into the address bar of an open planner changes only the fragment.
    window.addEventListener('hashchange', () => {
      if (window.location.hash.startsWith(linkPrefix) && keeping.mayReplace()) openLink(window.location.hash);
    });

    // Once the person's own copy is kept, a reload should bring that back, not
    // the link's or the address's original: the address drops it.
    keeping.onStored(() => {
      if (fromAddress === null || call('documentState').generation !== fromAddress) return;
      fromAddress = null;
      const search = new URLSearchParams(window.location.search);
      search.delete('plan');
      const query = search.toString();
      window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    });

    // --- the share dialog -------------------------------------------------------------
    const dialog = document.createElement('dialog');
    dialog.id = 'share-link';
    dialog.className = 'panel share';
    dialog.setAttribute('aria-labelledby', 'share-title');
    dialog.innerHTML = `
      <div class="panel-head"><h2 id="share-title">Share a link</h2><button type="button" class="panel-close">Close</button></div>
      <p class="panel-hint">The plan itself is inside the link, not on any server: anyone with the link can open it,
        and what they change stays in their own browser.</p>
      <div class="share-body">
        <label for="share-address">Link to this plan</label>
        <div class="share-row"><input id="share-address" type="text" readonly><button type="button" class="share-copy">Copy link</button></div>
        <p class="panel-status" role="status"></p>
      </div>`;
    document.body.append(dialog);
    const address = dialog.querySelector('#share-address');
    const status = dialog.querySelector('.panel-status');
    const row = dialog.querySelector('.share-row');
    dialog.querySelector('.panel-close').addEventListener('click', () => dialog.close());
    dialog.querySelector('.share-copy').addEventListener('click', () => copyField(address, status,
      'The link is copied: paste it into an email or a message.', 'link'));

    async function showShareLink() {
      document.documentElement.dataset.theme = call('theme');
      const link = await shareLink();
      const ok = typeof link === 'string';
      row.hidden = !ok;
      address.value = ok ? link : '';
      status.textContent = ok ? `${link.length.toLocaleString('en-GB')} characters.` : link.messages.join(' ');
      if (!dialog.open) dialog.showModal();
      if (ok) address.select();
    }

    // --- exports ----------------------------------------------------------------------
    function exportSvg() {
      const answer = call('exportSvg');
      return answer.ok ? answer.svg : { ok: false, messages: answer.messages };
    }

    // The picture at twice its size (for print), within what browsers can
    // hold in one canvas.
    const pngScale = (width, height) => Math.min(2, 16384 / width, 16384 / height, Math.sqrt(120e6 / (width * height)));
    const cannotMake = { ok: false, messages: ['The picture could not be made.'] };

    // The PNG: the export's picture drawn and compressed in a worker
    // (picture-worker.js), so that the page stays responsive; `progress`
    // hears how far it has got (0 to 1). Where a browser has no
    // OffscreenCanvas, the SVG is drawn on the page instead.
    async function exportPng(progress = () => {}) {
      return (await makePng(progress)).made;
    }

    // {made: the PNG's Blob or a failure, fileName}.
    async function makePng(progress) {
      if (typeof OffscreenCanvas !== 'function' || typeof Worker !== 'function') {
        const answer = call('exportSvg');
        if (!answer.ok) return { made: { ok: false, messages: answer.messages } };
        return { made: await pngOf(answer.svg), fileName: answer.fileName.replace(/\.svg$/, '.png') };
      }
      // The worker makes its canvas (a national picture's takes 0.2 s)
      // while the module writes the picture's marks.
      const size = call('pictureSize');
      if (!size.ok) return { made: { ok: false, messages: size.messages } };
      const scale = pngScale(size.width, size.height);
      const worker = new Worker('picture-worker.js');
      worker.postMessage({ prepare: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) } });
      const answer = call('exportPicture');
      if (!answer.ok) {
        worker.terminate();
        return { made: { ok: false, messages: answer.messages } };
      }
      return { made: await pngInWorker(worker, answer.picture, scale, progress), fileName: answer.fileName };
    }

    // How long the last PNG took in the worker (picture-worker.js), for benchmarks.
    let pictureTimes = null;

    function pngInWorker(worker, picture, scale, progress) {
      return new Promise((resolve) => {
        const finish = (answer) => { worker.terminate(); resolve(answer); };
        worker.onmessage = ({ data }) => {
          if (data.blob) {
            pictureTimes = data.times;
            finish(data.blob);
          } else if (data.error) finish({ ok: false, messages: [`The picture could not be made: ${data.error}`] });
          else if (typeof progress === 'function') progress(data.progress);
        };
        worker.onerror = () => finish(cannotMake);
        worker.postMessage({ picture, scale });
      });
    }

    async function pngOf(svg) {
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      const image = new Image();
      try {
        image.src = url;
        await image.decode();
      } finally {
        URL.revokeObjectURL(url);
      }
      const scale = pngScale(image.width, image.height);
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(image.width * scale));
      canvas.height = Math.max(1, Math.round(image.height * scale));
      canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
      return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob || cannotMake), 'image/png'));
    }

    function exportCsv(table) {
      const answer = call('exportCsv', String(table));
      return answer.ok ? answer.csv : { ok: false, messages: answer.messages };
    }

    // File > Export: what the methods above answer, downloaded.
    async function exportFile(what) {
      if (what === 'svg') {
        const answer = call('exportSvg');
        if (answer.ok) download(answer.fileName, new Blob([answer.svg], { type: 'image/svg+xml' }));
      } else if (what === 'png') {
        // A large view takes a while to draw (the national plan, seconds): say so, and how far it has got.
        const note = window.PlannerBusy.show('Making the picture\u2026');
        try {
          const { made, fileName } = await makePng((done) => { note.textContent = `Making the picture\u2026 ${Math.round(done * 100)}%`; });
          if (made instanceof Blob) download(fileName, made);
        } finally {
          note.remove();
        }
      } else if (what.startsWith('csv:')) {
        const answer = call('exportCsv', what.slice(4));
        // A byte-order mark, so that spreadsheets read the text as UTF-8.
        if (answer.ok) download(answer.fileName, new Blob(['\ufeff', answer.csv], { type: 'text/csv' }));
      }
    }

    return { shareLink, showShareLink, openStartingPlan, exportSvg, exportPng, exportCsv, exportFile, pictureTimes: () => pictureTimes };
  }

  window.PlannerSharing = { create, copyField, maxLinkLength };
})();
