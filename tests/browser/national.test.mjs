// The national plan (planner-cli generate national: every region, system,
// place, PCN and practice of a synthetic England, 5 MB) used in the page as a
// person would: search, focus, an edit and its undo, both views, a picture
// exported, the plan kept and saved. The steps share one page, in order; each
// asserts what the planner answers, never how long it took.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPlanner, openInContext, distinctColours, root, screenshotDir, settle, waitFor } from './browser.mjs';

const national = execFileSync(join(root, 'build/native/src/cli/planner-cli'), ['generate', 'national', '--seed', '1', '-o', '-'],
  { encoding: 'utf8', maxBuffer: 64 << 20 });
const plan = JSON.parse(national);
const layerCounts = (layers) => layers.reduce((counts, layer) => ({ ...counts, [layer]: (counts[layer] || 0) + 1 }), {});

// A PCN well inside the plan, one of its practices, and a practice from
// elsewhere to move into it.
const pcn = plan.units.filter((u) => u.layer === 'pcn')[600];
const practice = plan.units.find((u) => u.parent === pcn.id && u.layer === 'practice');
const mover = plan.units.find((u) => u.layer === 'practice' && u.parent !== pcn.id);

let env;
let page;
before(async () => {
  env = await launch();
  page = await openPlanner(env.browser, new URL('?example=none', env.url).href);
});
after(async () => { await env.close(); });

const api = (method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);
const drawn = async (id) => (await api('visibleItems')).find((item) => item.id === id);
const within = (inner, outer) => inner.x >= outer.x && inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const canvasSize = () => page.evaluate(() => {
  const { width, height } = document.querySelector('canvas').getBoundingClientRect();
  return { width, height };
});

test('the national plan opens whole: every unit the generator wrote, as planner-cli would write it back', { timeout: 120000 }, async () => {
  const { answer, keys, written, replaced } = await page.evaluate((text) => {
    const opened = window.planner.openPlan(text, { name: 'national.json' });
    // England's advice is read into objects only when looked at: to a caller the answer is a plain object.
    const keys = Object.keys(opened);
    const cloned = structuredClone(opened);
    const written = JSON.stringify(opened);
    opened.messages = [];
    return { answer: cloned, keys, written, replaced: { messages: opened.messages, problems: opened.problems.length } };
  }, national);
  assert.deepEqual(keys, ['messages', 'problems', 'ok']);
  assert.deepEqual(JSON.parse(written), answer);
  assert.deepEqual(replaced, { messages: [], problems: answer.problems.length });
  assert.equal(answer.ok, true, answer.messages.slice(0, 3).join('\n'));
  // Generated figures stray outside their bands: warnings only, one message each.
  assert.ok(answer.problems.every((p) => p.severity === 'warning'));
  assert.equal(answer.messages.length, answer.problems.length);
  assert.equal(await api('currentPlan'), national);

  const outline = await api('outline', {});
  assert.equal(outline.view, 'layers');
  assert.equal(outline.title, plan.name);
  assert.equal(outline.entries, plan.units.length);
  assert.deepEqual(outline.nodes.map((n) => n.id), plan.units.filter((u) => u.layer === 'region').map((u) => u.id));
  // The units table, row by row: as many practices, PCNs, places... as generated.
  const rows = (await api('exportCsv', 'units')).trim().split('\r\n').slice(1);
  const layerOf = (row) => row.match(/^[^,]*,(?:"(?:[^"]|"")*"|[^,]*),([^,]*),/)[1];
  assert.deepEqual(layerCounts(rows.map(layerOf)), layerCounts(plan.units.map((u) => u.layer)));
  assert.ok(layerCounts(rows.map(layerOf)).practice > 5000);

  const shown = await api('shown');
  assert.equal(shown.view, 'layers');
  assert.equal(shown.selected, null);
});

test('search finds a PCN by name and a practice by code; focus selects the PCN and brings it, with its practices, on screen', { timeout: 120000 }, async () => {
  const byName = await api('search', pcn.name);
  assert.equal(byName[0].id, pcn.id);
  assert.equal(byName[0].layer, 'pcn');
  const byCode = await api('search', practice.code);
  assert.deepEqual(byCode[0], { id: practice.id, name: practice.name, layer: 'practice', code: practice.code });

  assert.equal((await api('focus', pcn.id)).ok, true);
  await settle(page, 500);
  assert.equal(await api('selection'), pcn.id);
  assert.equal((await api('shown')).selected, pcn.id);
  assert.equal(await api('currentView'), 'layers');
  // Drawn in the last frame, whole, inside the canvas, and named.
  const item = await drawn(pcn.id);
  const canvas = await canvasSize();
  assert.ok(item, 'the PCN is drawn');
  assert.equal(item.text.split('\n')[0], pcn.name);
  assert.ok(item.x >= 0 && item.y >= 0 && item.x + item.width <= canvas.width && item.y + item.height <= canvas.height, JSON.stringify(item));
  assert.ok(item.width > 100, 'large enough to read');
  const inside = plan.units.filter((u) => u.parent === pcn.id).map((u) => u.id);
  const shownIds = new Set((await api('visibleItems')).map((v) => v.id));
  assert.ok(inside.every((id) => shownIds.has(id)), 'its practices are drawn too');
  await page.screenshot({ path: join(screenshotDir, 'national-focus.png') });
});

