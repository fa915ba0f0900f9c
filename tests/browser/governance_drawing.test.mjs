// The governance drawing (docs/views.md): levels as bands, posts drawn
// inside the box they belong to, groups of a host and its bodies, folding,
// orthogonal lines, and what the canvas shows, read through window.planner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPlanner, screenshotDir, settle } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const at = (query) => new URL(query, env.url).href;
const api = (page, method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);

test('levels are bands from national down, and every line runs across and up, never slanting', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  const view = await api(page, 'governance');
  assert.deepEqual(view.bands.map((b) => b.level), ['national', 'system', 'place']);
  for (let i = 1; i < view.bands.length; i++) assert.ok(view.bands[i].y >= view.bands[i - 1].y + view.bands[i - 1].height - 0.01);
  const nhse = view.nodes.find((n) => n.id === 'nhs-england');
  assert.equal(nhse.level, 'national');
  assert.equal(view.nodes.find((n) => n.id === 'jc-ccgs').level, 'system');
  for (const flow of view.flows) {
    for (let i = 1; i < flow.points.length; i++) {
      const [a, b] = [flow.points[i - 1], flow.points[i]];
      assert.ok(a[0] === b[0] || a[1] === b[1], `${flow.id} slants between ${a} and ${b}`);
    }
  }
  await page.context().close();
});

test('a post without a line of its own is drawn inside its organisation, and can be selected and found there', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  const view = await api(page, 'governance');
  const post = view.nodes.find((n) => n.id === 'barnsley-ccg-ao');
  assert.equal(post.role, 'post');
  assert.equal(post.parent, 'barnsley-ccg');
  const box = view.nodes.find((n) => n.id === 'barnsley-ccg');
  assert.ok(post.x >= box.x && post.x + post.width <= box.x + box.width && post.y >= box.y && post.y + post.height <= box.y + box.height);
  // A governing body is drawn in one group with the CCG that hosts it.
  const group = view.groups.find((g) => g.id === 'barnsley-ccg');
  assert.ok(group.members.includes('barnsley-gb'));
  assert.equal(view.nodes.find((n) => n.id === 'barnsley-gb').parent, 'barnsley-ccg');
  // Selecting and focusing the post inside the box.
  assert.equal((await api(page, 'focus', 'barnsley-ccg-ao')).ok, true);
  await settle(page, 600);
  assert.equal(await api(page, 'selection'), 'barnsley-ccg-ao');
  const bounds = await api(page, 'itemBounds', 'barnsley-ccg-ao');
  assert.equal(bounds.ok, true);
  // What the canvas drew there: the post's title, readable.
  const shown = (await api(page, 'visibleItems')).find((v) => v.id === 'barnsley-ccg-ao');
  assert.ok(shown, 'the post is on screen');
  assert.equal(shown.parent, 'barnsley-ccg');
  assert.match(shown.text, /Accountable Officer/);
  assert.ok(shown.textPx >= 11, `${shown.textPx} px`);
  await page.screenshot({ path: join(screenshotDir, 'governance-post-inside.png') });
  await page.context().close();
});

