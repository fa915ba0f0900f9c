// The layers view: the plan's units drawn on the canvas, moved by dragging,
// with roll-ups that follow, undo, search and focus, read through
// window.planner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, openPlanner, distinctColours, root, screenshotDir, settle, waitFor } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const at = (query) => new URL(query, env.url).href;
const api = (page, method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);
const centre = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

// Another PCN than `pcn` with a good part of it in view, clear of the
// panels, and a point inside that part.
async function neighbourInView(page, pcn) {
  const visible = { left: 240, top: 90, right: 920, bottom: 760 };
  for (const candidate of (await api(page, 'search', 'PCN')).filter((u) => u.layer === 'pcn' && u.id !== pcn)) {
    const b = await api(page, 'unitBounds', candidate.id);
    const left = Math.max(b.x, visible.left), right = Math.min(b.x + b.width, visible.right);
    const top = Math.max(b.y, visible.top), bottom = Math.min(b.y + b.height, visible.bottom);
    if (right - left > 40 && bottom - top > 40) return { target: candidate, point: { x: (left + right) / 2, y: (top + bottom) / 2 } };
  }
  assert.fail(`no PCN next to ${pcn} is in view`);
}

// Drags with the mouse as a person would: press, move in steps, release.
async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + (to.x - from.x) * i / 8, from.y + (to.y - from.y) * i / 8);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  await settle(page, 150);
}

test('dragging a practice onto another PCN moves it, both roll-ups follow, and undo puts it back', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  // Herefordshire folded, then expanded again: its PCNs come back into view.
  await api(page, 'fold', 'herefordshire');
  assert.equal((await api(page, 'unitBounds', 'U12199')).ok, false);
  await api(page, 'unfold', 'herefordshire');
  assert.equal((await api(page, 'unitBounds', 'U12199')).ok, true);
  const [colwall] = await api(page, 'search', 'colwall');
  assert.equal(colwall.name, 'Colwall Surgery');
  const [target] = await api(page, 'search', 'Hereford City HMG');
  const practice = await api(page, 'unit', colwall.id);
  const from = await api(page, 'unit', practice.parent);
  const to = await api(page, 'unit', target.id);
  assert.equal(from.rollup !== null && to.rollup !== null, true);

  const start = centre(await api(page, 'unitBounds', colwall.id));
  const box = await api(page, 'unitBounds', target.id);
  await drag(page, start, { x: box.x + box.width / 2, y: box.y + box.height * 0.8 });

  assert.equal((await api(page, 'unit', colwall.id)).parent, target.id);
  assert.equal((await api(page, 'unit', from.id)).rollup, from.rollup - practice.population);
  assert.equal((await api(page, 'unit', target.id)).rollup, to.rollup + practice.population);
  assert.equal(await api(page, 'selection'), colwall.id);
  assert.match(JSON.parse(await api(page, 'currentPlan')).units.find((u) => u.id === colwall.id).parent, new RegExp(target.id));
  await page.screenshot({ path: join(screenshotDir, 'layers-after-move.png') });

  await page.keyboard.press('Control+z');
  await settle(page, 100);
  assert.equal((await api(page, 'unit', colwall.id)).parent, from.id);
  assert.equal((await api(page, 'unit', from.id)).rollup, from.rollup);
  await page.keyboard.press('Control+Shift+z');
  await settle(page, 100);
  assert.equal((await api(page, 'unit', colwall.id)).parent, target.id);
  await page.keyboard.press('Control+y');  // nothing more to redo: no change
  assert.equal((await api(page, 'unit', target.id)).rollup, to.rollup + practice.population);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('dragging a practice onto a place, or dragging the background, moves nothing', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  const before = await api(page, 'currentPlan');
  const [colwall] = await api(page, 'search', 'colwall');
  const place = await api(page, 'unitBounds', 'worcestershire');
  await drag(page, centre(await api(page, 'unitBounds', colwall.id)), { x: place.x + 4, y: place.y + place.height - 4 });
  assert.equal(await api(page, 'currentPlan'), before);
  const camera = await api(page, 'camera');
  await drag(page, { x: 20, y: 400 }, { x: 120, y: 420 });  // the grid beside the plan: pans
  const panned = await api(page, 'camera');
  const moved = (a, b) => [Math.round((a.x - b.x) * a.zoom), Math.round((a.y - b.y) * a.zoom)];  // on screen
  assert.deepEqual(moved(camera, panned), [100, 20]);
  // While the page is busy (a slow frame on a large plan or a loaded
  // machine), the press, the moves and the release queue up and reach the
  // planner together. The pan still happens, and only by the drag.
  await page.mouse.move(20, 400);
  await settle(page, 100);
  await page.evaluate(() => setTimeout(() => { const until = performance.now() + 400; while (performance.now() < until); }, 0));
  await Promise.all([page.mouse.down(), page.mouse.move(45, 405), page.mouse.move(70, 410), page.mouse.up()]);
  await settle(page, 300);
  const flicked = await api(page, 'camera');
  assert.deepEqual(moved(panned, flicked), [50, 10]);
  assert.equal(await api(page, 'currentPlan'), before);
  await page.context().close();
});

