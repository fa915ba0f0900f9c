// The benchmark behind scripts/bench. Prints a Markdown report; with
// --out FILE also writes it there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { cpus, tmpdir, totalmem } from 'node:os';
import { launch, launchPersistent, root } from '../tests/browser/browser.mjs';

const dist = join(root, 'dist');
const runs = Number(process.env.BENCH_RUNS || 7);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// What a first visit downloads: the page, its script, style, module, fonts
// and icon (example plans and other assets load only when opened; the
// example council page is not the planner's).
const firstLoad = files(dist).filter((path) => !/^(assets\/|council-agenda\.)/.test(relative(dist, path)));
const sizes = firstLoad.map((path) => {
  const bytes = readFileSync(path);
  return { file: relative(dist, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}).sort((a, b) => b.raw - a.raw);
const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });

const sorted = (times) => [...times].sort((a, b) => a - b);

// Chromium's GPU process draws with SwiftShader here, on the CPU: after
// the page's last frame it goes on drawing for up to a second, on the same
// two cores as the page. Waits until it has used no CPU for 200 ms (Linux's
// /proc; at most 10 s; at once where there is no /proc).
function gpuProcessTime() {
  let ticks = null;
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=gpu-process')) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks = (ticks ?? 0) + Number(fields[11]) + Number(fields[12]);  // user and system time
      } catch { /* the process has gone */ }
    }
  } catch { /* no /proc */ }
  return ticks;
}
async function gpuIdle() {
  let last = gpuProcessTime();
  if (last === null) return;
  for (let waited = 0; waited < 10000; waited += 200) {
    await new Promise((done) => setTimeout(done, 200));
    const now = gpuProcessTime();
    if (now === last) return;
    last = now;
  }
}
const medianOf = (times) => sorted(times)[Math.floor(times.length / 2)];
const spread = (times) => `median ${medianOf(times).toFixed(0)} ms (fastest ${sorted(times)[0].toFixed(0)} ms, ` +
  `slowest ${sorted(times).at(-1).toFixed(0)} ms)`;

// The national plan, made by planner-cli and timed natively step by step,
// next to node's own JSON.parse of the same bytes.
const native = join(root, 'build/native');
const nationalPath = join(root, 'build/bench/national.json');
mkdirSync(join(root, 'build/bench'), { recursive: true });
execFileSync(join(native, 'src/cli/planner-cli'), ['generate', 'national', '--seed', '1', '-o', nationalPath]);
const nativeTimes = JSON.parse(execFileSync(join(native, 'tests/plan_load_bench'), [nationalPath, String(runs)]));
const nationalText = readFileSync(nationalPath, 'utf8');
const nativeFrames = JSON.parse(execFileSync(join(native, 'tests/frame_bench'), ['120']));

// The governance view's layout of the national plan: ours natively, then
// the same graph (same boxes, same edges) by dagre and elkjs, each in its
// own process with a time limit (BENCH_LAYOUT_LIMIT seconds, 120 by default).
const graphPath = join(root, 'build/bench/national-governance-graph.json');
const nativeGovernance = JSON.parse(execFileSync(join(native, 'tests/governance_bench'), [String(Math.min(runs, 5)), '--graph', graphPath]));
const layoutLimit = Number(process.env.BENCH_LAYOUT_LIMIT || 120);
const others = JSON.parse(execFileSync('node', [join(root, 'tests/bench/layout_compare.mjs'), graphPath, '--limit', String(layoutLimit)],
  { encoding: 'utf8', maxBuffer: 1 << 24 }));

// The governance drawing's quality on every example as it opens, against
// elkjs laying out the same top-level blocks and lines (issue 18's table).
const qualityPath = join(root, 'build/bench/governance-quality.jsonl');
const examplesDir = join(root, 'assets/examples');
writeFileSync(qualityPath, readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => execFileSync(join(native, 'tests/governance_quality'), [join(examplesDir, f)], { encoding: 'utf8' })).join(''));
const qualityTable = execFileSync('node', [join(root, 'tests/bench/layout_compare.mjs'), '--quality', qualityPath], { encoding: 'utf8' }).trim();