test('a group folds into its host\'s box, with its lines, and unfolds again; so does a set of like boxes', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  const before = await api(page, 'governance');
  const toGoverningBody = before.flows.filter((f) => f.from === 'barnsley-gb' || f.to === 'barnsley-gb').length;
  assert.equal((await api(page, 'fold', 'barnsley-ccg')).ok, true);
  let view = await api(page, 'governance');
  assert.equal(view.nodes.some((n) => n.id === 'barnsley-gb'), false, 'the folded body is not drawn');
  const host = view.nodes.find((n) => n.id === 'barnsley-ccg');
  assert.equal(host.folded, true);
  assert.ok(host.holds.includes('barnsley-gb'));
  assert.equal(view.flows.some((f) => f.from === 'barnsley-gb' || f.to === 'barnsley-gb'), false);
  if (toGoverningBody > 0) assert.ok(view.flows.some((f) => f.from === 'barnsley-ccg' || f.to === 'barnsley-ccg'));
  assert.equal((await api(page, 'unfold', 'barnsley-ccg')).ok, true);
  view = await api(page, 'governance');
  assert.ok(view.nodes.some((n) => n.id === 'barnsley-gb'));

  assert.equal((await api(page, 'fold', 'set/place/acute-trust')).ok, true);
  view = await api(page, 'governance');
  const trusts = view.nodes.find((n) => n.id === 'set/place/acute-trust');
  assert.equal(trusts.folded, true);
  assert.equal(trusts.level, 'place');
  assert.ok(trusts.holds.length >= 5);
  assert.equal((await api(page, 'select', 'set/place/acute-trust')).ok, true);
  await settle(page, 400);
  await page.screenshot({ path: join(screenshotDir, 'governance-folded-set.png') });
  assert.equal((await api(page, 'unfold', 'set/place/acute-trust')).ok, true);

  const refused = await api(page, 'fold', 'nowhere');
  assert.equal(refused.ok, false);
  assert.match(refused.messages[0], /nowhere/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('what the canvas shows is listed with its words and their size', async () => {
  const page = await openPlanner(env.browser, at('?example=ncl-collaboration-2015'));
  await api(page, 'showView', 'governance');
  await settle(page, 400);
  const items = await api(page, 'visibleItems');
  const board = items.find((v) => v.id === 'collab-board');
  assert.ok(board, 'the Collaboration Board is on screen');
  assert.equal(board.role, 'body');
  assert.match(board.text, /Collaboration Board/);
  assert.ok(board.textPx >= 11);
  assert.ok(items.some((v) => v.role === 'band'));
  assert.ok(items.some((v) => v.role === 'flow'));
  await page.context().close();
});

test('every example opens with a name in every box and band on screen, none under 11 px', async () => {
  for (const name of ['syb-acs-mou-2017', 'syb-working-together-2013', 'nwl-collaboration-2018', 'ncl-collaboration-2015', 'herefordshire-worcestershire-2019']) {
    const page = await openPlanner(env.browser, at(`?example=${name}`));
    await api(page, 'showView', 'governance');
    await settle(page, 400);
    const items = await api(page, 'visibleItems');
    // Boxes: organisations, bodies, posts with a box of their own, programmes, lists of
    // posts, and groups drawn as one block (an open group's frame has no words of its own).
    const boxes = items.filter((v) => ['organisation', 'body', 'programme', 'post-list'].includes(v.role) ||
      (v.role === 'post' && !v.parent));
    assert.ok(boxes.length > 0, name);
    for (const box of boxes) {
      assert.notEqual(box.text, '', `${name}: ${box.id} is blank`);
      assert.ok(box.textPx >= 11, `${name}: ${box.id}'s name is ${box.textPx} px`);
    }
    for (const item of items.filter((v) => v.text)) assert.ok(item.textPx >= 11, `${name}: ${item.id} (${item.role}) at ${item.textPx} px`);
    // Each band is named in full at its left edge ("National", not "Nat…").
    for (const band of items.filter((v) => v.role === 'band')) {
      assert.equal(band.text.toLowerCase(), band.id.replace('band/', ''), `${name}: ${band.id} shows ${JSON.stringify(band.text)}`);
    }
    await page.screenshot({ path: join(screenshotDir, `governance-opening-${name}.png`) });
    await page.context().close();
  }
});

test('show only what touches a box, then everything again in one step', async () => {
  const page = await openPlanner(env.browser, at('?example=syb-acs-mou-2017'));
  const all = await api(page, 'governance');
  assert.equal(all.only, null);
  assert.equal((await api(page, 'select', 'jc-ccgs')).ok, true);
  assert.equal((await api(page, 'setGovernanceFilters', { only: 'jc-ccgs' })).ok, true);
  const some = await api(page, 'governance');
  assert.equal(some.only, 'jc-ccgs');
  assert.ok(some.nodes.some((n) => n.id === 'jc-ccgs'));
  assert.ok(some.nodes.some((n) => n.id === 'barnsley-gb'), 'a governing body that delegates to it');
  assert.ok(some.nodes.length < all.nodes.length / 2, `${some.nodes.length} of ${all.nodes.length}`);
  await settle(page, 500);
  await page.screenshot({ path: join(screenshotDir, 'governance-only-joint-committee.png') });
  // The toolbar's "Show everything", right of Filters.
  await page.mouse.click(658, 67);
  await settle(page, 300);
  const again = await api(page, 'governance');
  assert.equal(again.only, null);
  assert.equal(again.nodes.length, all.nodes.length);
  const refused = await api(page, 'setGovernanceFilters', { only: 'nowhere' });
  assert.equal(refused.ok, false);
  await page.context().close();
});