test('moving a practice into the focused PCN changes the plan and the drawing; undo gives back the same bytes', { timeout: 120000 }, async () => {
  const from = await api('unit', mover.parent);
  const to = await api('unit', pcn.id);
  // Through the page's own edit path, which also keeps the result in the browser.
  assert.equal((await api('edit', { op: 'move', id: mover.id, parent: pcn.id })).ok, true);
  assert.equal((await api('unit', mover.id)).parent, pcn.id);
  assert.equal((await api('unit', pcn.id)).rollup, to.rollup + mover.registeredPopulation);
  assert.equal((await api('unit', from.id)).rollup, from.rollup - mover.registeredPopulation);
  assert.equal(JSON.parse(await api('currentPlan')).units.find((u) => u.id === mover.id).parent, pcn.id);
  await settle(page, 300);
  const rollup = (to.rollup + mover.registeredPopulation).toLocaleString('en-GB');
  const box = await drawn(pcn.id);
  assert.match(box.text, new RegExp(`${rollup} people`), 'the PCN shows its new roll-up');
  const moved = await drawn(mover.id);
  assert.ok(moved && within(moved, box), 'the practice is drawn inside its new PCN');
  await page.screenshot({ path: join(screenshotDir, 'national-moved.png') });

  assert.equal((await api('undo')).ok, true);
  assert.equal(await api('currentPlan'), national);
  assert.equal((await api('unit', mover.id)).parent, from.id);
  assert.equal((await api('unit', pcn.id)).rollup, to.rollup);
  await settle(page, 300);
  assert.match((await drawn(pcn.id)).text, new RegExp(`${to.rollup.toLocaleString('en-GB')} people`), 'the old roll-up again');
});

test('the governance view has the national bodies; switching back shows the regions again', { timeout: 120000 }, async () => {
  assert.equal((await api('showView', 'governance')).ok, true);
  assert.equal(await api('currentView'), 'governance');
  assert.equal((await api('shown')).view, 'governance');
  await settle(page, 500);
  // NHS England, NHS Improvement and the CQC, in the national band of the outline and in the frame drawn.
  const nationalBodies = plan.organisations.filter((o) => ['nhs-england', 'nhs-improvement', 'care-quality-commission'].includes(o.kind));
  assert.equal(nationalBodies.length, 3);
  const outline = await api('outline', {});
  assert.equal(outline.view, 'governance');
  assert.deepEqual(outline.nodes.map((n) => n.id), ['band/national', 'band/region', 'band/system', 'band/place']);
  const nationalBand = outline.nodes[0].children;
  const drawnIds = new Set((await api('visibleItems')).map((v) => v.id));
  for (const body of nationalBodies) {
    const entry = nationalBand.find((n) => n.id === body.id);
    assert.ok(entry, `${body.name} is in the national band`);
    assert.ok(entry.text.startsWith(body.name), entry.text);
    assert.ok(drawnIds.has(body.id), `${body.name} is drawn`);
  }
  // Fitted, the whole country is too small to read: focus a regional team of NHS England.
  const region = plan.organisations.find((o) => o.kind === 'nhs-england-region');
  assert.equal((await api('focus', region.id)).ok, true);
  await settle(page, 500);
  assert.equal(await api('selection'), region.id);
  assert.equal(await api('currentView'), 'governance');
  const item = await drawn(region.id);
  assert.ok(item.text.replace(/\n/g, ' ').startsWith(region.name), item.text);
  assert.ok(item.textPx >= 10, 'its name is readable');
  await page.screenshot({ path: join(screenshotDir, 'national-governance.png') });
  // And NHS England itself, whose dotted lines run across the country: close
  // up they once made millions of dashes off screen, and the page ran out of memory.
  assert.equal((await api('focus', 'nhs-england')).ok, true);
  await settle(page, 500);
  assert.equal(await api('selection'), 'nhs-england');
  const nhse = await drawn('nhs-england');
  assert.match(nhse.text, /^NHS England/);
  assert.deepEqual(page.problems, []);

  assert.equal((await api('showView', 'layers')).ok, true);
  assert.equal(await api('currentView'), 'layers');
  assert.equal((await api('shown')).view, 'layers');
  await settle(page, 500);
  const shownIds = new Set((await api('visibleItems')).map((v) => v.id));
  assert.ok(plan.units.filter((u) => u.layer === 'region').every((u) => shownIds.has(u.id)), 'fitted: every region drawn');
  assert.equal(shownIds.has(region.id), false, 'no governance boxes in the layers view');
});