test('search finds units by name or code, and focus zooms to one and selects it', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  assert.deepEqual((await api(page, 'search', 'M81076')).map((u) => u.name), ['Colwall Surgery']);
  assert.ok((await api(page, 'search', 'surgery')).length > 10);
  assert.deepEqual(await api(page, 'search', '   '), []);
  const zoom = (await api(page, 'camera')).zoom;
  assert.equal((await api(page, 'focus', 'M81076')).ok, true);
  await settle(page, 500);
  assert.ok((await api(page, 'camera')).zoom > zoom * 4, 'focus zooms in on a practice');
  assert.equal(await api(page, 'selection'), 'M81076');
  const bounds = await api(page, 'unitBounds', 'M81076');
  assert.ok(bounds.width > 200, 'the focused practice fills much of the view');
  assert.equal((await api(page, 'focus', 'nowhere')).ok, false);
  await page.screenshot({ path: join(screenshotDir, 'layers-focus.png') });
  await page.context().close();
});

test('a unit reports its own figure, its roll-up and where it stands against its band', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  const herefordshire = await api(page, 'unit', 'herefordshire');
  assert.equal(herefordshire.layer, 'place');
  assert.equal(herefordshire.band, 'inside');
  assert.ok(herefordshire.rollup > 150000);
  assert.match(herefordshire.label, /^Herefordshire \(One Herefordshire\), Place: [\d,]+ people, the sum of its 5 parts; inside its band/);
  assert.equal((await api(page, 'unit', 'no-such-unit')).ok, false);
  await page.context().close();
});

test('every example is drawn, and the national plan at three zooms', async () => {
  for (const name of ['syb-working-together-2013', 'ncl-collaboration-2015', 'syb-acs-mou-2017', 'nwl-collaboration-2018', 'herefordshire-worcestershire-2019']) {
    const page = await openPlanner(env.browser, at(`?example=${name}`));
    await settle(page, 300);
    const png = await page.screenshot({ path: join(screenshotDir, `layers-${name}.png`) });
    assert.ok(await distinctColours(page, png) > 8, `${name} is drawn`);
    await page.context().close();
  }
  const national = execFileSync(join(root, 'build/native/src/cli/planner-cli'), ['generate', 'national', '--seed', '1', '-o', '-'],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  const page = await openPlanner(env.browser, at('?example=none'));
  assert.equal((await page.evaluate((t) => window.planner.openPlan(t, { name: 'national.json' }), national)).ok, true);
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'layers-national-overview.png') });
  const [place] = await api(page, 'search', (await api(page, 'unit', 'place-001')).name);
  await api(page, 'focus', place.id);
  await settle(page, 500);
  await page.screenshot({ path: join(screenshotDir, 'layers-national-place.png') });
  const pcn = (await api(page, 'search', 'Central PCN')).find((u) => u.layer === 'pcn');
  await api(page, 'focus', pcn.id);
  await settle(page, 500);
  await page.screenshot({ path: join(screenshotDir, 'layers-national-pcn.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Ctrl+F finds a unit by name; Enter steps through the results, each focused and selected', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await page.keyboard.press('Control+f');
  await settle(page, 150);
  await page.keyboard.type('hereford');
  await settle(page, 100);
  const results = await api(page, 'search', 'hereford');
  await page.keyboard.press('Enter');
  await settle(page, 400);
  assert.equal(await api(page, 'selection'), results[0].id);
  await page.keyboard.press('Enter');
  await settle(page, 400);
  assert.equal(await api(page, 'selection'), results[1].id);
  await page.keyboard.press('Shift+Enter');
  await settle(page, 400);
  assert.equal(await api(page, 'selection'), results[0].id);
  await page.screenshot({ path: join(screenshotDir, 'layers-find.png') });
  await page.context().close();
});

test('the inspector renames a unit, sets its population, adds a unit inside and deletes it, each undoable', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await api(page, 'focus', 'M81076');
  await settle(page, 400);
  await page.screenshot({ path: join(screenshotDir, 'layers-inspector.png') });
  // The inspector sits at the top right: Name, Code, Registered population.
  const field = async (label) => {
    const fields = { name: 139, code: 195, population: 251 };
    await page.mouse.click(1100, fields[label]);
    await settle(page, 100);
    await page.keyboard.press('Control+a');
  };
  // Typed text reaches the planner a character a frame: wait for it.
  await field('name');
  await page.keyboard.type('Colwall Surgery (renamed)');
  await page.keyboard.press('Enter');
  await waitFor(page, () => window.planner.unit('M81076').name === 'Colwall Surgery (renamed)');
  await field('population');
  await page.keyboard.type('4,000');
  await page.keyboard.press('Enter');
  await waitFor(page, () => window.planner.unit('M81076').population === 4000);
  const practice = await api(page, 'unit', 'M81076');
  assert.equal(practice.population, 4000);
  const pcn = await api(page, 'unit', practice.parent);
  await field('population');
  await page.keyboard.type('lots');
  await page.keyboard.press('Enter');
  await settle(page, 500);
  assert.equal((await api(page, 'unit', 'M81076')).population, 4000, 'a population that is not a number changes nothing');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await waitFor(page, () => window.planner.unit('M81076').name === 'Colwall Surgery');
  assert.equal((await api(page, 'unit', 'M81076')).population, 3132);

  // Add a practice inside the PCN, then delete the PCN with everything in it, then undo.
  await api(page, 'focus', pcn.id);
  await settle(page, 400);
  const unitsBefore = JSON.parse(await api(page, 'currentPlan')).units.length;
  await page.screenshot({ path: join(screenshotDir, 'layers-inspector-pcn.png') });
  await page.mouse.click(1000, 409);  // "Add a practice inside", below "Move into another place" and the three-line summary
  await settle(page, 150);
  const added = await api(page, 'selection');
  assert.match(added, /^practice-\d+$/);
  assert.equal((await api(page, 'unit', added)).parent, pcn.id);
  assert.equal(JSON.parse(await api(page, 'currentPlan')).units.length, unitsBefore + 1);
  await page.keyboard.press('Control+z');
  await waitFor(page, (n) => JSON.parse(window.planner.currentPlan()).units.length === n, unitsBefore);
  await page.screenshot({ path: join(screenshotDir, 'layers-inspector-pcn.png') });
  await page.context().close();
});

