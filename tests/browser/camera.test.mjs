// Pan and zoom, by mouse, wheel, keyboard, touch, menu and the JS API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { blankPage, launch, openPlanner, screenshotDir, settle, waitFor } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const camera = (page) => page.evaluate(() => window.planner.camera());
const close = (actual, expected, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test('dragging the canvas pans by the distance dragged', async () => {
  const page = await openPlanner(env.browser, blankPage(env), { deviceScaleFactor: 2 });
  await page.mouse.move(400, 400);
  await page.mouse.down();
  await page.mouse.move(450, 380, { steps: 5 });
  await page.mouse.move(500, 370, { steps: 5 });
  await page.mouse.up();
  await settle(page);
  const moved = await camera(page);
  close(moved.x, -100, 0.5);  // content follows the pointer: the camera goes the other way
  close(moved.y, 30, 0.5);
  close(moved.zoom, 1);
  await page.context().close();
});

test("a drag released over the page's own messages ends there, and the canvas does not follow the pointer after", async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  // A message of the page's own (as the storage and update banners are) over part of the canvas.
  await page.evaluate(() => {
    const note = document.createElement('div');
    Object.assign(note.style, { position: 'fixed', left: '600px', top: '300px', width: '300px', height: '200px', background: '#ffd' });
    note.id = 'a-note';
    document.body.append(note);
  });
  await page.mouse.move(400, 400);
  await page.mouse.down();
  await page.mouse.move(700, 400, { steps: 6 });
  await page.mouse.up();
  await settle(page);
  const released = await camera(page);
  close(released.x, -300, 0.5);
  await page.mouse.move(200, 400, { steps: 6 });  // no button held: nothing pans
  await settle(page);
  close((await camera(page)).x, released.x);
  await page.context().close();
});

test('the wheel zooms about the pointer', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  await page.evaluate(() => window.planner.setCamera({ x: 0, y: 0, zoom: 1 }));
  // The canvas fills the window below the menu bar; find the world point under (900, 300).
  await page.mouse.move(900, 300);
  await settle(page, 100);
  const before = await camera(page);
  await page.mouse.wheel(0, -100);  // one notch up: zoom in
  await settle(page);
  const after = await camera(page);
  close(after.zoom, 1.2, 1e-3);
  assert.ok(after.x > before.x, 'zooming in right of centre moves the centre right');
  await page.mouse.wheel(0, 100);
  await settle(page);
  const back = await camera(page);
  close(back.zoom, 1, 1e-3);
  close(back.x, before.x, 1e-3);
  close(back.y, before.y, 1e-3);
  await page.context().close();
});

test('keys pan and zoom: arrows, + and -, 0 and F', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  await page.keyboard.press('ArrowRight');
  await settle(page, 150);
  close((await camera(page)).x, 40);
  await page.keyboard.press('Shift+ArrowDown');
  await settle(page, 150);
  close((await camera(page)).y, 200);
  await page.keyboard.press('Equal');
  await waitFor(page, () => Math.abs(window.planner.camera().zoom - 1.25) < 1e-9);
  await page.keyboard.press('Minus');
  await page.keyboard.press('Minus');
  await waitFor(page, () => Math.abs(window.planner.camera().zoom - 0.8) < 1e-9);
  await page.keyboard.press('Digit0');
  await waitFor(page, () => Math.abs(window.planner.camera().zoom - 1) < 1e-9);
  await page.keyboard.press('KeyF');
  // Fitted below the floating toolbar: the middle of the content sits 28 px (half its 56) low.
  await waitFor(page, () => {
    const c = window.planner.camera();
    return c.x === 0 && Math.abs(c.y + 28 / c.zoom) < 1e-6;
  });
  await page.context().close();
});

test('setCamera moves the view and rejects bad input without changing it', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  const ok = await page.evaluate(() => window.planner.setCamera({ x: 250, y: -75, zoom: 2.5 }));
  assert.deepEqual(ok, { ok: true, messages: [] });
  assert.deepEqual(await camera(page), { x: 250, y: -75, zoom: 2.5 });
  await settle(page);
  assert.match(await page.evaluate(() => document.title), /Planner/);
  const bad = await page.evaluate(() => window.planner.setCamera({ x: 'far', zoom: 0 }));
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.messages, ['x must be a finite number', 'zoom must be greater than 0']);
  assert.deepEqual(await camera(page), { x: 250, y: -75, zoom: 2.5 });
  await page.context().close();
});

test('a two-finger pinch zooms and a one-finger drag pans on a touch screen', async () => {
  const page = await openPlanner(env.browser, blankPage(env), { hasTouch: true, isMobile: false });
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
  });
  await touch('touchStart', [[500, 400], [600, 400]]);
  for (let step = 1; step <= 5; step++) {
    await touch('touchMove', [[500 - step * 10, 400], [600 + step * 10, 400]]);
  }
  await touch('touchEnd', []);
  await settle(page);
  close((await camera(page)).zoom, 2, 1e-6);  // fingers 100 px apart, then 200 px

  await page.evaluate(() => window.planner.setCamera({ x: 0, y: 0, zoom: 1 }));
  await touch('touchStart', [[300, 300]]);
  await touch('touchMove', [[330, 300]]);
  await touch('touchMove', [[360, 320]]);
  await touch('touchEnd', []);
  await settle(page);
  const panned = await camera(page);
  close(panned.x, -60);
  close(panned.y, -20);
  await page.context().close();
});

test('the View menu zooms and fits', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  await page.mouse.click(335, 16);  // "View" in the menu bar (after "File" and "Edit")
  await settle(page);
  await page.screenshot({ path: join(screenshotDir, 'view-menu.png') });
  await page.mouse.click(365, 195);  // "Zoom in", under the two views, the governance filters, "Who decides?", "Options and appraisal" and "Milestones"
  await waitFor(page, () => Math.abs(window.planner.camera().zoom - 1.25) < 1e-9);
  await page.context().close();
});
