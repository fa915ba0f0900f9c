// Opening plans in the page: the same validation as planner-cli, the same
// bytes back, and a rejected plan never replaces the open one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPlanner, root, screenshotDir, settle } from './browser.mjs';

const cli = join(root, 'build', 'native', 'src', 'cli', 'planner-cli');
const plans = join(root, 'tests', 'data', 'plans');
const validDir = join(plans, 'valid');
const invalidDir = join(plans, 'invalid');
const jsonFiles = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : []);

let env;
let page;
before(async () => {
  env = await launch();
  page = await openPlanner(env.browser, new URL('?example=none', env.url).href);
});
after(async () => { await env.close(); });

const openPlan = (text, options) => page.evaluate(([t, o]) => window.planner.openPlan(t, o), [text, options]);
const currentPlan = () => page.evaluate(() => window.planner.currentPlan());

// Drops a file on the page as a person would.
const dropFile = (name, bytes) => page.evaluate(([n, b]) => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([new Uint8Array(b)], n, { type: 'application/json' }));
  window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
}, [name, [...bytes]]);

// What planner-cli validate says about a file, as the page words it.
function cliMessages(file) {
  const result = spawnSync(cli, ['validate', file], { encoding: 'utf8' });
  const prefix = `${file}: `;
  return {
    status: result.status,
    messages: result.stderr.split('\n').filter(Boolean).map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line)),
  };
}

test('no plan is open at first with ?example=none', async () => {
  assert.equal(await currentPlan(), null);
});