test('where files cannot be written, Ctrl+S downloads the plan as planner-cli would write it, and the page stops warning about unsaved changes', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  assert.equal(await api(page, 'unsavedChanges'), false);
  assert.equal((await api(page, 'apply', { op: 'rename', id: 'worcestershire', name: 'Worcestershire (renamed)' })).ok, true);
  assert.equal(await api(page, 'unsavedChanges'), true);
  await page.evaluate(() => { window.showSaveFilePicker = undefined; });  // a browser that cannot write files
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  assert.equal(download.suggestedFilename(), 'herefordshire-worcestershire-2019.json');
  const { readFile } = await import('node:fs/promises');
  const saved = await readFile(await download.path(), 'utf8');
  assert.equal(saved, await api(page, 'currentPlan'));
  assert.match(saved, /Worcestershire \(renamed\)/);
  await waitFor(page, () => window.planner.unsavedChanges() === false);
  await page.context().close();
});

test('checks list what to look at, with the unit each is about', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  const checks = await api(page, 'checks');
  assert.ok(checks.length > 10);
  assert.ok(checks.every((c) => /^\/units\/\d+$/.test(c.path) && c.severity === 'warning'));
  assert.ok(checks.some((c) => /above the GP practice band of 1,000–10,000/.test(c.message)));
  // Moving every practice out of a PCN leaves it empty, and the checks say so.
  const pcn = (await api(page, 'search', 'Hereford City HMG'))[0].id;
  assert.equal((await api(page, 'apply', { op: 'move', id: 'M81026', parent: 'U12199' })).ok, true);
  const after = await api(page, 'checks');
  assert.ok(after.some((c) => c.message.includes('with no practices and no population of its own')), JSON.stringify(after.slice(-3)));
  await page.keyboard.press('Control+z');
  await waitFor(page, () => !window.planner.checks().some((c) => c.message.includes('with no practices')));
  assert.ok(pcn);
  await page.context().close();
});

