// For the public and for council pages (docs/embedding.md): the example
// council agenda embeds the planner from another origin and drives it by
// postMessage when embed.json trusts it, and is ignored when not; view mode
// is read-only with an outline that follows the option and the keyboard;
// axe-core finds nothing in view and embed modes; a phone shows the whole
// drawing with no panel over it; the page runs under its CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPlanner, root, screenshotDir, settle, waitFor } from './browser.mjs';

let env;
let hostOrigin;
before(async () => {
  env = await launch({ files: {} });
  // The host page is served as http://localhost:PORT, the planner as
  // http://127.0.0.1:PORT: two origins, as a council site and the planner's.
  hostOrigin = env.url.replace('127.0.0.1', 'localhost').replace(/\/$/, '');
});
after(async () => { await env.close(); });

const at = (query) => new URL(query, env.url).href;
const api = (page, method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);
const trust = (origins) => { env.files['/embed.json'] = JSON.stringify({ trustedOrigins: origins }); };
const councilPage = () => `${hostOrigin}/council-agenda.html?planner=${encodeURIComponent(at('index.html'))}`;
// Chromium draws no frames in a cross-origin frame out of sight, so the
// planner starts once the agenda is scrolled to it, as a reader would.
async function openCouncilPage(page) {
  await page.goto(councilPage());
  await page.locator('#planner-frame').scrollIntoViewIfNeeded();
}
const plannerFrame = (page) => page.frames().find((frame) => frame.url().startsWith(env.url) && frame !== page.mainFrame());