test('the layers view exports as a real PNG of the whole country', { timeout: 120000 }, async () => {
  // The SVG export is the same drawing: its size sets the picture's.
  const svgTag = (await api('exportSvg')).match(/<svg [^>]*width="([\d.]+)" height="([\d.]+)"/);
  const svg = { width: Number(svgTag[1]), height: Number(svgTag[2]) };
  const png = await page.evaluate(async () => {
    const blob = await window.planner.exportPng();
    const head = [...new Uint8Array(await blob.slice(0, 33).arrayBuffer())];
    // A small copy, decoded by the browser, to look at and count colours in.
    const bitmap = await createImageBitmap(blob, { resizeWidth: 1000, resizeQuality: 'medium' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    const preview = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let binary = '';
    for (let i = 0; i < preview.length; i += 0x8000) binary += String.fromCharCode(...preview.subarray(i, i + 0x8000));
    return { type: blob.type, size: blob.size, head, preview: btoa(binary) };
  });
  assert.equal(png.type, 'image/png');
  const head = Buffer.from(png.head);
  assert.deepEqual([...head.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'the PNG signature');
  assert.equal(head.toString('latin1', 12, 16), 'IHDR');
  const width = head.readUInt32BE(16);
  const height = head.readUInt32BE(20);
  // At least the drawing's size, within what a browser can hold, in the drawing's proportions.
  assert.ok(width >= svg.width && width <= 16384 && height <= 16384 && width * height <= 120e6, `${width} × ${height}`);
  assert.ok(Math.abs(width / height - svg.width / svg.height) < 0.01, `${width} × ${height} against ${svg.width} × ${svg.height}`);
  assert.ok(png.size > 1e6, `${png.size} bytes: thousands of units drawn, not a blank picture`);
  const preview = Buffer.from(png.preview, 'base64');
  assert.ok(await distinctColours(page, preview) > 8, 'not blank');
  await writeFile(join(screenshotDir, 'national-export-layers.png'), preview);
});

test('the plan is kept in the browser and saved to a file, both as generated: the undone move is in neither', { timeout: 120000 }, async () => {
  // Kept: the move, then its undo, each a version of the plan in My plans.
  const storage = await api('storage');
  assert.equal(storage.available, true);
  assert.equal(storage.problem, null);
  await waitFor(page, () => window.planner.storage().revision === 2, undefined, 30000);
  const [kept] = await api('storedPlans');
  assert.deepEqual({ ...kept, updated: 0 }, { id: storage.id, name: plan.name, revision: 2, updated: 0, size: national.length, damaged: false });
  assert.equal((await api('storedVersions', storage.id)).length, 2);
  const keptText = await page.evaluate(async (id) => (await (await window.PlanStore.open()).get(id)).text, storage.id);
  assert.equal(keptText, national);

  // A new tab opens the plan changed last: the same plan, read back from the store.
  const tab = await openInContext(page.context(), new URL('./', env.url).href);
  assert.equal(await tab.evaluate(() => window.planner.currentPlan()), national);
  assert.equal((await tab.evaluate(() => window.planner.outline({}))).entries, plan.units.length);
  assert.deepEqual(tab.problems, []);
  await tab.close();

  // Saved to a file: a download where the browser cannot write files (no picker without a click).
  assert.equal(await api('unsavedChanges'), true);
  await page.evaluate(() => { window.showSaveFilePicker = undefined; });
  const [download, answer] = await Promise.all([page.waitForEvent('download'), api('saveToFile', {})]);
  assert.equal(answer.ok, true, answer.messages.join('\n'));
  assert.equal(download.suggestedFilename(), 'national.json');
  const saved = await readFile(await download.path(), 'utf8');
  assert.equal(saved, national);
  assert.equal(JSON.parse(saved).units.find((u) => u.id === mover.id).parent, mover.parent);
  await waitFor(page, () => window.planner.unsavedChanges() === false);
  assert.deepEqual(page.problems, []);
});