test('a valid plan opens and comes back byte for byte as planner-cli convert writes it', async () => {
  for (const name of jsonFiles(validDir)) {
    const file = join(validDir, name);
    const answer = await openPlan(readFileSync(file, 'utf8'), { name });
    assert.equal(answer.ok, true, `${name}: ${answer.messages.join('; ')}`);
    assert.deepEqual(answer.messages, cliMessages(file).messages, `${name}: the page and the CLI agree`);
    const converted = execFileSync(cli, ['convert', file, '-o', '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    assert.equal(await currentPlan(), converted, `${name}: currentPlan() equals planner-cli convert`);
  }
});

test('a plan whose text is mostly not ASCII goes into the module whole', async () => {
  // The page first makes room for text that is mostly ASCII; this needs more, at the end and all through.
  const words = 'Ysbyty Gwynedd – Betsi Cadwaladr · ŵ ŷ é “quoted” 😀 ';
  const plan = {
    schemaVersion: '1.0',
    name: `${'é'.repeat(3000)} ${words.repeat(40)}`,
    description: '→'.repeat(5000),
    units: [{ id: 'u', name: words.repeat(20), layer: 'practice', registeredPopulation: 5000 }],
  };
  const text = JSON.stringify(plan, null, 2);
  const answer = await openPlan(text, { name: 'welsh.json' });
  assert.equal(answer.ok, true, answer.messages.join('; '));
  const kept = JSON.parse(await currentPlan());
  assert.deepEqual([kept.name, kept.description, kept.units[0].name], [plan.name, plan.description, plan.units[0].name]);
});

test('every broken file is rejected with the messages planner-cli gives, and the open plan stays', async () => {
  const good = readFileSync(join(validDir, 'herefordshire-sample.json'), 'utf8');
  assert.equal((await openPlan(good)).ok, true);
  const before = await currentPlan();
  const broken = jsonFiles(invalidDir);
  assert.ok(broken.length > 0 || !existsSync(invalidDir), 'the corpus has files');
  for (const name of broken) {
    const file = join(invalidDir, name);
    const bytes = readFileSync(file);
    const expected = cliMessages(file);
    assert.equal(expected.status, 1, `${name}: the CLI rejects it`);
    // openPlan takes text, so bytes that are not UTF-8 can only arrive as a
    // file (chosen or dropped): the module decodes those itself.
    const isText = Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
    if (isText) {
      const answer = await openPlan(bytes.toString('utf8'), { name });
      assert.equal(answer.ok, false, `${name}: the page rejects it`);
      assert.deepEqual(answer.messages, expected.messages, `${name}: same messages as the CLI`);
    } else {
      await dropFile(name, bytes);
      await page.waitForFunction((n) => window.planner.lastOpenReport().name === n, name);
      const report = await page.evaluate(() => window.planner.lastOpenReport());
      assert.equal(report.ok, false, `${name}: the page rejects it`);
      assert.deepEqual(report.messages, expected.messages, `${name}: same messages as the CLI`);
    }
    assert.equal(await currentPlan(), before, `${name}: the open plan is untouched`);
  }
});

test('answers carry each problem with its severity and path', async () => {
  const answer = await openPlan('{"schemaVersion": "1.0", "name": "P", "units": [{"id": "u", "name": "U", "layer": "moon"}]}');
  assert.equal(answer.ok, false);
  assert.deepEqual(answer.problems, [{
    severity: 'error', path: '/units/0/layer',
    message: '"moon" is not allowed here: use one of community, practice, pcn, place, system or region',
  }]);
  assert.deepEqual(answer.messages, ['/units/0/layer: "moon" is not allowed here: use one of community, practice, pcn, place, system or region']);
});

test('File > Open plan file opens a chosen file and reports its warnings', async () => {
  const chooser = page.waitForEvent('filechooser');
  await page.mouse.click(246, 16);  // "File"
  await settle(page, 200);
  await page.mouse.click(290, 74);  // "Open plan file...", after "My plans..."
  await (await chooser).setFiles(join(validDir, 'herefordshire-sample.json'));
  await page.waitForFunction(() => window.planner.currentPlan() && window.planner.currentPlan().includes('Herefordshire'));
  await settle(page);
  await page.screenshot({ path: join(screenshotDir, 'open-report.png') });
});

test('a plan dropped on the page opens; a broken one is reported', async () => {
  const drop = (name, text) => dropFile(name, Buffer.from(text, 'utf8'));
  await drop('minimal.json', readFileSync(join(validDir, 'minimal.json'), 'utf8'));
  await page.waitForFunction(() => (window.planner.currentPlan() || '').includes('An empty plan'));
  await drop('broken.json', '{"schemaVersion": "1.0", "name": "Broken", "units": [{"id": "a b"}]}');
  await settle(page, 400);
  assert.match(await currentPlan(), /An empty plan/);
  await page.screenshot({ path: join(screenshotDir, 'open-report-broken.png') });
});

test('a large plan dropped on the page says "Opening…" and paints it before the work starts; openTimes gives each step', async () => {
  const national = execFileSync(cli, ['generate', 'national', '--seed', '7', '-o', '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  await page.evaluate(() => {
    window.notesSeen = [];
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.classList && node.classList.contains('busy-message')) {
            // Shown while the module still has the old plan: before the work.
            window.notesSeen.push({ text: node.textContent, role: node.getAttribute('role'), planThen: window.planner.shown().generation });
          }
        }
      }
    }).observe(document.body, { childList: true });
  });
  const generationBefore = await page.evaluate(() => window.planner.shown().generation);
  await dropFile('national.json', Buffer.from(national, 'utf8'));
  await page.waitForFunction((before) => window.planner.shown().generation !== before, generationBefore, { timeout: 30000 });
  const seen = await page.evaluate(() => window.notesSeen);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].text, 'Opening\u2026');
  assert.equal(seen[0].role, 'status');
  assert.equal(seen[0].planThen, generationBefore, 'the note came before the work');
  assert.equal(await page.$('.busy-message'), null, 'and went after it');
  const steps = await page.evaluate(() => window.planner.openTimes());
  for (const step of ['parse', 'read', 'validate', 'advice', 'views', 'total']) assert.ok(steps[step] >= 0, step);
  assert.ok(steps.total >= steps.parse + steps.read + steps.validate);
  // A small plan opens without it.
  await dropFile('minimal.json', readFileSync(join(validDir, 'minimal.json')));
  await page.waitForFunction(() => (window.planner.currentPlan() || '').includes('An empty plan'));
  assert.equal(await page.evaluate(() => window.notesSeen.length), 1);
});

test('apply, undo and redo change the open plan, and undo gives back the same bytes', async () => {
  assert.equal((await openPlan(readFileSync(join(validDir, 'herefordshire-sample.json'), 'utf8'))).ok, true);
  const original = await currentPlan();
  const renamed = await page.evaluate(() => window.planner.apply({ op: 'rename', id: 'herefordshire-gb', name: 'Herefordshire CCG Board' }));
  const editSteps = await page.evaluate(() => window.planner.editTimes());
  for (const step of ['advice', 'views', 'governanceLayout']) assert.ok(editSteps[step] >= 0, step);
  assert.deepEqual(renamed, { ok: true, messages: [], problems: [] });
  assert.match(await currentPlan(), /"name": "Herefordshire CCG Board"/);
  const refused = await page.evaluate(() => window.planner.apply({ op: 'remove', id: 'nhs-england' }));
  assert.equal(refused.ok, false);
  assert.match(refused.messages[0], /^\/id: cannot remove the organisation at \/organisations\/2 \("nhs-england"\): it is still referred to at/);
  assert.equal((await page.evaluate(() => window.planner.undo())).ok, true);
  assert.equal(await currentPlan(), original);
  assert.equal((await page.evaluate(() => window.planner.redo())).ok, true);
  assert.match(await currentPlan(), /Herefordshire CCG Board/);
});
