// docs/plan.schema.json against the plan files the planner reads and writes:
// every valid example passes (and every plan that opens with warnings),
// unknown fields pass (files from a newer minor version), hand-made bad
// documents fail at the right place, and what planner-cli convert writes
// passes too. Where planner-cli is built, it is asked to agree.
// Run: node --test tests/schema/schema.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const validDir = join(root, 'tests', 'data', 'plans', 'valid');
const cli = join(root, 'build', 'native', 'src', 'cli', 'planner-cli');
const validFiles = readdirSync(validDir).filter((name) => name.endsWith('.json')).sort();
// Plans that open with warnings are valid plans too.
const warningsDir = join(root, 'tests', 'data', 'plans', 'warnings');
const warningFiles = existsSync(warningsDir)
  ? readdirSync(warningsDir).filter((name) => name.endsWith('.json')).sort()
  : [];

const schema = JSON.parse(readFileSync(join(root, 'docs', 'plan.schema.json'), 'utf8'));
// strict: an unknown keyword or a keyword used on the wrong type is a mistake
// in the schema, so compiling fails rather than silently allowing it.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

const readPlan = (name) => JSON.parse(readFileSync(join(validDir, name), 'utf8'));
const sample = () => readPlan('herefordshire-sample.json');

function explain(errors) {
  return (errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'}: ${e.message}`).join('\n');
}

function assertValid(doc, what) {
  const ok = validate(doc);
  assert.ok(ok, `${what} should validate, but:\n${explain(validate.errors)}`);
}

// Rejected, with at least one error at (or inside) the expected place.
function assertInvalid(doc, path, what) {
  const ok = validate(doc);
  assert.equal(ok, false, `${what} should be rejected`);
  const paths = validate.errors.map((e) => e.instancePath);
  assert.ok(
    paths.some((p) => p === path || p.startsWith(`${path}/`)),
    `${what}: expected an error at ${path}, got:\n${explain(validate.errors)}`,
  );
}

function cliWorks() {
  return existsSync(cli);
}

test('the schema is draft 2020-12 and compiles in strict mode', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(typeof validate, 'function');
});

test('there are valid example plans to check', () => {
  assert.ok(validFiles.length > 0, `no .json files in ${validDir}`);
});

for (const name of validFiles) {
  test(`valid example ${name} validates`, () => {
    assertValid(readPlan(name), name);
  });
}

for (const name of warningFiles) {
  test(`plan with warnings ${name} validates`, () => {
    assertValid(JSON.parse(readFileSync(join(warningsDir, name), 'utf8')), name);
  });
}

// A plan as a newer minor version might write it: unknown fields at several
// levels. The planner opens it (with warnings) and so must the schema.
function withUnknownFields() {
  const doc = sample();
  doc.schemaVersion = '1.7';
  doc.futureTopLevel = { anything: [1, 2, 3] };
  doc.units[0].futureUnitField = 'kept';
  doc.organisations[0].futureFlag = true;
  doc.bodies[0].members[0].futureMemberField = 3;
  doc.bodies[0].voting = { method: 'majority', futureVotingField: null };
  doc.bands = { practice: { min: 1000, max: 10000, futureBandField: 'x' }, futureLayer: { min: 1 } };
  const option = doc.options[0];
  option.saving.futureMoneyField = 'x';
  option.scores[0].futureScoreField = 1;
  option.consultation.futurePeriodField = 'x';
  option.steps[0].futureStepField = 'x';
  option.steps[0].changes[0].futureCommandField = 'x';
  option.steps[0].changes[0].value.futureEntityField = 'x';
  doc.glossary[0].futureGlossaryField = {};
  return doc;
}

test('unknown fields at several levels still validate (a newer minor version)', () => {
  assertValid(withUnknownFields(), 'a plan with unknown fields');
});

// Hand-made bad documents, each with where the problem is. The planner
// refuses every one of them too (checked below when planner-cli is built).
const badDocuments = [
  ['registeredPopulation as text', '/units/1/registeredPopulation', (doc) => { doc.units[1].registeredPopulation = '192000'; }],
  ['an unknown organisation kind', '/organisations/0/kind', (doc) => { doc.organisations[0].kind = 'trust'; }],
  ['a unit with no name', '/units/2', (doc) => { delete doc.units[2].name; }],
  ['an id with a space', '/units/0/id', (doc) => { doc.units[0].id = 'hereford city'; }],
  ['the date "Mar 18"', '/sources/0/date', (doc) => { doc.sources[0].date = 'Mar 18'; }],
  ['schemaVersion "2.0"', '/schemaVersion', (doc) => { doc.schemaVersion = '2.0'; }],
];
const badDocument = (change) => {
  const doc = sample();
  change(doc);
  return doc;
};