test('folding a unit hides what is inside it; focusing a hidden unit unfolds it; the commissioners overlay names each CCG', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  assert.equal((await api(page, 'fold', 'worcestershire')).ok, true);
  const [pcn] = (await api(page, 'search', 'Wyre Forest Health')).filter((u) => u.layer === 'pcn');
  assert.equal((await api(page, 'unitBounds', pcn.id)).ok, false, 'folded away');
  assert.match((await api(page, 'unit', 'worcestershire')).label, /folded, with \d+ units? inside/);
  await page.screenshot({ path: join(screenshotDir, 'layers-folded.png') });
  await api(page, 'focus', pcn.id);
  assert.equal((await api(page, 'unitBounds', pcn.id)).ok, true, 'unfolded to show it');

  assert.equal((await api(page, 'setCommissioners', true)).ok, true);
  assert.match((await api(page, 'unit', 'herefordshire')).label, /commissioned by NHS Herefordshire Clinical Commissioning Group/);
  assert.match((await api(page, 'unit', pcn.id)).label, /commissioned by NHS Wyre Forest Clinical Commissioning Group/);
  await api(page, 'fit');
  await settle(page, 500);
  await page.screenshot({ path: join(screenshotDir, 'layers-commissioners.png') });
  await page.context().close();
});

test('a double click focuses a practice; grabbing it again at once and dragging it moves it instead', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await api(page, 'focus', 'U12199');  // East Herefordshire PCN
  await settle(page, 500);
  const practices = JSON.parse(await api(page, 'currentPlan')).units.filter((u) => u.parent === 'U12199' && u.layer === 'practice');
  const [first, second] = practices;
  const overview = (await api(page, 'camera')).zoom;
  const { target, point } = await neighbourInView(page, 'U12199');

  // Click, then at once press again on the same practice and drag it away:
  // the two presses make a double click, but the second is a drag.
  const start = centre(await api(page, 'unitBounds', first.id));
  await page.mouse.click(start.x, start.y);
  await drag(page, start, point);
  await waitFor(page, ([id, to]) => window.planner.unit(id).parent === to, [first.id, target.id]);
  assert.equal((await api(page, 'camera')).zoom, overview, 'the drag did not focus (zoom to) the practice');

  // A double click that stays put focuses the practice.
  const other = centre(await api(page, 'unitBounds', second.id));
  await page.mouse.dblclick(other.x, other.y);
  await waitFor(page, (zoom) => window.planner.camera().zoom > zoom * 1.5, overview);
  assert.equal(await api(page, 'selection'), second.id);
  await page.context().close();
});

test('Shift+click chooses several practices; dragging one moves them all, as one change', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await api(page, 'focus', 'U12199');  // East Herefordshire PCN
  await settle(page, 500);
  const pcn = await api(page, 'unit', 'U12199');
  const practices = JSON.parse(await api(page, 'currentPlan')).units.filter((u) => u.parent === 'U12199' && u.layer === 'practice');
  const [first, second] = practices;
  await page.mouse.click(...Object.values(centre(await api(page, 'unitBounds', first.id))));
  await settle(page, 400);  // apart enough not to be a double click
  await page.keyboard.down('Shift');
  await settle(page, 50);
  await page.mouse.click(...Object.values(centre(await api(page, 'unitBounds', second.id))));
  await waitFor(page, () => window.planner.selectedUnits().length === 2);
  await page.keyboard.up('Shift');
  assert.deepEqual((await api(page, 'selectedUnits')).sort(), [first.id, second.id].sort());
  // Drop them on a neighbouring PCN that is in view (clear of the panels).
  const { target, point } = await neighbourInView(page, 'U12199');
  await drag(page, centre(await api(page, 'unitBounds', second.id)), point);
  await waitFor(page, ([id, to]) => window.planner.unit(id).parent === to, [first.id, target.id]);
  await page.screenshot({ path: join(screenshotDir, 'layers-multi-move.png') });
  assert.equal((await api(page, 'unit', first.id)).parent, target.id);
  assert.equal((await api(page, 'unit', second.id)).parent, target.id);
  assert.equal((await api(page, 'unit', 'U12199')).rollup, pcn.rollup - first.registeredPopulation - second.registeredPopulation);
  await page.keyboard.press('Control+z');  // one change: both go back
  await waitFor(page, ([a, b]) => window.planner.unit(a).parent === 'U12199' && window.planner.unit(b).parent === 'U12199', [first.id, second.id]);
  await page.context().close();
});

test('the inspector moves a practice into a PCN chosen by typing, without dragging', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await api(page, 'focus', 'M81076');
  await settle(page, 400);
  await page.mouse.click(1100, 307);  // "Move into another PCN", under Registered population
  await settle(page, 100);
  await page.keyboard.type('Hereford City HMG');
  await waitFor(page, () => true);
  await settle(page, 600);
  await page.screenshot({ path: join(screenshotDir, 'layers-move-into.png') });
  await page.mouse.click(1100, 335);  // the first match
  await waitFor(page, () => window.planner.unit('M81076').parent === 'U65562');
  await page.keyboard.press('Control+z');
  await waitFor(page, () => window.planner.unit('M81076').parent === 'U12199');
  await page.context().close();
});
