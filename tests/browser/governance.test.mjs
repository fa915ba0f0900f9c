// The governance view: every example laid out with nothing overlapping,
// and a body created, a delegation drawn and a node nudged with the mouse,
// then undone, read through window.planner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPlanner, root, screenshotDir, settle, waitFor } from './browser.mjs';
import { readdirSync, readFileSync } from 'node:fs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const LAY_OUT_AGAIN_Y = 287;  // View > Lay out again, under Fit to screen (from the menu's screenshot)
const STROKE_REVIEW = { x: 412, y: 394 };  // the new-flow dialog's third function, "Reviewing hyper-acute stroke services" (from its screenshot)
const at = (query) => new URL(query, env.url).href;
const api = (page, method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);
const centre = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(from.x + (to.x - from.x) * i / 10, from.y + (to.y - from.y) * i / 10);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  await settle(page, 200);
}

const examples = readdirSync(join(root, 'assets/examples')).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));

// The figures the unit tests hold the layout to: the page draws no worse.
const figures = JSON.parse(readFileSync(join(root, 'tests/data/layout/governance-figures.json'), 'utf8')).examples;

test('every example lays out with no boxes or labels overlapping, crossing no more than its figure', async () => {
  for (const name of examples) {
    const page = await openPlanner(env.browser, at(`?example=${name}`));
    await page.keyboard.press('2');  // the governance view
    await settle(page, 600);
    assert.equal(await api(page, 'currentView'), 'governance');
    const view = await api(page, 'governance');
    assert.equal(view.ok, true);
    const plan = JSON.parse(await api(page, 'currentPlan'));
    // Every organisation, body and post is drawn once: as a box, or as a line inside one.
    const entries = view.nodes.filter((n) => ['organisation', 'body', 'post'].includes(n.role));
    assert.equal(entries.length, plan.organisations.length + plan.bodies.length + plan.posts.length, name);
    const boxes = view.nodes.filter((n) => !(n.role === 'post' && n.parent));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) assert.equal(overlap(boxes[i], boxes[j]), false, `${name}: ${boxes[i].id} and ${boxes[j].id}`);
    }
    const labels = view.flows.filter((f) => f.labelBox).map((f) => f.labelBox);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) assert.equal(overlap(labels[i], labels[j]), false);
      for (const node of boxes) assert.equal(overlap(labels[i], node), false);
    }
    assert.ok(view.crossings <= figures[name].crossings, `${name}: ${view.crossings} crossings, at most ${figures[name].crossings} held`);
    // Every flow between two things drawn is on a line (a bundled line counts
    // for each flow it stands for), unless both ends are drawn in one box.
    const inBox = new Map(view.nodes.filter((n) => n.parent && n.role === 'post').map((n) => [n.id, n.parent]));
    const boxOf = (id) => inBox.get(id) ?? id;
    const drawn = new Set(view.nodes.map((n) => n.id));
    const lines = plan.flows.filter((f) => f.kind !== 'holds' && drawn.has(f.from) && drawn.has(f.to) && boxOf(f.from) !== boxOf(f.to));
    assert.equal(view.flows.filter((f) => f.role === 'flow').reduce((sum, f) => sum + (f.count ?? 1), 0), lines.length, name);
    await page.screenshot({ path: join(screenshotDir, `governance-${name}.png`) });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('filters hide kinds of flow, organisations and levels, and the layout closes up', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  await api(page, 'showView', 'governance');
  const all = await api(page, 'governance');
  assert.equal((await api(page, 'setGovernanceFilters', { hiddenFlows: ['regulates'], hiddenLevels: ['national'] })).ok, true);
  const some = await api(page, 'governance');
  assert.equal(some.flows.some((f) => f.kind === 'regulates'), false);
  assert.equal(some.nodes.some((n) => n.id === 'nhs-england'), false);
  assert.ok(some.nodes.length < all.nodes.length);
  assert.equal((await api(page, 'setGovernanceFilters', { memberLines: true })).ok, true);
  assert.ok((await api(page, 'governance')).flows.some((f) => f.role === 'membership'));
  const refused = await api(page, 'setGovernanceFilters', { hiddenFlows: ['gossips'] });
  assert.equal(refused.ok, false);
  assert.match(refused.messages[0], /gossips/);
  await page.context().close();
});