for (const [what, path, change] of badDocuments) {
  test(`rejected: ${what}`, () => {
    assertInvalid(badDocument(change), path, what);
  });
}

// null in an optional field: the planner reads it as the field's default.
function withNulls() {
  const doc = sample();
  doc.description = null;
  doc.units[1].registeredPopulation = null;
  doc.units[1].code = null;
  doc.organisations[0].area = null;
  doc.bands = { community: null, practice: { min: 1000, max: null } };
  return doc;
}

test('null for an optional field validates', () => {
  assertValid(withNulls(), 'a plan with nulls in optional fields');
});

test('registeredPopulation must be a whole number of 0 or more, not a fraction or below 0', () => {
  for (const bad of [12000.5, -1, true, 18446744073709551615]) {
    const doc = sample();
    doc.units[1].registeredPopulation = bad;
    assertInvalid(doc, '/units/1/registeredPopulation', `registeredPopulation ${JSON.stringify(bad)}`);
  }
  const doc = sample();
  doc.units[1].registeredPopulation = 12000.0;  // the planner accepts a whole number written with .0
  assertValid(doc, 'registeredPopulation 12000.0');
});

test('a required field given as null is rejected like a missing one', () => {
  const nulled = sample();
  nulled.units[2].name = null;
  assertInvalid(nulled, '/units/2/name', 'a unit whose name is null');
});

test('ids: a bad first character, an empty id or one over 128 characters is rejected', () => {
  for (const bad of ['-hw', '', 'x'.repeat(129), 'hw/1']) {
    const doc = sample();
    doc.units[0].id = bad;
    assertInvalid(doc, '/units/0/id', `id ${JSON.stringify(bad)}`);
  }
  const doc = sample();
  doc.units[0].id = `E54000019.sub-icb:01_${'x'.repeat(107)}`;  // 128 characters
  assertValid(doc, 'a 128-character id using every allowed sign');
});

// Dates the planner reads, and dates it refuses for their shape (the schema
// cannot see that 2018-02-30 does not exist or that 2017/19 skips a year).
const goodDates = [
  '2018-03-31', '2018-03', '2018', '2017/18', '2017/18 Q4', 'by 2017/18', 'During 2018-03',
  'from 2019', 'BY 2020-04-01', '  by   2018/19  q1 ', '1900', '2200/01', 'within 2017/18',
];
const badDates = [
  'Mar 18', 'by end October 2017', '2018-3', '2018-13', '2018-03-32', '2017/18Q1',
  '2017/18 Q5', '1899', '2201', 'by', '18/19', '2018-03-31T00:00', 'on 2018',
];

test('dates: the forms the planner reads pass, others fail', () => {
  for (const date of goodDates) {
    const doc = sample();
    doc.asOf = date;
    assertValid(doc, `date ${JSON.stringify(date)}`);
  }
  for (const date of badDates) {
    const doc = sample();
    doc.asOf = date;
    assertInvalid(doc, '/asOf', `date ${JSON.stringify(date)}`);
  }
});

test('schemaVersion must be 1.x', () => {
  for (const bad of ['2.0', '1', '1.0.0', 1.0, 'v1.0']) {
    const doc = sample();
    doc.schemaVersion = bad;
    assertInvalid(doc, '/schemaVersion', `schemaVersion ${JSON.stringify(bad)}`);
  }
  const missing = sample();
  delete missing.schemaVersion;
  assertInvalid(missing, '', 'a plan with no schemaVersion');
});

test('rules inside one object: flows, members and the plan\'s milestones', () => {
  let doc = sample();
  doc.flows[0].to = 'herefordshire-ccg';  // a "holds" flow has no "to"
  assertInvalid(doc, '/flows/0', 'a holds flow with a "to"');

  doc = sample();
  delete doc.flows[1].to;  // an "assures" flow needs one
  assertInvalid(doc, '/flows/1', 'an assures flow with no "to"');

  doc = sample();
  doc.flows[0].functions = [];  // holds names at least one function
  assertInvalid(doc, '/flows/0', 'a holds flow with no functions');

  doc = sample();
  doc.bodies[0].members[0].post = 'some-post';  // both an organisation and a post
  assertInvalid(doc, '/bodies/0/members/0', 'a member that is both');

  doc = sample();
  doc.milestones = [{ id: 'undated', label: 'No date' }];
  assertInvalid(doc, '/milestones/0', 'a plan milestone with no date');

  doc = sample();
  delete doc.options[0].steps[0].date;  // an option's step may be undated
  assertValid(doc, 'an undated option step');
});