// A national ODS practice file in the documented layout (27 quoted columns,
// CRLF): 14,000 rows, most open GP practices, some closed or other settings.
const practiceRows = [];
for (let i = 0; i < 14000; i++) {
  const status = i % 10 === 0 ? 'C' : 'A';
  const setting = i % 7 === 0 ? '8' : '4';
  const fields = [`P${String(10000 + i)}`, `PRACTICE NUMBER ${i}`, 'Y61', 'Q79', 'HEALTH CENTRE', 'HIGH STREET', '', 'TOWN', '',
    'AB1 2CD', '19740401', '', status, 'B', `${String(i % 99).padStart(2, '0')}X`, '20130401', '', '01234 567890', '', '', '', '0', '',
    `${String(i % 99).padStart(2, '0')}X`, '', setting, ''];
  practiceRows.push(fields.map((f) => `"${f}"`).join(','));
}
const practicePath = join(root, 'build/bench/epraccur-national.csv');
writeFileSync(practicePath, practiceRows.join('\r\n') + '\r\n');
const importTimes = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  execFileSync(join(native, 'src/cli/planner-cli'), ['import', '--practices', practicePath, '-o', join(root, 'build/bench/imported.json')],
    { stdio: ['ignore', 'ignore', 'ignore'] });
  importTimes.push(performance.now() - start);
}
const nodeParse = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  JSON.parse(nationalText);
  nodeParse.push(performance.now() - start);
}

