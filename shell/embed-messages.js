// The planner in another site's page (docs/embedding.md): messages between
// the planner and the page that frames it, protocol version 1.
// - To any parent: {type: 'ready'} once the planner has started.
// - Only to the origins listed in embed.json beside index.html (fetched
//   fresh every time the page starts, never from a cache): what is shown
//   ('state'), what is selected ('selection'), in edit mode that the plan
//   changed ('planChanged'), and replies to commands.
// - Only from those origins: commands ('show', 'select', 'load', 'getPlan',
//   'getState'). Everything else is ignored; what a host sends is checked as
//   a file would be.
//
// window.PlannerEmbedMessages.start({call, mode, version, ready}).
(function () {
  'use strict';

  const protocol = 'care-structure-planner';
  const protocolVersion = 1;
  const maxPlanCharacters = 64 * 1024 * 1024;

  function isOrigin(text) {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
    } catch (error) {
      return false;
    }
  }

  // The origins the site's owner trusts, from embed.json: {"trustedOrigins": ["https://council.example"]}.
  async function trustedOrigins() {
    let response;
    try {
      response = await fetch('embed.json', { cache: 'no-store', credentials: 'omit' });
    } catch (error) {
      return new Set();
    }
    if (!response.ok) return new Set();  // no file: nobody is trusted
    try {
      const file = await response.json();
      const listed = file && Array.isArray(file.trustedOrigins) ? file.trustedOrigins : null;
      if (!listed) throw new Error('it has no "trustedOrigins" list');
      const origins = listed.filter(isOrigin);
      for (const wrong of listed.filter((origin) => !isOrigin(origin))) {
        console.warn(`embed.json: "${wrong}" is not an origin (scheme, host and port only, such as https://council.example.gov.uk), so it is not trusted.`);
      }
      return new Set(origins);
    } catch (error) {
      console.warn(`embed.json could not be read (${error.message}), so no site may send the planner commands.`);
      return new Set();
    }
  }

  function start({ call, mode, version, ready }) {
    const host = window.parent !== window ? window.parent : null;
    const trust = trustedOrigins();
    let told = { view: undefined, option: undefined, date: undefined, selected: undefined, revision: undefined, generation: undefined };

    function message(type, fields = {}) {
      return { protocol, version: protocolVersion, type, ...fields };
    }

    // To every trusted origin: the browser delivers it only to the one the host is.
    async function tell(type, fields) {
      if (!host) return;
      for (const origin of await trust) host.postMessage(message(type, fields), origin);
    }

    function stateFields() {
      const shown = call('shown');
      const words = call('textAlternative');
      return {
        view: shown.view,
        option: shown.option,
        date: shown.date,
        title: words.summary || '',
        summary: words.summary || '',
        description: words.description || '',
        mode,
      };
    }

    function selectionFields(id) {
      if (!id) return { id: null, name: null, description: null };
      const about = call('describe', id);
      return { id, name: about.ok ? about.name : null, description: about.ok ? about.text : null };
    }

    // --- commands ------------------------------------------------------------------
    const views = new Set(['layers', 'governance']);
    function show(data) {
      const problems = [];
      if ('view' in data && !views.has(data.view)) problems.push('view must be "layers" or "governance"');
      if ('option' in data && data.option !== null && typeof data.option !== 'string') problems.push('option must be an option\'s id or null');
      if ('option' in data && typeof data.option === 'string' && !call('options').some((option) => option.id === data.option)) {
        problems.push(`the plan has no option "${data.option}"`);
      }
      if ('date' in data && data.date !== null && typeof data.date !== 'string') problems.push('date must be a date such as 2020-04-01, "end" or null');
      if ('focus' in data && typeof data.focus !== 'string') problems.push('focus must be the id of something in the plan');
      if (problems.length) return { ok: false, messages: problems };
      const before = call('state');
      if ('option' in data) call('showOption', data.option);
      if ('date' in data) {
        const dated = call('showDate', data.date);
        if (!dated.ok) {
          call('showOption', before.option);  // nothing changes
          return dated;
        }
      }
      if ('view' in data) call('showView', data.view);
      if ('focus' in data) {
        const focused = call('focus', data.focus);
        if (!focused.ok) return focused;
      }
      return { ok: true, messages: [], result: stateFields() };
    }

    const commands = {
      show,
      select(data) {
        if (data.id !== null && typeof data.id !== 'string') return { ok: false, messages: ['id must be the id of something in the plan, or null'] };
        const answer = call('select', data.id);
        if (answer.ok && data.id) call('focus', data.id);
        return answer;
      },
      load(data) {
        if (typeof data.text !== 'string') return { ok: false, messages: ['load needs the plan as JSON text in "text"'] };
        if (data.text.length > maxPlanCharacters) return { ok: false, messages: ['the plan is larger than the planner opens (64 MB)'] };
        const name = typeof data.name === 'string' && data.name ? data.name.slice(0, 200) : 'plan-from-host.json';
        // report: false, so a host's bad plan is answered to the host, not shown over the reader's page.
        const opened = call('openPlan', { text: data.text, name, report: false });
        return { ok: opened.ok, messages: opened.messages, result: { problems: opened.problems } };
      },
      getPlan() {
        const text = call('currentPlan');
        return text ? { ok: true, messages: [], result: text } : { ok: false, messages: ['no plan is open'] };
      },
      getState() {
        return { ok: true, messages: [], result: stateFields() };
      },
    };

    window.addEventListener('message', async (event) => {
      if (!host || event.source !== host) return;
      const data = event.data;
      if (!data || typeof data !== 'object' || data.protocol !== protocol) return;
      if (!(await trust).has(event.origin)) return;  // not trusted by this site's owner: ignored
      await ready;
      const id = typeof data.id === 'string' || typeof data.id === 'number' ? data.id : null;
      let answer;
      if (data.version !== protocolVersion) answer = { ok: false, messages: [`this planner speaks version ${protocolVersion} of the protocol`] };
      else if (!Object.hasOwn(commands, data.type)) answer = { ok: false, messages: [`unknown command "${String(data.type).slice(0, 40)}"`] };
      else {
        try {
          answer = commands[data.type](data);
        } catch (error) {
          answer = { ok: false, messages: [error.message] };
        }
      }
      host.postMessage(message('reply', { replyTo: id, ok: answer.ok, messages: answer.messages || [], result: answer.result ?? null }), event.origin);
    });

    // What is shown changed (the module says so after each frame that changes it).
    function shown(state) {
      if (state.view !== told.view || state.option !== told.option || state.date !== told.date || state.generation !== told.generation ||
          state.revision !== told.revision) {
        tell('state', stateFields());
      }
      if (state.selected !== told.selected) tell('selection', selectionFields(state.selected));
      if (mode === 'edit' && told.revision !== undefined && state.generation === told.generation && state.revision !== told.revision) {
        tell('planChanged', { revision: state.revision });
      }
      told = state;
    }

    ready.then(() => {
      if (host) host.postMessage(message('ready', { plannerVersion: version }), '*');
    });

    return { shown };
  }

  window.PlannerEmbedMessages = { start };
})();
