// Big views keep their boxes and lines on the GPU (ui/retained_scene.hpp):
// the national plan's overviews are drawn from kept geometry and look as
// they do when every shape is drawn each frame; close up, the canvas draws
// the few shapes in view itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, openPlanner, settle, root, screenshotDir, blockDifference } from './browser.mjs';

let env;
let page;
before(async () => {
  env = await launch();
  page = await openPlanner(env.browser, new URL('?example=none', env.url).href);
  const national = execFileSync(join(root, 'build/native/src/cli/planner-cli'), ['generate', 'national', '--seed', '1', '-o', '-'],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal((await page.evaluate((t) => window.planner.openPlan(t, { name: 'national.json' }), national)).ok, true);
  await settle(page, 300);
});
after(async () => env && env.close());

// A frame drawn with the pointer off the drawing (no hover card).
async function drawn(keep, name) {
  await page.evaluate((k) => window.planner.keepOnGpu(k), keep);
  await page.evaluate(() => window.planner.frameTimes());
  await page.mouse.move(2, 400);
  await settle(page, 200);
  const frames = await page.evaluate(() => window.planner.frameTimes());
  const png = await page.screenshot({ path: join(screenshotDir, `kept-${name}-${keep ? 'kept' : 'whole'}.png`) });
  return { png, fromGpu: frames.fromGpu };
}

// Kept and whole drawings of the same view: their share of 8 × 8 blocks
// that differ, against that of the kept drawing moved by 30 pixels (lines
// and edges are smoothed differently, so the measure is against a drawing
// that is plainly wrong).
async function compareKept(how, name) {
  const kept = await drawn(how, name);
  const whole = await drawn(false, name);
  await page.evaluate(() => {
    const camera = window.planner.camera();
    window.planner.setCamera({ x: camera.x + 30 / camera.zoom, zoom: camera.zoom });
  });
  const moved = await drawn(how, `${name}-moved`);
  await page.evaluate(() => window.planner.keepOnGpu(true));
  return { kept, whole, alike: await blockDifference(page, kept.png, whole.png), apart: await blockDifference(page, kept.png, moved.png) };
}

const percent = (share) => `${(share * 100).toFixed(2)}%`;

test('the national layers overview is drawn from the GPU\'s copy and matches the drawing made whole', { timeout: 120000 }, async () => {
  const { kept, whole, alike, apart } = await compareKept(true, 'national-layers');
  assert.ok(kept.fromGpu.length > 0 && kept.fromGpu.every(Boolean), 'every frame drew from the kept geometry');
  assert.ok(whole.fromGpu.length > 0 && !whole.fromGpu.some(Boolean));
  assert.ok(alike < apart / 10, `${percent(alike)} of blocks differ, against ${percent(apart)} for a drawing moved by 30 pixels`);
});

test('the national governance overview is drawn from the GPU\'s copy', { timeout: 120000 }, async () => {
  await page.evaluate(() => window.planner.showView('governance'));
  await settle(page, 300);
  // 12,000 lines at 1%: a mass whose pixels depend on which line is drawn
  // last, so only loosely alike; the examples below are compared closely.
  const { kept, alike } = await compareKept(true, 'national-governance');
  assert.ok(kept.fromGpu.length > 0 && kept.fromGpu.every(Boolean));
  assert.ok(alike < 0.1, `${percent(alike)} of blocks differ`);
  // With a box selected, the faded drawing is kept too.
  const { flows } = await page.evaluate(() => window.planner.governance());
  await page.evaluate((id) => window.planner.select(id), flows[0].from);
  await page.evaluate(() => window.planner.fit());
  await settle(page, 300);
  const selected = await compareKept(true, 'national-governance-selected');
  assert.ok(selected.kept.fromGpu.length > 0 && selected.kept.fromGpu.every(Boolean), 'a selection is drawn from the kept geometry');
  assert.ok(selected.alike < 0.1, `with a selection ${percent(selected.alike)} of blocks differ`);
  await page.evaluate(() => window.planner.select(null));
  await page.evaluate(() => window.planner.showView('layers'));
  await page.evaluate(() => window.planner.fit());
  await settle(page, 300);
});

test('every example in both views looks the same drawn from a kept copy as drawn whole', { timeout: 240000 }, async () => {
  const other = await openPlanner(env.browser, new URL('?example=none', env.url).href);
  for (const example of ['syb-working-together-2013', 'ncl-collaboration-2015', 'syb-acs-mou-2017', 'nwl-collaboration-2018', 'herefordshire-worcestershire-2019']) {
    await other.goto(new URL(`?example=${example}`, env.url).href);
    await other.evaluate(() => window.planner.ready);
    for (const view of ['layers', 'governance']) {
      await other.evaluate((v) => window.planner.showView(v), view);
      await settle(other, 400);
      const saved = page;
      page = other;
      const { kept, alike, apart } = await compareKept('always', `${example}-${view}`);
      page = saved;
      assert.ok(kept.fromGpu.every(Boolean) && kept.fromGpu.length > 0, `${example} ${view} drew from the kept copy`);
      assert.ok(alike < apart / 4, `${example} ${view}: ${percent(alike)} of blocks differ, against ${percent(apart)} moved`);
    }
    // A box selected: its neighbourhood lit, the rest faded, on the GPU too.
    // Close enough that every line is drawn on its own: further out the kept
    // drawing merges lines sharing a pixel's track into one, where faded
    // lines drawn one by one build up to look lit.
    const { flows } = await other.evaluate(() => window.planner.governance());
    await other.evaluate((id) => window.planner.focus(id), flows[0].from);
    await settle(other, 600);
    assert.ok((await other.evaluate(() => window.planner.camera())).zoom >= 0.6);
    const saved = page;
    page = other;
    const { kept, alike, apart } = await compareKept('always', `${example}-governance-selected`);
    page = saved;
    assert.ok(kept.fromGpu.every(Boolean) && kept.fromGpu.length > 0, `${example} with a selection drew from the kept copy`);
    assert.ok(alike < apart / 4, `${example} with a selection: ${percent(alike)} of blocks differ, against ${percent(apart)} moved`);
  }
  assert.deepEqual(other.problems, []);
  await other.context().close();
});

test('close up the canvas draws what is in view itself, and far out again from the GPU', { timeout: 60000 }, async () => {
  await page.evaluate(() => window.planner.showView('layers'));
  const pcn = (await page.evaluate(() => window.planner.search('Central PCN'))).find((u) => u.layer === 'pcn');
  await page.evaluate((id) => window.planner.focus(id), pcn.id);
  await settle(page, 600);
  await page.evaluate(() => window.planner.frameTimes());
  await page.mouse.move(3, 400);
  await settle(page, 200);
  const close = await page.evaluate(() => window.planner.frameTimes());
  assert.ok(close.fromGpu.length > 0 && !close.fromGpu.some(Boolean));
  const shown = await page.evaluate(() => window.planner.visibleItems());
  assert.ok(shown.some((item) => item.id === pcn.id && item.text.length > 0), 'the PCN is named');
  assert.deepEqual(page.problems, []);
});