const env = await launch();
const firstFrame = [];
const withExample = [];
const viewMode = [];
const openSteps = [];  // openTimes() of each open in the page, with the rest (crossing into the module and back)
const browserOpen = [];
const browserOpenAfterExample = [];  // openPlan in a page that opened its example first
const browserOpenRehearsed = [];  // {open, parse, since, steps, rehearsals}: a first visit, opened once the page has rehearsed
const returningVisits = [];  // {ready, open} of three visits in one kept profile
const browserFrames = {};
let browserGovernanceEdit = [];
let browserGovernanceEditSteps = [];  // editTimes() of each rename
let browserGovernanceEditAlone = [];  // {ms, steps}: renames made one at a time, as a person makes them
let browserMemory = 0;
let browserMove = [];
let browserMoveAlone = [];  // the same moves, one at a time (as the rename below)
let browserSelectFrame = 0;
let browserExports = null;
let browserGovernanceNote = [];
let browserGovernanceShortName = [];
const browserGovernance = [];
try {
  const load = async (query) => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(new URL(query, env.url).href);
    const time = await page.evaluate(() => window.planner.ready.then(() => performance.now()));
    return { context, page, time };
  };
  for (let run = 0; run < runs; run++) {
    const empty = await load('?example=none');
    firstFrame.push(empty.time);
    if (run < 3) {
      // Opening the national plan in the page: wasm parse, load and checks.
      const opened = await empty.page.evaluate((text) => {
        const start = performance.now();
        const answer = window.planner.openPlan(text, { name: 'national.json' });
        if (!answer.ok) throw new Error(answer.messages.join('; '));
        return { time: performance.now() - start, steps: window.planner.openTimes() };
      }, nationalText);
      browserOpen.push(opened.time);
      openSteps.push({ ...opened.steps, crossing: opened.time - opened.steps.total });
    }
    if (run === 0) {
      // Frame CPU time in the page at national scale: the overview, then zoomed in on a PCN.
      const frames = async () => {
        await empty.page.evaluate(() => window.planner.frameTimes());
        for (let i = 0; i < 120; i++) {
          await empty.page.evaluate((step) => {
            const c = window.planner.camera();
            window.planner.setCamera({ x: c.x + step, y: c.y, zoom: c.zoom });
          }, i % 2 ? 0.5 : -0.5);
          await empty.page.waitForTimeout(17);
        }
        return empty.page.evaluate(() => window.planner.frameTimes());
      };
      // Drawn from the meshes kept on the GPU (the default), then every shape each frame.
      const bothWays = async (key) => {
        browserFrames[key] = await frames();
        await empty.page.evaluate(() => window.planner.keepOnGpu(false));
        browserFrames[`${key}Whole`] = await frames();
        await empty.page.evaluate(() => window.planner.keepOnGpu(true));
      };
      await bothWays('overview');
      await empty.page.evaluate(() => window.planner.focus('U10001'));
      await empty.page.waitForTimeout(800);
      browserFrames.zoomed = await frames();
      // The governance view of the national plan, laid out in the page: showing
      // it, then laying it out again twice (a filter change rebuilds it).
      browserGovernance.push(...await empty.page.evaluate(() => {
        const times = [];
        let start = performance.now();
        window.planner.showView('governance');
        times.push(performance.now() - start);
        // Filters that change the graph, so that it is laid out again (the
        // same graph would take the last layout again).
        for (let i = 0; i < 4; i++) {
          start = performance.now();
          window.planner.setGovernanceFilters(i % 2 ? {} : { hiddenFlows: ['advises'] });
          times.push(performance.now() - start);
        }
        return times;
      }));
      await empty.page.evaluate(() => window.planner.fit());
      await empty.page.waitForTimeout(800);
      await bothWays('governance');
      // A box selected: its neighbourhood lit and the rest faded, kept on the
      // GPU too. The first frame builds the faded mesh.
      await empty.page.evaluate(() => window.planner.frameTimes());
      await empty.page.evaluate(() => window.planner.select(window.planner.governance().flows[0].from));
      await empty.page.waitForTimeout(800);
      browserSelectFrame = Math.max(...(await empty.page.evaluate(() => window.planner.frameTimes())).build);
      browserFrames.governanceSelected = await frames();
      await empty.page.evaluate(() => window.planner.select(null));
      await empty.page.evaluate(() => window.planner.showView('layers'));
      // An edit at national scale: moving a practice, with the views and checks rebuilt.
      browserMove = await empty.page.evaluate(() => {
        const times = [];
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          const moved = window.planner.apply({ op: 'move', id: window.planner.unit('U10002').id, parent: i % 2 ? 'place-001' : 'place-002' });
          if (!moved.ok) throw new Error(moved.messages.join('; '));
          times.push(performance.now() - start);
        }
        return times;
      });
      for (let i = 0; i < 5; i++) {
        await empty.page.evaluate(() => window.planner.settled());
        await gpuIdle();
        browserMoveAlone.push(await empty.page.evaluate((parent) => {
          const start = performance.now();
          const moved = window.planner.apply({ op: 'move', id: window.planner.unit('U10002').id, parent });
          if (!moved.ok) throw new Error(moved.messages.join('; '));
          return performance.now() - start;
        }, i % 2 ? 'place-001' : 'place-002'));
      }
      // Exports of the national plan (layers, and a PNG of governance), and a share link (refused: too large).
      browserExports = await empty.page.evaluate(async () => {
        const timed = async (make) => {
          const start = performance.now();
          const made = await make();
          return { ms: performance.now() - start, size: typeof made === 'string' ? made.length : made.size, made };
        };
        const serialise = await timed(() => window.planner.currentPlan());
        const link = await timed(() => window.planner.shareLink());
        // The PNG is drawn in a worker: the page's animation frames go on meanwhile.
        const pngOf = async () => {
          let frames = 0;
          let drawing = true;
          const count = () => { frames++; if (drawing) requestAnimationFrame(count); };
          requestAnimationFrame(count);
          const png = await timed(() => window.planner.exportPng());
          drawing = false;
          const image = await createImageBitmap(png.made);
          return { ms: png.ms, size: png.size, width: image.width, height: image.height, frames, steps: window.planner.pictureTimes() };
        };
        const png = await pngOf();
        window.planner.showView('governance');
        const governancePng = await pngOf();
        window.planner.showView('layers');
        return {
          svg: await timed(() => window.planner.exportSvg()),
          png,
          governancePng,
          csv: await timed(() => window.planner.exportCsv('units')),
          link: { ms: link.ms, refused: typeof link.made !== 'string' },
          serialise: { ms: serialise.ms, size: serialise.size },
        };
      });
      for (const key of ['svg', 'csv']) delete browserExports[key].made;
      // Governance edits, with the checks (5 each): a body renamed so that its
      // box grows (the view laid out again); its short name changed (drawn
      // far out, the boxes keep their sizes: the last layout is taken again);
      // and its note changed (words neither drawing nor the checks read).
      [browserGovernanceEdit, browserGovernanceShortName, browserGovernanceNote, browserGovernanceEditSteps] = await empty.page.evaluate(() => {
        window.planner.showView('governance');
        const steps = [];
        const timesOf = (change) => {
          const times = [];
          for (let i = 0; i < 5; i++) {
            const start = performance.now();
            const done = window.planner.apply(change(i));
            if (!done.ok) throw new Error(done.messages.join('; '));
            times.push(performance.now() - start);
            steps.push(window.planner.editTimes());
          }
          return times;
        };
        const renames = timesOf((i) => ({ op: 'set', id: 'nhs-england', field: 'name', value: `NHS England${' and partners'.repeat(i + 1)}` }));
        const shortNames = timesOf((i) => ({ op: 'set', id: 'nhs-england', field: 'shortName', value: `NHSE ${i}` }));
        const notes = timesOf((i) => ({ op: 'set', id: 'nhs-england', field: 'note', value: `Note ${i}` }));
        return [renames, shortNames, notes, steps.slice(0, 5)];
      });
      // The same rename, made one edit at a time as a person makes them:
      // each after the page has drawn the last and the GPU process has
      // finished drawing it (on this machine, drawing takes the CPU the
      // edit needs). Long and short by turns, so that the box changes size
      // and the view is laid out again each time.
      for (let i = 0; i < 5; i++) {
        await empty.page.evaluate(() => window.planner.settled());
        await gpuIdle();
        browserGovernanceEditAlone.push(await empty.page.evaluate((name) => {
          const start = performance.now();
          const done = window.planner.apply({ op: 'set', id: 'nhs-england', field: 'name', value: name });
          if (!done.ok) throw new Error(done.messages.join('; '));
          return { ms: performance.now() - start, steps: window.planner.editTimes() };
        }, i % 2 ? 'NHS England' : 'NHS England and all of its partners'));
      }
      await empty.page.evaluate(() => window.planner.showView('layers'));
      // The module's memory once the national plan has been opened three times, shown both ways, edited and exported.
      browserMemory = await empty.page.evaluate(() => window.planner.memoryBytes());
    }
    await empty.context.close();
    const example = await load('./');
    withExample.push(example.time);
    if (run < 3) {
      // A first visitor's page has opened its example: the reader's code is
      // compiled, though not yet optimised, when they open England.
      browserOpenAfterExample.push(await example.page.evaluate((text) => {
        const start = performance.now();
        if (!window.planner.openPlan(text, { name: 'national.json' }).ok) throw new Error('the national plan did not open');
        return performance.now() - start;
      }, nationalText));
    }
    await example.context.close();
    if (run < 3) {
      // A first visitor who opens England as a person does, a few seconds
      // after the page is ready: the page has rehearsed opening meanwhile
      // (shell/rehearsal.js). Against JSON.parse of the same text in the same page.
      const person = await load('./');
      const rehearsals = await person.page.evaluate(() => window.planner.rehearsed());
      await person.page.waitForTimeout(1000);
      browserOpenRehearsed.push(await person.page.evaluate((text) => {
        const parseStart = performance.now();
        JSON.parse(text);
        const parse = performance.now() - parseStart;
        const start = performance.now();
        if (!window.planner.openPlan(text, { name: 'national.json' }).ok) throw new Error('the national plan did not open');
        const open = performance.now() - start;
        const steps = window.planner.openTimes();
        return { open, parse, since: start, steps: { ...steps, crossing: open - steps.total } };
      }, nationalText));
      browserOpenRehearsed.at(-1).rehearsals = rehearsals;
      await person.context.close();
    }
    // The public's view (?mode=view, docs/embedding.md).
    const reader = await load('?mode=view&example=syb-acs-mou-2017');
    viewMode.push(reader.time);
    await reader.context.close();
  }
  // A returning visitor: a browser profile kept between visits, in which
  // the browser keeps the module's code as optimised on earlier visits.
  const profile = mkdtempSync(join(tmpdir(), 'planner-bench-'));
  const returning = await launchPersistent(profile);
  try {
    for (let visit = 0; visit < 3; visit++) {
      const page = await returning.newPage();
      await page.goto(new URL('?example=none', env.url).href);
      const ready = await page.evaluate(() => window.planner.ready.then(() => performance.now()));
      const open = await page.evaluate((text) => {
        const start = performance.now();
        if (!window.planner.openPlan(text, { name: 'national.json' }).ok) throw new Error('the national plan did not open');
        return performance.now() - start;
      }, nationalText);
      returningVisits.push({ ready, open });
      // V8 keeps a module's optimised code only once two seconds have gone by
      // with none newly optimised; on these machines it goes on optimising
      // for several seconds after the open, so five seconds was sometimes too
      // short and kept nothing (docs/performance.md). A visit lasts longer.
      await page.waitForTimeout(12000);
      await page.close();
    }
  } finally {
    await returning.close();
    rmSync(profile, { recursive: true, force: true });
  }
} finally {
  await env.close();
}
const median = medianOf(firstFrame);

