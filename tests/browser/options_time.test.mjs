// Options and time in the page (docs/options-and-time.md): the timeline
// moves the structure through its dates, an option changes it, edits made
// under an option stay in it, and two states are compared in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPlanner, screenshotDir, settle } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const at = (query) => new URL(query, env.url).href;
const api = (page, method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);
const nodeIds = async (page) => (await api(page, 'governance')).nodes.map((n) => n.id);

// View > an item of the View menu, given its height on the screen. ImGui
// opens a menu on a frame where the pointer is already over it: the
// pointer moves there first.
async function viewMenu(page, itemY) {
  await page.mouse.move(335, 16);
  await settle(page, 150);
  await page.mouse.click(335, 16);
  await settle(page, 250);
  await page.mouse.move(400, itemY);
  await settle(page, 150);
  await page.mouse.click(400, itemY);
  await settle(page, 400);
}

// The timeline's line of dates, just above the status bar (1280 x 800 window).
const DATES_Y = 745;

test('dragging the timeline shows the plan on each date: the four CCGs merge in April 2020 under that option', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await api(page, 'showView', 'governance');
  const timeline = await api(page, 'timeline');
  assert.ok(timeline.some((e) => e.id === 'merge-2020-merge' && e.effective === '2020-04-01' && e.option === 'merge-2020'));
  assert.equal((await api(page, 'showOption', 'merge-2020')).ok, true);
  assert.ok(!(await nodeIds(page)).includes('hw-ccg'), 'as written, the option has not merged anything yet');
  // Drag the handle from the start of the line to its end.
  await page.mouse.move(40, DATES_Y);
  await page.mouse.down();
  await settle(page, 150);
  const early = await api(page, 'state');
  assert.equal(early.option, 'merge-2020');
  assert.ok(early.date && early.date < '2019-06', `the handle at the start shows an early date, not ${early.date}`);
  assert.ok(!(await nodeIds(page)).includes('hw-ccg'));
  await page.mouse.move(1240, DATES_Y, { steps: 8 });
  await page.mouse.up();
  await settle(page, 300);
  const late = await api(page, 'state');
  assert.ok(late.date > '2020-04-01', `the handle at the end shows a late date, not ${late.date}`);
  assert.ok((await nodeIds(page)).includes('hw-ccg'), 'after April 2020 the single CCG is drawn');
  assert.match(late.editsGoTo, /step dated/);
  await page.screenshot({ path: join(screenshotDir, 'timeline-after-merger.png') });
  // The arrow keys step from milestone to milestone while the timeline has focus.
  assert.equal((await api(page, 'showDate', '2019-01-01')).ok, true);
  await page.mouse.click(640, DATES_Y - 36);  // the bar's first line, away from its buttons: gives it focus
  await page.keyboard.press('ArrowRight');
  await settle(page, 200);
  const stepped = await api(page, 'state');
  assert.ok(stepped.date > '2019-01-01', `ArrowRight moves to the next milestone, not ${stepped.date}`);
  // The plan as written, again, with no option.
  await api(page, 'showOption', null);
  await api(page, 'showDate', null);
  const { option, date, description, editsGoTo } = await api(page, 'state');
  assert.deepEqual({ option, date, description, editsGoTo }, { option: null, date: null, description: 'The plan as written', editsGoTo: 'the plan as written' });
  await page.context().close();
});

test('an edit made under an option is kept in that option: the plan as written is untouched, and undo takes it back', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  const before = await api(page, 'currentPlan');
  await api(page, 'showOption', 'merge-2020');
  await api(page, 'showDate', 'end');
  const renamed = await api(page, 'apply', { op: 'rename', id: 'hw-ccg', name: 'Herefordshire and Worcestershire CCG' });
  assert.equal(renamed.ok, true, JSON.stringify(renamed));
  assert.ok((await api(page, 'governance')).nodes.some((n) => n.id === 'hw-ccg' && n.label.startsWith('Herefordshire and Worcestershire CCG')));
  const written = JSON.parse(await api(page, 'currentPlan'));
  assert.ok(!written.organisations.some((o) => o.id === 'hw-ccg'), 'the plan as written has no single CCG');
  // At "end", on the last date of anything in the plan or the option: the milestone "by 2021-03".
  const step = written.options.find((o) => o.id === 'merge-2020').steps.find((s) => s.label === 'Changes made in the planner');
  assert.equal(step.date, 'by 2021-03');
  assert.deepEqual(step.changes, [{ op: 'set', id: 'hw-ccg', field: 'name', value: 'Herefordshire and Worcestershire CCG' }]);
  // Another option does not have it.
  await api(page, 'showOption', 'merge-2021');
  assert.ok((await api(page, 'governance')).nodes.every((n) => n.label !== 'Herefordshire and Worcestershire CCG'));
  assert.equal((await api(page, 'undo')).ok, true);
  assert.equal(await api(page, 'currentPlan'), before);
  // Bad states are refused and change nothing.
  assert.equal((await api(page, 'showOption', 'merge-2022')).ok, false);
  assert.equal((await api(page, 'showDate', 'next week')).ok, false);
  assert.equal((await api(page, 'state')).option, 'merge-2021');
  await page.context().close();
});