test('create a body, nudge it, draw a delegation to it from a governing body, then undo each step', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  const original = await api(page, 'currentPlan');
  await page.keyboard.press('2');
  await settle(page, 400);
  // The palette's "Body" button, at the top left of the canvas beside the view switch.
  await page.mouse.click(435, 67);
  await settle(page, 600);
  assert.equal(await api(page, 'selection'), 'body-1');
  let view = await api(page, 'governance');
  const body = view.nodes.find((n) => n.id === 'body-1');
  assert.ok(body, 'the new body is drawn');
  assert.equal(body.role, 'body');
  // A joint committee, so that a governing body's flow to it is offered as a delegation.
  assert.equal((await api(page, 'apply', { op: 'set', id: 'body-1', field: 'kind', value: 'joint-committee' })).ok, true);

  // Nudge: with the legend hidden (L) and the inspector closed, the new body
  // and the nearest governing body side by side on screen, drag the body
  // along its row to stand under the governing body.
  await page.keyboard.press('l');
  await api(page, 'select', null);
  view = await api(page, 'governance');
  const laidOut = view.nodes.find((n) => n.id === 'body-1');
  const gb = view.nodes.filter((n) => n.kind === 'governing-body')
    .sort((a, b) => Math.abs(a.x - laidOut.x) - Math.abs(b.x - laidOut.x))[0];
  // Both on screen, left of the inspector and clear of the toolbar.
  const zoom = Math.min(1, 800 / (Math.abs(gb.x - laidOut.x) + 400), 500 / (Math.abs(gb.y - laidOut.y) + 150));
  await api(page, 'setCamera', { x: (gb.x + laidOut.x + laidOut.width) / 2 + 150 / zoom, y: (gb.y + laidOut.y + laidOut.height) / 2, zoom });
  await settle(page, 300);
  const before = await api(page, 'itemBounds', 'body-1');
  const under = await api(page, 'itemBounds', gb.id);
  const grab = { x: before.x + 20, y: before.y + before.height / 2 };
  const dx = under.x + under.width * 1.4 - before.x;  // its left edge just right of the governing body's middle
  await drag(page, grab, { x: grab.x + dx, y: grab.y });
  const hints = JSON.parse(await api(page, 'currentPlan')).layout?.governance;
  assert.ok(hints && hints['body-1'], 'the nudge is kept in the plan');
  view = await api(page, 'governance');
  const moved = view.nodes.find((n) => n.id === 'body-1');
  assert.ok(Math.abs(moved.x - laidOut.x - dx / zoom) < 2, `moved by ${moved.x - laidOut.x}, expected ${dx / zoom}`);

  // Draw: from the governing body's + handle onto the new body.
  const from = await api(page, 'itemBounds', gb.id);
  const to = await api(page, 'itemBounds', 'body-1');
  assert.ok(from.height >= 24, `the governing body is ${from.height} pixels high: too small for its handle`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);  // hovering shows the handle
  await settle(page, 100);
  await drag(page, { x: from.x + from.width - 11, y: from.y + from.height / 2 }, centre(to));
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'governance-new-flow.png') });
  // The suggested kind is "delegates to"; a delegation names what it hands over.
  await page.mouse.click(STROKE_REVIEW.x, STROKE_REVIEW.y);
  await settle(page, 150);
  await page.keyboard.press('Enter');
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'governance-after-enter.png') });
  view = await api(page, 'governance');
  const flow = view.flows.find((f) => f.from === gb.id && f.to === 'body-1');
  assert.ok(flow, 'the delegation is drawn');
  assert.equal(flow.kind, 'delegates');
  assert.equal(await api(page, 'selection'), flow.id);
  const plan = JSON.parse(await api(page, 'currentPlan'));
  assert.deepEqual(plan.flows.find((f) => f.id === flow.id), { id: flow.id, kind: 'delegates', from: gb.id, to: 'body-1', functions: ['hasu-review'] });
  assert.match(flow.label, /delegates to New body: Reviewing hyper-acute stroke services/);
  await page.screenshot({ path: join(screenshotDir, 'governance-after-edits.png') });

  // Undo, step by step: the flow, the nudge, the kind, the body.
  await page.keyboard.press('Control+z');
  await settle(page, 150);
  assert.equal((await api(page, 'governance')).flows.some((f) => f.to === 'body-1'), false);
  await page.keyboard.press('Control+z');
  await settle(page, 150);
  assert.equal(JSON.parse(await api(page, 'currentPlan')).layout, undefined);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await settle(page, 150);
  assert.equal(await api(page, 'currentPlan'), original);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a rename keeps the other rows where they were; View > Lay out again orders the drawing afresh, as opening the plan does', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  await page.keyboard.press('2');
  await settle(page, 400);
  const before = await api(page, 'governance');
  assert.equal(before.layoutKept, false);
  const body = before.nodes.find((n) => n.id === 'barnsley-ccg');
  assert.ok(body, 'Barnsley CCG is drawn');
  const longer = 'NHS Barnsley Clinical Commissioning Group and its partners across the borough';
  assert.equal((await api(page, 'apply', { op: 'set', id: 'barnsley-ccg', field: 'name', value: longer })).ok, true);
  await settle(page, 300);
  const after = await api(page, 'governance');
  assert.equal(after.layoutKept, true);
  const renamed = after.nodes.find((n) => n.id === 'barnsley-ccg');
  assert.notDeepEqual([renamed.width, renamed.height], [body.width, body.height], 'the longer name changes the box');
  // Every box of another row keeps its place across the page.
  const sameRow = (n) => n.y < body.y + body.height && body.y < n.y + n.height;
  const others = before.nodes.filter((n) => !n.parent && !sameRow(n));
  assert.ok(others.length > 10);
  for (const n of others) assert.equal(after.nodes.find((m) => m.id === n.id).x, n.x, `${n.id} stays where it was`);
  await page.screenshot({ path: join(screenshotDir, 'governance-rename-kept.png') });

  // View > Lay out again (under Fit to screen): the drawing a fresh open of the plan gives.
  await page.mouse.move(335, 16);
  await settle(page, 150);
  await page.mouse.click(335, 16);
  await settle(page, 250);
  await page.screenshot({ path: join(screenshotDir, 'view-menu-lay-out-again.png') });
  await page.mouse.move(400, LAY_OUT_AGAIN_Y);
  await settle(page, 150);
  await page.mouse.click(400, LAY_OUT_AGAIN_Y);
  await settle(page, 400);
  const again = await api(page, 'governance');
  assert.equal(again.layoutKept, false);
  const text = await api(page, 'currentPlan');
  assert.equal((await api(page, 'openPlan', text, { name: 'renamed.json' })).ok, true);
  const fresh = await api(page, 'governance');
  assert.equal(fresh.layoutKept, false);
  const places = (view) => view.nodes.map((n) => [n.id, n.x, n.y, n.width, n.height]);
  assert.deepEqual(places(again), places(fresh));
  assert.equal(again.crossings, fresh.crossings);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('deleting a body asks first, saying what else goes, and one undo brings it all back', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  const original = await api(page, 'currentPlan');
  const preview = await api(page, 'deletePreview', 'jc-ccgs');
  assert.equal(preview.ok, true);
  assert.match(preview.statement, /^Delete "Joint Committee of Clinical Commissioning Groups"\? This also removes 7 flows to or from it/);
  await api(page, 'focus', 'jc-ccgs');
  await settle(page, 900);
  assert.equal(await api(page, 'currentView'), 'governance');
  await page.keyboard.press('Delete');
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'governance-delete.png') });
  assert.equal(await api(page, 'currentPlan'), original, 'nothing is deleted before the person confirms');
  await page.keyboard.press('Escape');
  await settle(page, 200);
  assert.equal(await api(page, 'currentPlan'), original);
  await page.context().close();
});

