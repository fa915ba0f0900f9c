// The page's JavaScript: checks the browser can run the planner, loads the
// WebAssembly module with its fonts, sizes nothing itself (the module does),
// wakes the sleeping frame loop on input, turns touch gestures into pan and
// zoom, and publishes window.planner (docs/js-api.md).
(function () {
  'use strict';

  const version = '@PLANNER_VERSION@';
  const canvas = document.getElementById('canvas');
  // What the page is for, fixed when it opens (docs/embedding.md): editing,
  // or reading only (view: the page's own; embed: inside another site's page).
  const askedMode = new URLSearchParams(window.location.search).get('mode');
  const mode = askedMode === 'view' || askedMode === 'embed' ? askedMode : 'edit';
  if (askedMode !== null && mode !== askedMode) console.warn(`mode=${askedMode} is not a mode: use edit, view or embed. The planner opened for editing.`);
  const readOnly = mode !== 'edit';
  const loading = document.getElementById('loading');
  let planner = null; // the Emscripten module once started

  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // failures are shown on the page; callers may still listen

  // --- window.planner --------------------------------------------------------
  function call(method, args) {
    if (!planner) throw new Error('The planner is still loading: wait for planner.ready first.');
    if (method === 'openPlan' && args && typeof args === 'object' && typeof args.text === 'string') {
      return openPlanText(args.text, String(args.name || ''), Boolean(args.report));
    }
    if (method === 'currentPlan') {
      // The text as it is, not escaped into a JSON answer and parsed back.
      const pointer = planner._planner_current_plan();
      return pointer ? answerText(pointer) : null;
    }
    const argumentText = args === undefined ? '' : JSON.stringify(args);
    const methodPointer = allocateString(method);
    const argumentPointer = allocateString(argumentText);
    try {
      return JSON.parse(answerText(planner._planner_api(methodPointer, argumentPointer)));
    } finally {
      planner._free(methodPointer);
      planner._free(argumentPointer);
      // A change made through the API is stored straight away (a host may close
      // the page next): the save starts before this task ends, once for a
      // burst of calls, and after the caller has its answer.
      if (changingMethods.has(method)) queueMicrotask(() => keeping.flush());
    }
  }
  // (openPlan changes no plan, but the tab's record of what it shows.)
  const changingMethods = new Set(['edit', 'apply', 'undo', 'redo', 'confirmImport', 'openPlan']);

  // A plan's text goes into the module as UTF-8 bytes, encoded straight into
  // its memory: not escaped into JSON arguments and lexed twice.
  const encoder = new TextEncoder();
  function textIntoModule(text) {
    // Room for text that is mostly ASCII, as plans are; what does not fit
    // goes into room for the most UTF-8 it can take (3 bytes a unit).
    const room = text.length + (text.length >> 4) + 16;
    const pointer = planner._malloc(room);
    const { read, written } = encoder.encodeInto(text, planner.HEAPU8.subarray(pointer, pointer + room));
    if (read === text.length) return { pointer, written };
    const bigger = written + (text.length - read) * 3;
    const moved = planner._malloc(bigger);
    planner.HEAPU8.copyWithin(moved, pointer, pointer + written);
    planner._free(pointer);
    const rest = encoder.encodeInto(text.slice(read), planner.HEAPU8.subarray(moved + written, moved + bigger));
    return { pointer: moved, written: written + rest.written };
  }
  function openPlanText(text, name, report) {
    if (!planner) throw new Error('The planner is still loading: wait for planner.ready first.');
    const { pointer, written } = textIntoModule(text);
    const namePointer = allocateString(name);
    try {
      const answer = openAnswer(planner._planner_open_text(pointer, written, namePointer, report ? 1 : 0));
      if (answer.ok) keeping.opened(text);
      return answer;
    } finally {
      planner._free(namePointer);
      queueMicrotask(() => keeping.flush());
    }
  }

  // Opening rehearsed while the page is idle (shell/rehearsal.js), once it
  // is ready, where plans are opened and edited: not in the viewer or an embed.
  let rehearsal = Promise.resolve([]);
  function rehearseOpen() {
    if (mode !== 'edit') return;
    rehearsal = window.PlannerRehearsal.begin({
      rehearse: (text, withGovernance) => {
        const { pointer, written } = textIntoModule(text);
        planner._planner_rehearse_open(pointer, written, withGovernance ? 1 : 0);
      },
      openText: fetchExample(defaultExample),
      governanceText: fetchExample('herefordshire-worcestershire-2019'),
      makeRoom: () => {
        // A browser hands a page new memory a page at a time, on first use.
        // Touched now, past the top of the module's heap, it is memory that
        // a large plan's open does not wait for (England's took the module
        // from 16 MB to 44 MB, before its text went in tighter room).
        // Zeros, as fresh memory is.
        const top = planner._planner_make_room(30 << 20);
        planner.HEAPU8.fill(0, top, planner.HEAPU8.length);
      },
    }).catch(() => []);  // offline with the examples not kept: no rehearsal, and no harm
  }
  ready.then(rehearseOpen, () => {});

  // An answer's text, decoded in one go: the module says how long it is.
  const decoder = new TextDecoder();
  function answerText(pointer) {
    const length = planner._planner_answer_length();
    if (length < 0) return planner.UTF8ToString(pointer);
    return decoder.decode(planner.HEAPU8.subarray(pointer, pointer + length));
  }

  // openPlan's answer, {messages, problems, ok}. A large plan's carries
  // thousands of pieces of advice (England's, 870 KB): its bytes are copied
  // out now and read into objects only when a caller first looks at them.
  const eagerAnswerBytes = 64 * 1024;
  function openAnswer(pointer) {
    const length = planner._planner_answer_length();
    if (length < eagerAnswerBytes) return JSON.parse(answerText(pointer));
    const bytes = planner.HEAPU8.slice(pointer, pointer + length);
    let whole = null;
    const answer = {};
    for (const key of ['messages', 'problems']) {
      const settle = (value) => Object.defineProperty(answer, key, { value, enumerable: true, configurable: true, writable: true });
      Object.defineProperty(answer, key, {
        enumerable: true,
        configurable: true,
        get() {
          whole ??= JSON.parse(decoder.decode(bytes));
          settle(whole[key]);
          return whole[key];
        },
        set: settle,
      });
    }
    // The module ends every open's answer with "ok" (app::problems_answer_text).
    answer.ok = decoder.decode(bytes.subarray(length - 10)) === '"ok":true}';
    return answer;
  }

  function allocateString(text) {
    const size = planner.lengthBytesUTF8(text) + 1;
    const pointer = planner._malloc(size);
    planner.stringToUTF8(text, pointer, size);
    return pointer;
  }

  window.planner = Object.freeze({
    version,
    ready,
    view: () => call('view'),
    camera: () => call('camera'),
    setCamera: (camera) => call('setCamera', camera),
    fit: () => call('fit'),
    theme: () => call('theme'),
    setTheme: (name) => call('setTheme', name),
    frameCount: () => call('frameCount'),
    settled,
    rehearsed: () => rehearsal,
    openPlan: (text, options = {}) => openPlanText(String(text), String(options.name || ''), Boolean(options.report)),
    currentPlan: () => call('currentPlan'),
    lastOpenReport: () => call('lastOpenReport'),
    apply: (command) => call('apply', command),
    undo: () => call('undo'),
    redo: () => call('redo'),
    unit: (id) => call('unit', String(id)),
    unitBounds: (id) => call('unitBounds', String(id)),
    select: (id) => call('select', id === null || id === undefined ? null : String(id)),
    selection: () => call('selection'),
    selectedUnits: () => call('selectedUnits'),
    focus: (id) => call('focus', String(id)),
    fold: (id) => call('fold', String(id)),
    unfold: (id) => call('unfold', String(id)),
    setCommissioners: (on) => call('setCommissioners', Boolean(on)),
    search: (text) => call('search', String(text)),
    checks: () => call('checks'),
    unsavedChanges: () => call('unsavedChanges'),
    frameTimes: () => call('frameTimes'),
    openTimes: () => call('openTimes'),
    editTimes: () => call('editTimes'),
    // The module's memory in bytes: WebAssembly memory grows and never shrinks, so this is its peak.
    memoryBytes: () => (planner ? planner.HEAPU8.length : 0),
    keepOnGpu: (how) => call('keepOnGpu', how === 'always' ? how : Boolean(how)),
    previewImport: (files) => call('previewImport', files),
    confirmImport: () => call('confirmImport'),
    showView: (name) => call('showView', String(name)),
    currentView: () => call('currentView'),
    governance: () => call('governance'),
    itemBounds: (id) => call('itemBounds', String(id)),
    visibleItems: () => call('visibleItems'),
    setGovernanceFilters: (filters) => call('setGovernanceFilters', filters),
    layOutAgain: () => call('layOutAgain'),
    deletePreview: (id) => call('deletePreview', String(id)),
    decide: (fn, unit) => call('decide', unit === undefined || unit === null ? [String(fn)] : [String(fn), String(unit)]),
    closeDecision: () => call('closeDecision'),
    decisionRights: (id) => call('decisionRights', String(id)),
    governanceChecks: () => call('governanceChecks'),
    edit: (command) => call('edit', command),
    options: () => call('options'),
    showOption: (id) => call('showOption', id === null || id === undefined ? null : String(id)),
    timeline: () => call('timeline'),
    showDate: (date) => call('showDate', date === null || date === undefined ? null : String(date)),
    state: () => call('state'),
    compare: (a, b) => call('compare', [a ?? {}, b ?? {}]),
    closeCompare: () => call('closeCompare'),
    appraisal: () => call('appraisal'),
    mode: () => call('mode'),
    shown: () => call('shown'),
    outline: (options) => call('outline', options ?? null),
    describe: (id) => call('describe', String(id)),
    glossary: (text) => call('glossary', text === undefined || text === null ? null : String(text)),
    findInView: (text) => call('findInView', String(text)),
    textAlternative: () => call('textAlternative'),
    decisionTable: () => call('decisionTable'),
    panelAt: (x, y) => call('panelAt', { x: Number(x), y: Number(y) }),
    showEmbed: () => embedDialog.show(),
    storedPlans: () => keeping.list(),
    storage: () => keeping.status(),
    storedVersions: (id) => keeping.versions(String(id)),
    openStored: (id) => keeping.openStored(String(id)),
    restoreVersion: (id, revision) => keeping.restoreVersion(String(id), Number(revision)),
    saveToFile: (options = {}) => keeping.saveToFile(Boolean(options.ask)),
    showMyPlans: () => myPlans.show(),
    shareLink: () => sharing.shareLink(),
    exportSvg: () => sharing.exportSvg(),
    exportPng: (progress) => sharing.exportPng(progress),
    pictureTimes: () => sharing.pictureTimes(),
    exportCsv: (table) => sharing.exportCsv(table),
  });

  // Keeping plans in the browser and in files (shell/keeping.js), and the My plans panel.
  // A read-only page keeps nothing in the browser.
  const keeping = (readOnly ? window.PlannerKeeping.readOnly : window.PlannerKeeping.create)({ call, running: () => Boolean(planner) });
  const myPlans = window.PlannerMyPlans.create({ keeping, call });
  const sharing = window.PlannerSharing.create({ call, keeping });
  window.PlannerOffline.start({ keeping });
  // Where the open plan came from, for the embed code: an example or a published address.
  let planSource = null;  // {example} or {published}, with the generation it opened as
  function noteSource(source) {
    if (planner && call('documentState').open) planSource = { ...source, generation: call('documentState').generation };
  }
  const embedDialog = window.PlannerEmbedDialog.create({
    call,
    source: () => (planSource && planner && planSource.generation === call('documentState').generation ? planSource : null),
  });
  const viewer = readOnly ? window.PlannerViewer.create({ call, mode }) : null;
  const embedMessages = window.PlannerEmbedMessages.start({ call, mode, version, ready });

  // The module's GLFW takes key presses from the whole window. Those typed into
  // the page's own HTML (My plans, messages) are not for the canvas: while
  // the module starts, its key listeners are wrapped to be given only the others.
  const keyEvents = new Set(['keydown', 'keypress', 'keyup']);
  // Tab is never the module's: GLFW would keep it from the browser, and
  // the keyboard would be trapped in the canvas.
  const fromPageHtml = (event) => event.key === 'Tab' ||
    (event.target instanceof Element && event.target !== canvas && event.target !== document.body && event.target !== document.documentElement);
  function keysForTheCanvasOnly(start) {
    const add = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
      const given = listener;
      const filtered = keyEvents.has(type) && typeof given === 'function'
        ? function (event) { if (!fromPageHtml(event)) given.call(this, event); }
        : given;
      return add.call(this, type, filtered, options);
    };
    try {
      return start();
    } finally {
      window.addEventListener = add;
    }
  }

  // --- opening plan files (File > Open, Ctrl+O, drag and drop) -------------
  // The bytes go to the module undecoded: its loader checks the UTF-8 and
  // reports problems exactly as planner-cli does.
  async function openFile(file) {
    if (!file || !planner || !keeping.mayReplace()) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    await window.PlannerBusy.opening(bytes.length, () => {
      const name = allocateString(file.name);
      planner._planner_open_file(copyIntoModule(planner, bytes), bytes.length, name);
      planner._free(name);
    });
  }
  // NHS CSV files (practices, PCN membership, list sizes): read as text and
  // previewed in the page before anything changes (docs/import.md).
  async function importFiles(files) {
    if (!planner || files.length === 0) return;
    const read = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
    call('previewImport', read);
  }
  function pickImportFiles() {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.csv,text/csv';
    input.addEventListener('change', () => importFiles([...input.files]));
    input.click();
  }
  function pickPlanFile() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => openFile(input.files[0]));
    input.click();
  }
  window.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'o' && mode !== 'embed') {
      event.preventDefault();
      pickPlanFile();
    }
    // Here, not in the module: a file picker may open only during the key press.
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's' && planner) {
      event.preventDefault();
      keeping.saveToFile(event.shiftKey);
    }
    // Ctrl+F finds units in the plan, and Ctrl+Z undoes there, not in the browser.
    if ((event.ctrlKey || event.metaKey) && !event.altKey && ['f', 's', 'z', 'y'].includes(event.key.toLowerCase())) event.preventDefault();
  });
  // Leaving asks first only when a change is not yet safely stored (storage
  // unavailable or refused); otherwise the pending save is flushed.
  window.addEventListener('beforeunload', (event) => {
    if (!planner || readOnly) return;
    keeping.flush();
    if (!keeping.allStored()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    if (mode === 'embed') return;  // another site's page: files are not for the frame
    const dropped = event.dataTransfer ? [...event.dataTransfer.files] : [];
    const csv = dropped.filter((file) => /\.csv$/i.test(file.name));
    if (csv.length > 0) importFiles(csv);
    else openFile(dropped[0]);
  });

  // What the module asks the page to do (platform::page_request), by name.
  const pageRequests = {
    pickPlanFile: () => pickPlanFile(),
    pickImportFiles: () => pickImportFiles(),
    openExample: (name) => openExample(name),
    savePlanFile: (argument) => keeping.saveToFile(argument === 'ask'),
    showMyPlans: () => myPlans.show(),
    showShareLink: () => sharing.showShareLink(),
    exportFile: (what) => sharing.exportFile(what),
    showEmbed: () => embedDialog.show(),
    // After each frame that changed the view, option, date, selection or plan.
    shown: (json) => {
      const state = JSON.parse(json);
      if (viewer) viewer.shown(state);
      embedMessages.shown(state);
    },
  };

  // --- example plans (File > Open example, ?example=NAME) --------------------
  // The page opens the SYB 2017 example unless ?example= names another, or
  // "none" for an empty page.
  const defaultExample = 'syb-acs-mou-2017';
  const exampleName = /^[a-z0-9-]+$/;

  async function fetchExample(name) {
    if (!exampleName.test(name)) {
      throw new Error(`"${name}" is not the name of an example: use lower-case letters, digits and hyphens, such as ${defaultExample}.`);
    }
    const retry = 'Check your connection, then try again.';
    let response;
    try {
      response = await fetch(`assets/examples/${name}.json`);
    } catch (error) {
      throw new Error(`The example "${name}" could not be downloaded. ${retry}`);
    }
    if (response.status === 404) throw new Error(`There is no example called "${name}": File > Open example lists them.`);
    if (!response.ok) throw new Error(`The example "${name}" could not be downloaded (HTTP ${response.status}). ${retry}`);
    return response.text();
  }

  async function openExampleText(name, text) {
    // Our own files: a plain open (report: false), unless it fails.
    const opened = await window.PlannerBusy.opening(text.length, () => call('openPlan', { text, name: `${name}.json`, report: false }));
    if (!opened.ok) call('openPlan', { text, name: `${name}.json`, report: true });
    else noteSource({ example: name });
  }

  async function openExample(name, pending = fetchExample(name)) {
    if (planner && call('documentState').open && !keeping.mayReplace()) return;
    try {
      await openExampleText(name, await pending);
    } catch (error) {
      call('openFailed', { name: `${name}.json`, message: error.message });
    }
  }

  // --- problems --------------------------------------------------------------
  function showProblem(title, text) {
    loading.hidden = true;
    const problem = document.getElementById('problem');
    if (title) document.getElementById('problem-title').textContent = title;
    document.getElementById('problem-text').textContent = text;
    problem.hidden = false;
    rejectReady(new Error(text));
  }

  function missingFeature() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return 'WebAssembly';
    }
    try {
      const probe = document.createElement('canvas').getContext('webgl2');
      if (!probe) return 'WebGL 2';
      const lose = probe.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();
    } catch (error) {
      return 'WebGL 2';
    }
    return null;
  }

  // --- waking the frame loop -------------------------------------------------
  // The module draws only when asked; every event that may change the
  // picture asks for a few frames.
  function wake() {
    if (planner) planner._planner_wake();
  }
  // Resolves once the loop has drawn what it was asked to and sleeps (or
  // after `limit` ms, for a page kept busy by an animation).
  function settled(limit = 5000) {
    const until = performance.now() + limit;
    return new Promise((resolve) => {
      const check = () => {
        if (!planner || !planner._planner_drawing() || performance.now() > until) resolve(true);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }
  const wakingEvents = ['mousedown', 'mouseup', 'mousemove', 'wheel', 'keydown', 'keyup',
    'keypress', 'focus', 'blur', 'resize', 'touchstart', 'touchend'];
  for (const type of wakingEvents) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', wake);
  // A change of devicePixelRatio (browser zoom, another monitor) is not
  // always a resize: watch the resolution media query too.
  function watchPixelRatio() {
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    query.addEventListener('change', () => { wake(); watchPixelRatio(); }, { once: true });
  }
  watchPixelRatio();

  // A drag that leaves the canvas, over the page's own messages or out of the
  // window, still belongs to it: the canvas holds the pointer while a button
  // is down, so the moves and the release reach the planner and no drag sticks.
  canvas.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'mouse') canvas.setPointerCapture(event.pointerId);
  });

  // --- touch: one finger pans, two fingers pinch -----------------------------
  // Emscripten 3.1.6's GLFW turns touches into mouse presses without
  // positions, so touches on the canvas stop here. A tap still reaches the
  // planner as the browser's own compatibility mouse click.
  const touches = new Map();
  function canvasPoint(touch) {
    const rect = canvas.getBoundingClientRect();
    return { x: touch.clientX - rect.left, y: touch.clientY - rect.top };
  }
  function gesture() {
    const points = [...touches.values()];
    if (points.length === 1) return { x: points[0].x, y: points[0].y, span: 0 };
    const [a, b] = points;
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, span: Math.hypot(a.x - b.x, a.y - b.y) };
  }
  // A drag that starts over one of the planner's panels (ImGui's
  // WantCaptureMouse, asked of the module by position) scrolls that panel:
  // it reaches the module as the wheel, at the finger.
  let overPanel = false;
  function scrollPanel(point, dy) {
    const rect = canvas.getBoundingClientRect();
    const at = { clientX: rect.left + point.x, clientY: rect.top + point.y, bubbles: true };
    canvas.dispatchEvent(new MouseEvent('mousemove', at));
    canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -dy, deltaMode: 0, cancelable: true }));
  }
  function onTouch(event) {
    if (event.target !== canvas) return;
    event.stopPropagation();
    if (!planner) return;
    const before = touches.size ? gesture() : null;
    const beforeCount = touches.size;
    for (const touch of event.changedTouches) {
      if (event.type === 'touchend' || event.type === 'touchcancel') touches.delete(touch.identifier);
      else if (touches.size < 2 || touches.has(touch.identifier)) touches.set(touch.identifier, canvasPoint(touch));
    }
    if (event.type === 'touchstart' && beforeCount === 0) overPanel = call('panelAt', gesture()) === true;
    if (event.type !== 'touchmove' || !before || touches.size !== beforeCount) return;
    event.preventDefault();
    const after = gesture();
    if (overPanel) {
      scrollPanel(after, after.y - before.y);
      return;
    }
    call('panBy', { dx: after.x - before.x, dy: after.y - before.y });
    if (before.span > 0 && after.span > 0) {
      call('zoomAt', { x: after.x, y: after.y, factor: after.span / before.span });
    }
  }
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
    window.addEventListener(type, onTouch, { capture: true, passive: false });
  }
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());

  // --- start -----------------------------------------------------------------
  function preferredTheme() {
    const asked = new URLSearchParams(window.location.search).get('theme');
    if (['light', 'dark', 'high-contrast'].includes(asked)) return asked;
    if (window.matchMedia('(prefers-contrast: more)').matches) return 'high-contrast';
    if (window.matchMedia('(prefers-color-scheme: dark)').matches) return 'dark';
    return 'light';
  }

  async function fetchBytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} could not be downloaded (HTTP ${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  }

  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${url} could not be downloaded.`));
      document.head.appendChild(script);
    });
  }

  function copyIntoModule(module, bytes) {
    const pointer = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, pointer);
    return pointer;
  }

  // planner.ready waits for the first frame and the example plan, so that
  // callers see the page as a person first sees it.
  let pendingStart = 2;
  let planOpened = false;
  // Once both are done (the canvas knows its size, so a focus frames
  // rightly), what the address asks for is shown. A starting plan, and a
  // view the address asks for, are drawn and settled before ready: the
  // panels a plan brings take a frame to measure and then shrink the
  // canvas, which refits, and a focus glides. So a host page reading
  // unitBounds or the camera at ready gets where things stay.
  const startStepDone = () => {
    if (--pendingStart !== 0) return;
    const asked = showWhatTheAddressAsks();
    if (planOpened || asked) settled().then(() => resolveReady(window.planner));
    else resolveReady(window.planner);
  };
  const firstFrame = startStepDone;
  const exampleOpened = (opened) => {
    planOpened = opened;
    startStepDone();
  };

  // What the address asks to be shown, once the starting plan is open
  // (docs/options-and-time.md): ?view=governance&option=ID&date=2020-04-01&focus=ID.
  // A value the plan cannot show is reported in the console and left out.
  // Returns whether anything was asked for.
  function showWhatTheAddressAsks() {
    let askedForAny = false;
    const asked = new URLSearchParams(window.location.search);
    const steps = [
      ['view', (value) => call('showView', value)],
      ['option', (value) => call('showOption', value)],
      ['date', (value) => call('showDate', value)],
      ['focus', (value) => call('focus', value)],
    ];
    for (const [name, show] of steps) {
      const value = asked.get(name);
      if (value === null || value === '') continue;
      askedForAny = true;
      const answer = show(value);
      if (answer && answer.ok === false) console.warn(`The address's ${name}=${value} was left out: ${answer.messages.join(' ')}`);
    }
    return askedForAny;
  }

  async function start() {
    const missing = missingFeature();
    if (missing) {
      showProblem(null, `This browser does not support ${missing}, which the planner needs to draw.`);
      return;
    }
    try {
      // The store opens while the module loads, so that the starting plan
      // opens before the first frame as it always has.
      const keepingReady = keeping.init();
      const askedForExample = new URLSearchParams(window.location.search).has('example');
      const requested = new URLSearchParams(window.location.search).get('example') ?? defaultExample;
      const planInAddress = window.location.hash.startsWith('#plan=') || new URLSearchParams(window.location.search).has('plan');
      const example = requested === 'none' || planInAddress ? null : fetchExample(requested);
      if (example) example.catch(() => {}); // reported once the module can show it
      const fonts = Promise.all([
        fetchBytes('fonts/LiberationSans-Regular.ttf'),
        fetchBytes('fonts/LiberationSans-Bold.ttf'),
      ]);
      await loadScript('planner.js');
      const module = await window.createPlanner({
        canvas,
        onFirstFrame() {
          loading.hidden = true;
          firstFrame();
        },
        printErr: (text) => console.warn(text),
        pageRequest: (action, argument) => pageRequests[action](argument),
      });
      const [regular, bold] = await fonts;
      const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
      const options = JSON.stringify({ theme: preferredTheme(), reduceMotion: motion.matches, mode });
      const optionsPointer = module._malloc(module.lengthBytesUTF8(options) + 1);
      module.stringToUTF8(options, optionsPointer, module.lengthBytesUTF8(options) + 1);
      planner = module;
      const status = keysForTheCanvasOnly(() => module._planner_start(copyIntoModule(module, regular), regular.length,
        copyIntoModule(module, bold), bold.length, optionsPointer));
      module._free(optionsPointer);
      if (status !== 0) {
        planner = null;
        showProblem(null, 'The planner could not create its drawing surface (WebGL 2).');
        return;
      }
      motion.addEventListener('change', () => call('setReducedMotion', motion.matches));
      await keepingReady;
      // A reloaded tab shows what it showed. Otherwise a plan the address
      // carries (#plan=) or names (?plan=) comes first; then the plan open
      // last, unless the address asks for an example.
      const published = new URLSearchParams(window.location.search).get('plan');
      let opened = true;
      if (!await keeping.restoreTab() && !await sharing.openStartingPlan()) {
        const last = askedForExample ? null : await keeping.lastPlan();
        if (!last || !keeping.openRecord(last)) {
          opened = Boolean(example);  // opened, or its failure reported: either changes the page
          if (example) await openExample(requested, example);
        }
      } else if (published && !window.location.hash.startsWith('#plan=')) {
        noteSource({ published: new URL(published, window.location.href).href });
      }
      exampleOpened(opened);
    } catch (error) {
      planner = null;
      showProblem('The planner could not start', `${error.message} Check your connection, then reload the page.`);
    }
  }

  start();
})();