test('two states compared: the differences in plain English through window.planner, and in a panel', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await api(page, 'showView', 'governance');
  const compared = await api(page, 'compare', { option: null, date: null }, { option: 'merge-2020', date: 'end' });
  assert.equal(compared.ok, true);
  assert.ok(compared.differences.some((d) => d.kind === 'added' && d.id === 'hw-ccg' &&
    d.sentence === 'NHS Herefordshire and Worcestershire Clinical Commissioning Group (organisation) is added.'));
  assert.ok(compared.differences.some((d) => d.kind === 'changed' && d.field === 'status' && d.id === 'wyre-forest-ccg'));
  await settle(page, 400);
  // Side by side: one layout of both states; the right half (the option) draws the single CCG, the left does not.
  const shown = await api(page, 'visibleItems');
  const single = shown.find((v) => v.id === 'hw-ccg' || v.text.includes('Herefordshire and Worcestershire CCG'));
  assert.ok(single, 'the single CCG is drawn in the right half');
  const canvasWidth = await page.evaluate(() => document.querySelector('canvas').getBoundingClientRect().width);
  assert.ok(single.x > (canvasWidth - 400) / 2 - 1, `it is in the right half (x ${single.x})`);
  assert.equal((await api(page, 'compare', { option: 'nope' }, {})).ok, false);
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'comparison-hw.png') });
  assert.equal((await api(page, 'closeCompare')).ok, true);
  // Money: each option's running cost after every change, and its computed saving beside the claim.
  const { runningCosts } = await api(page, 'appraisal');
  assert.equal(runningCosts.withoutOption.total, 10000000);
  const merge = runningCosts.options.find((o) => o.id === 'merge-2020');
  assert.deepEqual([merge.runningCost.total, merge.saving, merge.savingPercent, merge.claimed.amount, merge.gap], [8000000, 2000000, 20, 2000000, null]);
  await page.context().close();
});

test('NCL: the options panel describes each option with the appraisal; choosing one shows it at once', async () => {
  const page = await openPlanner(env.browser, at('?example=ncl-collaboration-2015'));
  const appraisal = await api(page, 'appraisal');
  assert.equal(appraisal.criteria.length, 5);
  assert.deepEqual(appraisal.options.map((o) => o.id), ['federation', 'joint-committee']);
  assert.equal(appraisal.ranking.length, 2);
  assert.ok(appraisal.options.every((o) => o.scores.every((score) => score.certainty === 'illustrative')), 'its paper gives no scores');
  assert.equal(appraisal.runningCosts, null, 'its paper gives no running costs');
  await api(page, 'showView', 'governance');
  const before = await nodeIds(page);
  await api(page, 'showOption', 'joint-committee');
  const after = await nodeIds(page);
  assert.ok(after.length > before.length, 'the joint committee option adds its bodies at once (its steps are undated)');
  await viewMenu(page, 142);  // View > Options and appraisal (the fifth item)
  await page.screenshot({ path: join(screenshotDir, 'options-ncl.png') });
  await page.context().close();
});

// The timeline's Play button, right of "End" (1280 x 800 window).
const PLAY = { x: 512, y: 711 };