async function until(fn, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

// Every Content-Security-Policy violation from the page's start.
async function watchPolicy(context) {
  await context.addInitScript(() => {
    window.policyViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.policyViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

test('the council page embeds the planner from another origin; a trusted host sets option and date and reads the selection back', async () => {
  trust([hostOrigin]);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await watchPolicy(context);
  const page = await context.newPage();
  await openCouncilPage(page);
  await page.waitForSelector('body[data-trusted="yes"]', { timeout: 20000 });
  const frameElement = await page.$('#planner-frame');
  assert.equal(await frameElement.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-downloads');
  const frame = plannerFrame(page);
  assert.equal(await frame.evaluate(() => window.planner.mode()), 'embed');
  // The text alternative: the frame's title is the planner's own summary, and the long description is beside it.
  const title = await frameElement.getAttribute('title');
  assert.match(title, /Diagram of who decides what/);
  assert.match(await page.textContent('#planner-description-text'), /Herefordshire/);

  await page.selectOption('#planner-option', 'merge-2020');
  await page.selectOption('#planner-date', '2020-04-01');
  await until(() => page.evaluate(() => window.lastPlannerState && window.lastPlannerState.option === 'merge-2020' && window.lastPlannerState.date === '2020-04-01'));
  const shown = await frame.evaluate(() => window.planner.state());
  assert.equal(shown.option, 'merge-2020');
  assert.equal(shown.date, '2020-04-01');
  // What is selected in the planner reaches the host.
  await frame.evaluate(() => window.planner.select('hw-ccg'));
  await frame.evaluate(() => window.planner.settled());
  await page.waitForSelector('#planner-status[data-selected="hw-ccg"]');
  assert.match(await page.textContent('#planner-selection'), /Herefordshire and Worcestershire/);
  // The host reads the plan.
  const plan = await page.evaluate(() => new Promise((resolve) => {
    const frameWindow = document.getElementById('planner-frame').contentWindow;
    const listen = (event) => {
      if (event.data && event.data.type === 'reply' && event.data.replyTo === 'read-plan') {
        window.removeEventListener('message', listen);
        resolve(event.data);
      }
    };
    window.addEventListener('message', listen);
    const origin = new URL(document.getElementById('planner-frame').src).origin;
    frameWindow.postMessage({ protocol: 'care-structure-planner', version: 1, type: 'getPlan', id: 'read-plan' }, origin);
  }));
  assert.equal(plan.ok, true);
  assert.equal(JSON.parse(plan.result).name, JSON.parse(await frame.evaluate(() => window.planner.currentPlan())).name);
  assert.deepEqual(await page.evaluate(() => window.policyViolations), []);
  assert.deepEqual(await frame.evaluate(() => window.policyViolations), []);
  await page.screenshot({ path: join(screenshotDir, 'embed-council-page.png'), fullPage: false });
  await context.close();
});

test('the same messages from a site embed.json does not list are ignored, and a change to embed.json counts at once', async () => {
  trust(['https://council.example.gov.uk']);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openCouncilPage(page);
  await page.waitForSelector('body[data-trusted="no"]', { timeout: 20000 });
  const frame = plannerFrame(page);
  await page.selectOption('#planner-option', 'merge-2021');
  await page.selectOption('#planner-date', 'end');
  await page.waitForTimeout(800);
  const shown = await frame.evaluate(() => window.planner.state());
  assert.equal(shown.option, null, 'an untrusted host changed nothing');
  assert.equal(shown.date, null);
  assert.equal(await page.evaluate(() => window.lastPlannerState), null, 'and heard nothing beyond ready');
  // The site's owner adds the council: the next load trusts it, no cache in the way.
  trust([hostOrigin]);
  await page.reload();
  await page.waitForSelector('body[data-trusted="yes"]', { timeout: 20000 });
  await context.close();
});

test('view mode: the outline names the bodies shown and follows the option; the keyboard selects and the outline says so; edits are refused; nothing is kept', async () => {
  const page = await openPlanner(env.browser, at('?mode=view&example=herefordshire-worcestershire-2019&view=governance'));
  await settle(page, 300);
  assert.equal(await api(page, 'mode'), 'view');
  const outlineText = () => page.textContent('#reader-outline');
  const names = (await api(page, 'governance')).nodes.map((node) => node.name).filter(Boolean);
  const text = await outlineText();
  for (const name of names) assert.ok(text.includes(name), `the outline names ${name}`);
  assert.equal(await page.$('#reader-outline [data-id="hw-ccg"]'), null);
  // The walk-through's last steps are the options; Next goes through them.
  await api(page, 'showOption', 'merge-2020');
  await api(page, 'showDate', 'end');
  await settle(page, 300);
  assert.ok(await page.$('#reader-outline [data-id="hw-ccg"]'), 'the merged CCG is in the outline under the option');

  // Keyboard only: Tab into the outline, arrows, Enter selects on the canvas.
  await page.focus('#reader-outline [tabindex="0"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chosen = await page.evaluate(() => document.activeElement.dataset.id);
  await page.keyboard.press('Enter');
  await settle(page, 300);
  assert.equal(await api(page, 'selection'), chosen);
  assert.equal(await page.getAttribute(`#reader-outline [data-id="${chosen}"]`, 'aria-selected'), 'true');
  assert.ok((await page.textContent('#reader-selected')).length > 20, 'the selection is described in the live region');
  // From the canvas: ] selects the next thing, and the outline follows.
  await page.focus('#canvas');
  await page.keyboard.press(']');
  await settle(page, 300);
  const next = await api(page, 'selection');
  assert.ok(next && next !== chosen);
  assert.equal(await page.getAttribute(`#reader-outline [data-id="${next}"]`, 'aria-selected'), 'true');
  // Tab leaves the canvas: no trap.
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'canvas');

  const before = await api(page, 'currentPlan');
  const applied = await api(page, 'apply', { op: 'set', id: 'hw-ccg', field: 'name', value: 'Renamed' });
  assert.equal(applied.ok, false);
  assert.match(applied.messages.join(' '), /read-only/);
  assert.equal((await api(page, 'edit', { op: 'remove', id: 'hw-ccg' })).ok, false);
  assert.equal(await api(page, 'currentPlan'), before);
  const kept = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    cookies: document.cookie,
  }));
  assert.deepEqual(kept, { local: 0, session: 0, databases: 0, cookies: '' });
  assert.deepEqual(page.problems, []);
  await page.screenshot({ path: join(screenshotDir, 'view-mode-hw.png') });
  await page.context().close();
});

test('the walk-through steps through milestones and options with Next and Back', async () => {
  const page = await openPlanner(env.browser, at('?mode=view&example=herefordshire-worcestershire-2019'));
  await settle(page, 300);
  assert.match(await page.textContent('.walk-count'), /Step 1 of \d+/);
  const steps = Number((await page.textContent('.walk-count')).match(/of (\d+)/)[1]);
  assert.ok(steps >= 5, 'as written, three milestones and the options');
  const next = page.locator('.walk-buttons button', { hasText: 'Next' });
  for (let i = 1; i < steps; i++) await next.click();
  await settle(page, 300);
  assert.match(await page.textContent('.walk-title'), /Option/);
  const state = await api(page, 'state');
  assert.ok(state.option);
  assert.equal(state.date, 'end');
  await page.locator('.walk-buttons button', { hasText: 'Back' }).click();
  assert.match(await page.textContent('.walk-count'), new RegExp(`Step ${steps - 1} of`));
  // Opened at an option by the address, the walk starts at that option's step.
  const atOption = await openPlanner(env.browser, at('?mode=view&example=herefordshire-worcestershire-2019&option=merge-2021&date=end'));
  await settle(atOption, 300);
  assert.match(await atOption.textContent('.walk-title'), /by April 2021/);
  await atOption.context().close();
  // Terms in the captions are explained on focus.
  const term = page.locator('.walk-text .term').first();
  if (await term.count()) {
    await term.focus();
    assert.equal(await page.isVisible('#term-tip'), true);
  }
  await page.context().close();
});

async function axeViolations(page) {
  const source = await readFile(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);  // run by the test harness, not the page: the page's CSP allows no such script
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  });
}