const frameRows = {
  overview: 'layers overview, kept on the GPU',
  overviewWhole: 'layers overview, every shape drawn',
  zoomed: 'zoomed on a PCN',
  governance: 'governance overview, kept on the GPU',
  governanceWhole: 'governance overview, every shape drawn',
  governanceSelected: 'governance overview, a box selected (the rest faded), kept on the GPU',
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// The worker's steps for a PNG (window.planner.pictureTimes()).
const pictureSteps = (steps) => (steps ? `reading ${steps.read.toFixed(0)} ms, drawing ${steps.draw.toFixed(0)} ms, compressing ${steps.compress.toFixed(0)} ms` : 'steps not reported');
// A table row of median, fastest and slowest; and one per step of openTimes() (with the crossing).
const spreadRow = (label, times, digits = 0) =>
  `| ${label} | ${medianOf(times).toFixed(digits)} | ${sorted(times)[0].toFixed(digits)} | ${sorted(times).at(-1).toFixed(digits)} |`;
const openStepRows = (stepsOfEachOpen, names) => names.map((step) =>
  spreadRow(`— of which ${step === 'crossing' ? 'crossing into the module and back' : step}`, stepsOfEachOpen.map((steps) => steps[step])));
const report = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, headless Chromium with SwiftShader (software WebGL).`,
  '',
  '| first-load file | raw | gzip |',
  '|---|---:|---:|',
  ...sizes.map((s) => `| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} |`),
  `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`,
  '',
  `Time from navigation to window.planner.ready, ${runs} cold loads from a local server each:`,
  `- with no plan (\`?example=none\`), the first frame: ${spread(firstFrame)};`,
  `- with the default example (SYB 2017) open: ${spread(withExample)};`,
  `- in view mode with SYB 2017 (\`?mode=view&example=syb-acs-mou-2017\`): ${spread(viewMode)}.`,
  '',
  `The national plan (\`planner-cli generate national --seed 1\`, ${kb(nativeTimes.bytes)}), ${runs} runs each, milliseconds:`,
  '',
  '| step | median | fastest | slowest |',
  '|---|---:|---:|---:|',
  ...['read', 'parse', 'load', 'advice', 'save'].map((step) =>
    `| native ${step} | ${nativeTimes[step].median} | ${nativeTimes[step].min} | ${nativeTimes[step].max} |`),
  spreadRow('node JSON.parse', nodeParse, 1),
  spreadRow(`page openPlan (wasm, ${browserOpen.length} runs)`, browserOpen),
  ...openStepRows(openSteps, ['parse', 'read', 'validate', 'advice', 'views', 'crossing']),
  spreadRow(`page openPlan after the page opened its example (as a first visit starts; ${browserOpenAfterExample.length} runs)`, browserOpenAfterExample),
  spreadRow(`page openPlan on a first visit, once the page has rehearsed opening (shell/rehearsal.js) and 1 s after (${browserOpenRehearsed.length} runs)`,
    browserOpenRehearsed.map((r) => r.open)),
  ...openStepRows(browserOpenRehearsed.map((r) => r.steps), ['read', 'validate', 'advice', 'views', 'crossing']),
  spreadRow('— JSON.parse of the same text in the same page', browserOpenRehearsed.map((r) => r.parse), 1),
  '',
  'Rehearsing, on those first visits: ' + browserOpenRehearsed.map((r) =>
    `${r.rehearsals.length} rehearsals, ${r.rehearsals.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, the longest ${Math.max(...r.rehearsals).toFixed(0)} ms; ` +
    `openPlan / JSON.parse in the page ${(r.open / r.parse).toFixed(1)} ×, ${(r.since / 1000).toFixed(1)} s after navigation`).join('; ') + '.',
  '',
  'A returning visitor (one browser profile kept on disk, three visits, each opening the national plan; the browser keeps the ' +
    'module\'s code as optimised on earlier visits), milliseconds: ' +
    returningVisits.map((v, i) => `visit ${i + 1}: ready ${v.ready.toFixed(0)}, openPlan ${v.open.toFixed(0)}`).join('; ') + '.',
  '',
  `Native peak memory for the runs above: ${(nativeTimes.peakKiB / 1024).toFixed(0)} MiB.`,
  '',
  `Importing a national ODS practice file (14,000 rows, ${kb(statSync(practicePath).size)}) with \`planner-cli import\`, whole process ` +
    `(read, parse, plan the import, apply it, validate, save), ${runs} runs: ${spread(importTimes)}.`,
  '',
  `The layers view of the national plan (${nativeFrames.items} units, ${nativeFrames.shapes} shapes), frame CPU time in milliseconds:`,
  '',
  '| | median | p95 | slowest |',
  '|---|---:|---:|---:|',
  `| native scene build (5 runs) | ${nativeFrames.sceneBuild.median} | ${nativeFrames.sceneBuild.p95} | ${nativeFrames.sceneBuild.max} |`,
  `| native frame, overview (${nativeFrames.frames} frames, ${nativeFrames.overviewVertices} vertices) | ${nativeFrames.overview.median} | ${nativeFrames.overview.p95} | ${nativeFrames.overview.max} |`,
  `| native frame, zoomed on a PCN (${nativeFrames.zoomedVertices} vertices) | ${nativeFrames.zoomed.median} | ${nativeFrames.zoomed.p95} | ${nativeFrames.zoomed.max} |`,
  ...Object.entries(frameRows).flatMap(([key, where]) => ['build', 'submit'].map((part) => {
    const t = sorted(browserFrames[key][part]);
    const what = part === 'build' ? 'building the frame' : 'handing it to WebGL (SwiftShader)';
    return `| page frame, ${where}: ${what} (${t.length} frames) | ${medianOf(t).toFixed(2)} | ${t[Math.floor(t.length * 0.95)].toFixed(2)} | ${t.at(-1).toFixed(2)} |`;
  })),
  `| page frame, the first after selecting a box at the governance overview (its faded mesh built) | ${browserSelectFrame.toFixed(1)} | | |`,
  `| page: move a PCN to another place, views and checks rebuilt (5 moves) | ${medianOf(browserMove).toFixed(0)} | ${sorted(browserMove).at(-1).toFixed(0)} | ${sorted(browserMove).at(-1).toFixed(0)} |`,
  `| page: the same moves made one edit at a time, each after the last is drawn (5 moves) | ${medianOf(browserMoveAlone).toFixed(0)} | ${sorted(browserMoveAlone).at(-1).toFixed(0)} | ${sorted(browserMoveAlone).at(-1).toFixed(0)} |`,
  `| page: rename NHS England in the governance view (its box grows), laid out again with the checks (5 edits) | ${medianOf(browserGovernanceEdit).toFixed(0)} | ${sorted(browserGovernanceEdit).at(-1).toFixed(0)} | ${sorted(browserGovernanceEdit).at(-1).toFixed(0)} |`,
  ...[['governanceLayout', 'the governance layout'], ['advice', 'the checks']].map(([step, what]) => {
    const times = sorted(browserGovernanceEditSteps.map((steps) => steps[step]));
    return `| — of which ${what} | ${medianOf(times).toFixed(0)} | ${times.at(-1).toFixed(0)} | ${times.at(-1).toFixed(0)} |`;
  }),
  ...(() => {
    const times = sorted(browserGovernanceEditAlone.map((edit) => edit.ms));
    const layouts = sorted(browserGovernanceEditAlone.map((edit) => edit.steps.governanceLayout));
    return [
      `| page: the same rename made one edit at a time, each after the last is drawn (5 edits) | ${medianOf(times).toFixed(0)} | ${times.at(-1).toFixed(0)} | ${times.at(-1).toFixed(0)} |`,
      `| — of which the governance layout | ${medianOf(layouts).toFixed(0)} | ${layouts.at(-1).toFixed(0)} | ${layouts.at(-1).toFixed(0)} |`,
    ];
  })(),
  `| page: change NHS England's short name in the governance view (the last layout taken again), with the checks (5 edits) | ${medianOf(browserGovernanceShortName).toFixed(0)} | ${sorted(browserGovernanceShortName).at(-1).toFixed(0)} | ${sorted(browserGovernanceShortName).at(-1).toFixed(0)} |`,
  `| page: change NHS England's note in the governance view (words no drawing or check reads: nothing rebuilt) (5 edits) | ${medianOf(browserGovernanceNote).toFixed(0)} | ${sorted(browserGovernanceNote).at(-1).toFixed(0)} | ${sorted(browserGovernanceNote).at(-1).toFixed(0)} |`,
  '',
  `The module's memory (WebAssembly memory, its peak) after all of the above in one page: ${(browserMemory / 1048576).toFixed(0)} MiB.`,
  '',
  `The governance view of the national plan (${nativeGovernance.nodes.toLocaleString('en-GB')} boxes, ${nativeGovernance.edges.toLocaleString('en-GB')} lines), ` +
    `laid out with the same boxes and edges by each library, milliseconds (time limit ${layoutLimit} s each):`,
  '',
  '| layout | time | against ours (native) |',
  '|---|---:|---:|',
  `| ours, native (graph, layout and scene; median of ${nativeGovernance.runs}) | ${nativeGovernance.median.toFixed(0)} | 1 |`,
  `| ours, in the page (wasm), the first time the view is shown | ${browserGovernance[0].toFixed(0)} | ${(browserGovernance[0] / nativeGovernance.median).toFixed(1)} |`,
  `| ours, in the page (wasm), laid out again (median of ${browserGovernance.length - 1}) | ${medianOf(browserGovernance.slice(1)).toFixed(0)} | ${(medianOf(browserGovernance.slice(1)) / nativeGovernance.median).toFixed(1)} |`,
  ...['dagre', 'elk'].map((name) => {
    const r = others[name];
    const label = name === 'elk' ? 'elkjs layered (node)' : 'dagre (node)';
    if (r.status === 'ok') return `| ${label} | ${r.ms.toFixed(0)} | ${(r.ms / nativeGovernance.median).toFixed(0)}× slower |`;
    if (r.status === 'timeout') return `| ${label} | did not finish in ${layoutLimit} s | more than ${(layoutLimit * 1000 / nativeGovernance.median).toFixed(0)}× slower |`;
    return `| ${label} | failed: ${r.message} | |`;
  }),
  '',
  `Crossings in our layout: ${nativeGovernance.crossings.toLocaleString('en-GB')} (with every row in input order: ${nativeGovernance.inputOrderCrossings.toLocaleString('en-GB')}).`,
  '',
  'The governance drawing of each example as it opens, against elkjs layered (direction up, orthogonal routing, the bands as ' +
    'its partitions) given the same top-level blocks (a group with its drawn size) and the lines between them; fit zoom and ' +
    'name height for a 1280 × 800 window:',
  '',
  qualityTable,
  '',
  'Exports of the national plan in the page (the layers view unless named), one run each:',
  '',
  '| export | time | size |',
  '|---|---:|---:|',
  `| SVG (\`exportSvg\`) | ${browserExports.svg.ms.toFixed(0)} ms | ${kb(browserExports.svg.size)} |`,
  `| PNG (\`exportPng\`, ${browserExports.png.width} × ${browserExports.png.height} px; the page drew ${browserExports.png.frames} frames meanwhile; in the worker ${pictureSteps(browserExports.png.steps)}) | ${browserExports.png.ms.toFixed(0)} ms | ${kb(browserExports.png.size)} |`,
  `| PNG of the governance view (${browserExports.governancePng.width} × ${browserExports.governancePng.height} px; ${browserExports.governancePng.frames} frames meanwhile; ${pictureSteps(browserExports.governancePng.steps)}) | ${browserExports.governancePng.ms.toFixed(0)} ms | ${kb(browserExports.governancePng.size)} |`,
  `| CSV, units (\`exportCsv('units')\`) | ${browserExports.csv.ms.toFixed(0)} ms | ${kb(browserExports.csv.size)} |`,
  `| share link (\`shareLink\`): ${browserExports.link.refused ? 'refused as too large' : 'made'} | ${browserExports.link.ms.toFixed(0)} ms | |`,
  '',
  `Keeping the national plan in the browser after a change starts with writing it out as JSON in the module (\`currentPlan\`): ` +
    `${browserExports.serialise.ms.toFixed(0)} ms for ${kb(browserExports.serialise.size)}, then a checksum and the IndexedDB write.`,
].join('\n');
console.log(report);
const outIndex = process.argv.indexOf('--out');
if (outIndex >= 0) writeFileSync(process.argv[outIndex + 1], report + '\n');
