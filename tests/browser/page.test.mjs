// The page itself: loading, drawing, HiDPI, resizing, sleeping when idle,
// and what it says when the browser cannot run it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankPage, launch, openPlanner, distinctColours, root, screenshotDir, settle } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const cmakeVersion = readFileSync(join(root, 'CMakeLists.txt'), 'utf8').match(/VERSION (\d+\.\d+\.\d+)/)[1];

test('the page loads with no console errors and publishes window.planner', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  assert.equal(await page.title(), 'Care Structure Planner');
  assert.equal(await page.evaluate(() => window.planner.version), cmakeVersion);
  assert.equal(await page.evaluate(() => window.planner.view()), 'canvas');
  assert.deepEqual(await page.evaluate(() => window.planner.camera()), { x: 0, y: 0, zoom: 1 });
  assert.equal(await page.isVisible('#loading'), false, 'the loading indicator is gone');
  assert.equal(await page.isVisible('#problem'), false);
  await settle(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the server sends WebAssembly with its MIME type', async () => {
  const response = await fetch(new URL('planner.wasm', env.url));
  assert.equal(response.headers.get('content-type'), 'application/wasm');
});

test('the canvas is drawn, not blank, and a screenshot is kept for people to look at', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  await settle(page);
  const png = await page.screenshot({ path: join(screenshotDir, 'planner.png') });
  assert.ok(await distinctColours(page, png) > 20, 'grid, text and bars give many colours');
  for (const theme of ['dark', 'high-contrast']) {
    await page.evaluate((name) => window.planner.setTheme(name), theme);
    await settle(page);
    const themed = await page.screenshot({ path: join(screenshotDir, `planner-${theme}.png`) });
    assert.ok(await distinctColours(page, themed) > 10, `${theme} theme draws`);
  }
  await page.context().close();
});

test('a devicePixelRatio of 2 gives a drawing buffer twice the CSS size', async () => {
  const page = await openPlanner(env.browser, blankPage(env), { deviceScaleFactor: 2 });
  await settle(page);
  const size = await page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    return { width: canvas.width, height: canvas.height, css: canvas.getBoundingClientRect() };
  });
  assert.equal(size.css.width, 1280);
  assert.equal(size.css.height, 800);
  assert.equal(size.width, 2560);
  assert.equal(size.height, 1600);
  await page.screenshot({ path: join(screenshotDir, 'planner-hidpi.png') });
  await page.context().close();
});

test('resizing the window keeps the canvas filling it', async () => {
  const page = await openPlanner(env.browser, blankPage(env), { deviceScaleFactor: 1.5 });
  for (const [width, height] of [[900, 600], [1440, 900], [375, 667]]) {
    await page.setViewportSize({ width, height });
    await page.waitForFunction(([w, h]) => {
      const canvas = document.getElementById('canvas');
      return canvas.width === Math.round(w * 1.5) && canvas.height === Math.round(h * 1.5);
    }, [width, height], { timeout: 5000 });
    const css = await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().toJSON());
    assert.equal(css.x, 0);
    assert.equal(css.y, 0);
    assert.equal(css.width, width);
    assert.equal(css.height, height);
  }
  await page.context().close();
});

test('an idle page stops drawing, and input wakes it', async () => {
  const page = await openPlanner(env.browser, blankPage(env));
  await settle(page, 500);
  const first = await page.evaluate(() => window.planner.frameCount());
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.planner.frameCount()), first, 'no frames while idle');
  await page.mouse.move(600, 400);
  await page.mouse.move(620, 410);
  await settle(page, 300);
  const woken = await page.evaluate(() => window.planner.frameCount());
  assert.ok(woken > first, 'input draws frames');
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => window.planner.frameCount()), woken, 'and then sleeps again');
  await page.context().close();
  // A text field waiting for typing (the find box) is idle too.
  const finding = await openPlanner(env.browser, new URL('?example=herefordshire-worcestershire-2019', env.url).href);
  await finding.keyboard.press('Control+f');
  await finding.keyboard.type('x');
  await settle(finding, 300);
  const typing = await finding.evaluate(() => window.planner.frameCount());
  await finding.waitForTimeout(800);
  assert.equal(await finding.evaluate(() => window.planner.frameCount()), typing, 'no frames while a field waits for typing');
  await finding.context().close();
});

test('an idle page rehearses opening a plan, and nothing a person sees or keeps changes', async () => {
  const page = await openPlanner(env.browser, new URL('./', env.url).href);
  await settle(page, 300);
  const seen = () => page.evaluate(async () => ({
    plan: window.planner.currentPlan(),
    shown: window.planner.shown(),
    unsaved: window.planner.unsavedChanges(),
    view: window.planner.view(),
    camera: window.planner.camera(),
    selection: window.planner.selection(),
    stored: (await window.planner.storedPlans()).map(({ id, revision }) => ({ id, revision })),
    frames: window.planner.frameCount(),
  }));
  const before = await seen();
  const times = await page.evaluate(() => window.planner.rehearsed());
  assert.equal(times.length, 40, 'every rehearsal ran');
  assert.ok(times.every((ms) => Number.isFinite(ms) && ms >= 0));
  assert.deepEqual(await seen(), before, 'the same plan, view, selection and stored plans, and no frame drawn');
  // Last, memory was made ready for a large plan's open (shell/rehearsal.js).
  assert.ok(await page.evaluate(() => window.planner.memoryBytes()) >= 30 << 20);
  assert.deepEqual(page.problems, []);
  // The example opened after the rehearsals is the same plan as before them.
  const reopened = await page.evaluate((text) => window.planner.openPlan(text, { name: 'again.json' }).ok, before.plan);
  assert.equal(reopened, true);
  assert.equal(await page.evaluate(() => window.planner.currentPlan()), before.plan);
  await page.context().close();
  // The viewer opens no files: it does not rehearse.
  const viewer = await openPlanner(env.browser, new URL('?mode=view', env.url).href);
  assert.deepEqual(await viewer.evaluate(() => window.planner.rehearsed()), []);
  await viewer.context().close();
});

test('without WebGL 2 the page says so in plain words instead of staying blank', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector('#problem', { state: 'visible' });
  const text = await page.textContent('#problem');
  assert.match(text, /does not support WebGL 2/);
  assert.match(text, /latest version of Chrome, Edge, Firefox or Safari/);
  assert.equal(await page.isVisible('#loading'), false);
  await assert.rejects(page.evaluate(() => window.planner.ready), /WebGL 2/);
  await context.close();
});

test('without WebAssembly the page says so', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector('#problem', { state: 'visible' });
  assert.match(await page.textContent('#problem'), /does not support WebAssembly/);
  await context.close();
});

test('a module that fails to download is reported, not left spinning', async () => {
  const context = await env.browser.newContext();
  await context.route('**/planner.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector('#problem', { state: 'visible' });
  assert.match(await page.textContent('#problem'), /could not be downloaded/);
  await context.close();
});