test('axe-core finds no violations in view mode and in embed mode, text version open', async () => {
  for (const query of ['?mode=view&example=syb-acs-mou-2017&view=governance', '?mode=view&example=herefordshire-worcestershire-2019',
    '?mode=embed&example=ncl-collaboration-2015', '?mode=view&example=ncl-collaboration-2015&theme=dark&view=governance',
    '?mode=embed&example=nwl-collaboration-2018&theme=high-contrast']) {
    const page = await openPlanner(env.browser, at(query));
    await settle(page, 300);
    if (query.includes('embed')) {
      assert.deepEqual(await axeViolations(page), [], `${query}, text version closed`);
      await page.click('#text-version');
      await settle(page, 300);
    }
    await api(page, 'select', (await api(page, 'findInView', 'a'))[0].id);
    await settle(page, 300);
    assert.deepEqual(await axeViolations(page), [], query);
    await page.context().close();
  }
});

test('a 375 by 740 touch screen shows the whole drawing with no panel over it; a tap selects, a pinch zooms', async () => {
  const page = await openPlanner(env.browser, at('?mode=view&example=syb-acs-mou-2017&view=governance'),
    { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await settle(page, 500);
  const canvasBox = await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().toJSON());
  const sheet = await page.evaluate(() => document.getElementById('reader').getBoundingClientRect().toJSON());
  assert.ok(canvasBox.bottom <= sheet.top + 0.5, 'the panel is a sheet below the drawing');
  assert.ok(canvasBox.width >= 374, 'the drawing has the full width');
  const items = await api(page, 'visibleItems');
  const bands = items.filter((item) => item.role === 'band');
  assert.ok(bands.length >= 3, 'every level is on screen');
  for (const item of items) {
    assert.ok(item.x >= -1 && item.x + item.width <= canvasBox.width + 1 && item.y >= -1 && item.y + item.height <= canvasBox.height + 1,
      `${item.id} is on the canvas`);
  }
  // Nothing covers the drawing: over all of it the page's topmost element is
  // the canvas, and no panel of the planner's own is there.
  const drawing = items.reduce((box, item) => ({
    left: Math.min(box.left, item.x), top: Math.min(box.top, item.y),
    right: Math.max(box.right, item.x + item.width), bottom: Math.max(box.bottom, item.y + item.height),
  }), { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity });
  const covered = await page.evaluate(([area, origin]) => {
    const canvas = document.getElementById('canvas');
    for (let y = area.top + 2; y < area.bottom - 2; y += 10) {
      for (let x = area.left + 2; x < area.right - 2; x += 10) {
        if (document.elementFromPoint(origin.left + x, origin.top + y) !== canvas) return `page element at ${x}, ${y}`;
        if (window.planner.panelAt(x, y)) return `planner panel at ${x}, ${y}`;
      }
    }
    return null;
  }, [drawing, canvasBox]);
  assert.equal(covered, null);
  await page.screenshot({ path: join(screenshotDir, 'view-mode-375.png') });

  // A tap on a box selects it.
  const box = items.find((item) => item.role === 'body' || item.role === 'organisation');
  await page.touchscreen.tap(canvasBox.left + box.x + box.width / 2, canvasBox.top + box.y + box.height / 2);
  await settle(page, 400);
  assert.ok(await api(page, 'selection'), 'a tap selected something');
  // Two fingers moving apart zoom in.
  const zoomBefore = (await api(page, 'camera')).zoom;
  await page.evaluate(([cx, cy]) => {
    const canvas = document.getElementById('canvas');
    const touch = (id, x, y) => new Touch({ identifier: id, target: canvas, clientX: x, clientY: y });
    const fire = (type, touches, changed) => canvas.dispatchEvent(new TouchEvent(type, { touches, changedTouches: changed, bubbles: true, cancelable: true }));
    let a = touch(1, cx - 20, cy);
    let b = touch(2, cx + 20, cy);
    fire('touchstart', [a], [a]);
    fire('touchstart', [a, b], [b]);
    for (let step = 1; step <= 5; step++) {
      a = touch(1, cx - 20 - step * 12, cy);
      b = touch(2, cx + 20 + step * 12, cy);
      fire('touchmove', [a, b], [a, b]);
    }
    fire('touchend', [a], [b]);
    fire('touchend', [], [a]);
  }, [canvasBox.width / 2, canvasBox.height / 2]);
  await settle(page, 300);
  assert.ok((await api(page, 'camera')).zoom > zoomBefore * 1.5, 'the pinch zoomed in');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the page runs under its Content-Security-Policy in edit, view and embed modes, and Share / embed gives the iframe code', async () => {
  for (const mode of ['edit', 'view', 'embed']) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await watchPolicy(context);
    const page = await context.newPage();
    await page.goto(at(`?mode=${mode}&example=ncl-collaboration-2015`));
    await page.evaluate(() => window.planner.ready);
    await settle(page, 300);
    assert.deepEqual(await page.evaluate(() => window.policyViolations), [], mode);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'/);
    assert.match(policy, /'wasm-unsafe-eval'/);
    if (mode === 'edit') {
      await api(page, 'showView', 'governance');
      await api(page, 'showOption', 'joint-committee');
      await api(page, 'showEmbed');
      const code = await page.inputValue('#embed-code');
      assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?mode=embed&amp;example=ncl-collaboration-2015&amp;view=governance&amp;option=joint-committee"/);
      assert.match(code, /sandbox="allow-scripts allow-same-origin allow-popups allow-downloads"/);
      assert.match(code, /title="Diagram of who decides what in [^"<>]+"/);
      assert.match(await page.inputValue('#embed-description'), /North Central London/);
    }
    await context.close();
  }
});