test('Play steps through the milestones marking what each changes; with reduced motion it is one plain change to the end', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await api(page, 'showView', 'governance');
  await api(page, 'showOption', 'merge-2020');
  await api(page, 'showDate', '2020-03-31');
  await api(page, 'showDate', '2020-04-01');
  const step = (await api(page, 'state')).lastChanges;
  assert.deepEqual(step.added.filter((id) => id === 'hw-ccg'), ['hw-ccg']);
  assert.ok(step.changed.includes('wyre-forest-ccg'));
  assert.ok(step.removed > 0 && step.sentences.length >= step.added.length + step.changed.length + step.removed);  // a sentence per field changed
  await page.screenshot({ path: join(screenshotDir, 'timeline-step-marks.png') });
  // An edit clears the marks: they were of the move, not of the edit.
  await api(page, 'apply', { op: 'rename', id: 'hw-ccg', name: 'One CCG' });
  assert.equal((await api(page, 'state')).lastChanges, null);
  await api(page, 'undo');
  // Play from the plan as written: it moves on by itself.
  await api(page, 'showDate', null);
  await page.mouse.click(PLAY.x, PLAY.y);
  await settle(page, 2600);
  const playing = await api(page, 'state');
  assert.notEqual(playing.date, null, 'Play has moved to the first milestone');
  await page.context().close();

  const still = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'), { reducedMotion: 'reduce' });
  await api(still, 'showOption', 'merge-2020');
  await still.mouse.click(PLAY.x, PLAY.y);
  await settle(still, 300);
  assert.equal((await api(still, 'state')).date, 'end', 'with reduced motion, Play goes straight to the end');
  await still.context().close();
});

test('the Milestones panel lists each milestone in words, and renames one through the command path, with undo', async () => {
  const page = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019'));
  await api(page, 'showOption', 'merge-2020');
  await viewMenu(page, 165);  // View > Milestones (the sixth item)
  await page.mouse.click(1040, 181);  // the first milestone's label
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Public consultation closes');
  await page.keyboard.press('Enter');
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'milestones-panel.png') });
  const plan = JSON.parse(await api(page, 'currentPlan'));
  assert.equal(plan.milestones.find((m) => m.id === 'consultation-closes').label, 'Public consultation closes');
  assert.ok(plan.options.find((o) => o.id === 'merge-2020').steps.every((s) => s.label !== 'Changes made in the planner'),
    'a milestone renamed in the panel is not an edit placed in the option');
  assert.equal((await api(page, 'undo')).ok, true);
  assert.equal(JSON.parse(await api(page, 'currentPlan')).milestones[0].label, 'Consultation on the future of the four CCGs closes');
  await page.context().close();
});

test('NCL: a score typed into the appraisal changes the totals and the ranking, with undo', async () => {
  const page = await openPlanner(env.browser, at('?example=ncl-collaboration-2015'));
  await viewMenu(page, 142);  // View > Options and appraisal
  await page.mouse.move(250, 400);
  await page.mouse.wheel(0, 3000);  // down to the appraisal table
  await settle(page, 400);
  await page.mouse.click(450, 231);  // Option B's score on the first criterion
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'appraisal-ncl.png') });
  const after = await api(page, 'appraisal');
  const committee = after.options.find((o) => o.id === 'joint-committee');
  assert.equal(committee.scores[0].value, 5);
  assert.equal(committee.total, 15);
  assert.equal((await api(page, 'undo')).ok, true);
  assert.equal((await api(page, 'appraisal')).options.find((o) => o.id === 'joint-committee').total, 14);
  await page.context().close();
});

test('the address can ask for a view, an option, a date, a focus and a theme; what the plan cannot show is left out', async () => {
  const page = await openPlanner(env.browser,
    at('?example=herefordshire-worcestershire-2019&view=governance&option=merge-2020&date=end&focus=hw-ccg&theme=dark'));
  assert.equal(await api(page, 'currentView'), 'governance');
  const { option, date } = await api(page, 'state');
  assert.deepEqual({ option, date }, { option: 'merge-2020', date: 'end' });
  assert.equal(await api(page, 'selection'), 'hw-ccg');
  assert.equal(await api(page, 'theme'), 'dark');
  await page.screenshot({ path: join(screenshotDir, 'address-state.png') });
  await page.context().close();

  const bad = await openPlanner(env.browser, at('?example=herefordshire-worcestershire-2019&option=merge-2099&date=soon'));
  const state = await api(bad, 'state');
  assert.deepEqual([state.option, state.date], [null, null], 'a plan opens as written when the address asks for what it does not have');
  await bad.context().close();
});