test('who decides: a query answered in plain English, its route lit on the canvas, and the checks listed', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  const ambiguous = await api(page, 'decide', 'review');
  assert.equal(ambiguous.ok, false);
  assert.match(ambiguous.messages[0], /matches 2 functions/);
  const answer = await api(page, 'decide', 'stroke');
  assert.equal(answer.ok, true);
  assert.equal(answer.function, 'hasu-review');
  assert.deepEqual(answer.deciders, ['jc-ccgs']);
  assert.equal(answer.holders.length, 7);
  assert.match(answer.sentence, /^Reviewing hyper-acute stroke services is decided by the Joint Committee of CCGs \(majority vote of its CCG members — assumed: /);
  assert.match(answer.sentence, /The CCG Governing Bodies of Barnsley, Bassetlaw, Doncaster, Rotherham, Sheffield, North Derbyshire and Wakefield delegated it/);
  assert.equal(await api(page, 'currentView'), 'governance');
  const barnsley = await api(page, 'decide', 'hasu-review', 'barnsley');
  assert.deepEqual(barnsley.holders, ['barnsley-ccg']);
  assert.equal(barnsley.route.length, 1);
  assert.equal(barnsley.route[0].from, 'barnsley-gb');
  await api(page, 'fit');
  await settle(page, 900);
  await page.screenshot({ path: join(screenshotDir, 'governance-who-decides.png') });
  // The reverse, and the governance checks.
  const jc = await api(page, 'decisionRights', 'jc-ccgs');
  assert.match(jc.sentence, /decides reviewing children's surgery and anaesthesia services and reviewing hyper-acute stroke services/);
  const checks = await api(page, 'governanceChecks');
  assert.ok(checks.some((c) => /Accountable Care Partnership reports to no one/.test(c.message)));
  assert.ok(checks.every((c) => c.severity === 'warning' && c.path.startsWith('/')));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