test('changes: each op needs its members, and added entries are checked', () => {
  const withChange = (change) => {
    const doc = sample();
    doc.options[0].steps[0].changes = [change];
    return doc;
  };
  const at = '/options/0/steps/0/changes/0';
  const good = [
    { op: 'add', collection: 'units', value: { id: 'new-pcn', name: 'New PCN', layer: 'pcn', parent: 'herefordshire' }, index: 0 },
    { op: 'remove', id: 'practice-c' },
    { op: 'set', id: 'herefordshire-ccg', field: 'status', value: 'merged' },
    { op: 'set', id: 'herefordshire-ccg', field: 'successor', value: null },
    { op: 'rename', id: 'herefordshire', name: 'One Herefordshire' },
    { op: 'move', id: 'practice-c', parent: 'north-west' },
    { op: 'setPlan', field: 'name', value: 'Renamed plan' },
    { op: 'batch', label: 'Two changes', commands: [{ op: 'remove', id: 'practice-c' }, { op: 'remove', id: 'practice-b' }] },
  ];
  for (const change of good) assertValid(withChange(change), `a "${change.op}" change`);

  const bad = [
    [{ op: 'merge', id: 'x' }, 'an unknown op'],
    [{ op: 'add', collection: 'wards', value: {} }, 'an add to an unknown collection'],
    [{ op: 'add', collection: 'units', value: { id: 'u', layer: 'pcn' } }, 'an add of a unit with no name'],
    [{ op: 'remove' }, 'a remove with no id'],
    [{ op: 'set', id: 'x', field: 'status' }, 'a set with no value'],
    [{ op: 'rename', id: 'x' }, 'a rename with no name'],
    [{ op: 'batch', commands: [{ op: 'remove' }] }, 'a batch with a bad change inside'],
    ['remove x', 'a change that is not an object'],
  ];
  for (const [change, what] of bad) assertInvalid(withChange(change), at, what);
});

// The first ```json block of docs/plan-format.md: its complete example plan.
function docExample() {
  const text = readFileSync(join(root, 'docs', 'plan-format.md'), 'utf8');
  const block = /```json\n([\s\S]*?)```/.exec(text);
  assert.ok(block, 'docs/plan-format.md has no ```json example');
  return JSON.parse(block[1]);
}

test('the example plan in docs/plan-format.md validates', () => {
  assertValid(docExample(), 'the example in docs/plan-format.md');
});

// planner-cli validate on a document: true when the planner opens it.
function plannerOpens(doc) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-schema-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(doc));
  try {
    execFileSync(cli, ['validate', file], { stdio: 'ignore' });
    return true;
  } catch (error) {
    if (error.status === 1) return false;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const skipCli = { skip: !cliWorks() && `no ${cli}` };

test('planner-cli opens the example in docs/plan-format.md', skipCli, () => {
  assert.ok(plannerOpens(docExample()), 'planner-cli validate refuses the example');
});

test('the planner also opens the plans with unknown fields and nulls, and refuses the bad documents', skipCli, () => {
  assert.ok(plannerOpens(withUnknownFields()), 'planner-cli validate refuses the plan with unknown fields');
  assert.ok(plannerOpens(withNulls()), 'planner-cli validate refuses the plan with nulls');
  for (const [what, , change] of badDocuments) {
    assert.equal(plannerOpens(badDocument(change)), false, `the planner opens ${what}`);
  }
});

test('the planner agrees with the schema about those dates', skipCli, () => {
  for (const date of goodDates) {
    const doc = sample();
    doc.asOf = date;
    assert.equal(plannerOpens(doc), true, `the planner refuses the date ${JSON.stringify(date)}`);
  }
  for (const date of badDates) {
    const doc = sample();
    doc.asOf = date;
    assert.equal(plannerOpens(doc), false, `the planner accepts the date ${JSON.stringify(date)}`);
  }
});

test('what planner-cli convert writes validates', skipCli, () => {
  for (const name of validFiles) {
    const out = execFileSync(cli, ['convert', join(validDir, name), '-o', '-'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assertValid(JSON.parse(out), `planner-cli convert ${name}`);
  }
});
