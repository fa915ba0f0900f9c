#!/usr/bin/env node
// Fills the practice and PCN layers of the example plans in assets/examples/
// from NHS Digital's published extracts, and rewrites each plan in the
// house style (one entry per line where it fits).
//
//   node scripts/refresh-examples.mjs [--data DIR] [FILE...]
//
// DIR defaults to ../shared/data/nhs beside the repository. The script owns
// every unit of layer "pcn" or "practice" in the files it touches: it removes
// them and adds them again from the data, under the place of the CCG whose
// ODS `code` the PCN's parent CCG has. Everything else in a plan is kept.
// Run it after editing an example; CI does not run it.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { data: resolve(root, '../shared/data/nhs'), files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data') args.data = resolve(argv[++i]);
    else args.files.push(resolve(argv[i]));
  }
  if (args.files.length === 0) {
    const dir = join(root, 'assets/examples');
    args.files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
  }
  return args;
}

// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

function readTable(path) {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

// Published names are in capitals; people write them in title case.
const keepUpper = new Set(['NHS', 'PCN', 'CCG', 'GP', 'GPS', 'PMS', 'APMS', 'GMS', 'UK', 'HC', 'MC', 'ICS', 'STP',
  'PCT', 'II', 'III', 'IV', 'NW', 'NE', 'SE', 'SW', 'N', 'S', 'E', 'W', 'LLP', 'CIC', 'LTD', 'UCC', 'WIC', 'H&W']);
const lowerWords = new Set(['and', 'of', 'on', 'in', 'at', 'by', 'for', 'upon', 'with']);
// Abbreviations without vowels stay in capitals (WBC), except these.
const shortWords = new Set(['DR', 'ST', 'MR', 'MRS', 'MS', 'RD', 'LTD', 'SQ', 'PL', 'CT', 'DRS']);

export function titleCase(name) {
  return name.split(/(\s+|-|\/|\(|\))/).map((word, index) => {
    if (!/[A-Za-z]/.test(word)) return word;
    const upper = word.toUpperCase();
    if (keepUpper.has(upper.replace(/[.,']/g, ''))) return upper === 'GPS' ? 'GPs' : upper;
    const letters = upper.replace(/[^A-Z]/g, '');
    if (letters.length >= 2 && !/[AEIOUY]/.test(letters) && !shortWords.has(letters)) return upper;
    const lower = word.toLowerCase();
    if (index > 0 && lowerWords.has(lower)) return lower;
    // "ST JOHN'S" -> "St John's"; "MCKENZIE" -> "McKenzie"
    let out = lower.charAt(0).toUpperCase() + lower.slice(1);
    if (/^Mc[a-z]/.test(out)) out = 'Mc' + out.charAt(2).toUpperCase() + out.slice(3);
    return out;
  }).join('');
}

function loadNhsData(dir) {
  const memberships = readTable(join(dir, 'ePCN-core-partners_2019-12_seed-ccgs.csv'))
    .filter((r) => r['Practice to PCN Relationship End Date'] === '');
  const lists = new Map();
  for (const r of readTable(join(dir, 'gp-list-sizes_2021-01_seed-ccgs.csv'))) {
    if (r.SEX === 'ALL' && r.AGE === 'ALL') lists.set(r.CODE, Number(r.NUMBER_OF_PATIENTS));
  }
  return { memberships, lists };
}

const dataSources = [
  { id: 'nhs-digital-epcn-2019-12', title: 'ePCN: PCN Core Partner Details', publisher: 'NHS Digital', date: '2019-12',
    note: 'Which GP practices belong to which Primary Care Network. Open Government Licence v3.0.' },
  { id: 'nhs-digital-gp-list-2021-01', title: 'Patients Registered at a GP Practice, January 2021', publisher: 'NHS Digital', date: '2021-01',
    note: 'Registered patients at each practice (all ages). Open Government Licence v3.0.' },
];
const unitSource = 'NHS Digital: ePCN 2019-12, patients 2021-01';

function dataNote(plan, placeIds) {
  return {
    id: 'nhs-data-note', title: 'Where the practices and PCNs come from',
    text: 'The GP practices and Primary Care Networks (PCNs) are real: practice membership of PCNs from NHS Digital\'s ePCN list ' +
      '(December 2019) and each practice\'s registered patients from NHS Digital (January 2021). ' +
      (plan.asOf && plan.asOf < '2019-07'
        ? 'PCNs were formed in July 2019, after this document was written; they are shown so that the layers can be seen with real practices. '
        : '') +
      'Registered patients are not the same as the people who live in an area, so a place\'s own figure and the sum of its practices can differ. ' +
      'Many practices and some PCNs are larger or smaller than the guidance bands, and the planner says so.',
    about: placeIds,
  };
}

function refresh(plan, data) {
  const units = plan.units ?? [];
  const kept = units.filter((u) => u.layer !== 'pcn' && u.layer !== 'practice');
  const unitById = new Map(units.map((u) => [u.id, u]));
  // A CCG's area names its place, or (after an earlier run) its PCNs inside one.
  const placeOf = (id) => {
    for (let unit = unitById.get(id), depth = 0; unit && depth < 8; unit = unitById.get(unit.parent), depth++) {
      if (unit.layer === 'place') return unit.id;
    }
    return undefined;
  };
  const ccgs = (plan.organisations ?? []).filter((o) => o.kind === 'ccg' && o.code);
  const placeOfCcg = new Map();
  for (const ccg of ccgs) {
    const place = (ccg.area ?? []).map(placeOf).find(Boolean);
    if (place) placeOfCcg.set(ccg.code, place);
  }

  const pcns = new Map();
  for (const r of data.memberships) {
    const place = placeOfCcg.get(r['PCN Parent CCG Code']);
    if (!place) continue;
    const pcn = pcns.get(r['PCN Code']) ?? { id: r['PCN Code'], name: titleCase(r['PCN Name']), ccg: r['PCN Parent CCG Code'], place, practices: [] };
    pcn.practices.push({ code: r['Partner Organisation Code'], name: titleCase(r['Partner Name']) });
    pcns.set(pcn.id, pcn);
  }
  if (pcns.size === 0) return { plan, pcns: 0, practices: 0, missing: [] };

  const added = [];
  const missing = [];
  for (const place of kept.filter((u) => u.layer === 'place')) {
    const here = [...pcns.values()].filter((p) => p.place === place.id).sort((a, b) => a.name.localeCompare(b.name));
    for (const pcn of here) {
      added.push({ id: pcn.id, name: pcn.name, layer: 'pcn', code: pcn.id, parent: place.id, source: unitSource });
      for (const practice of pcn.practices.sort((a, b) => a.name.localeCompare(b.name))) {
        const unit = { id: practice.code, name: practice.name, layer: 'practice', code: practice.code };
        const list = data.lists.get(practice.code);
        if (list !== undefined) unit.registeredPopulation = list;
        else {
          missing.push(practice.code);
          unit.note = 'No registered-patient figure for January 2021: the practice had closed or merged by then.';
        }
        unit.parent = pcn.id;
        unit.source = unitSource;
        added.push(unit);
      }
    }
  }

  // A CCG alone in its place commissions for the place; CCGs sharing a place
  // (three over Worcestershire) commission for their own PCNs.
  for (const ccg of ccgs) {
    const place = placeOfCcg.get(ccg.code);
    if (!place) continue;
    const sharing = ccgs.filter((o) => placeOfCcg.get(o.code) === place).length;
    const own = [...pcns.values()].filter((p) => p.ccg === ccg.code).map((p) => p.id);
    ccg.area = sharing > 1 && own.length > 0 ? own : [place];
  }

  plan.units = [...kept, ...added];
  const otherSources = (plan.sources ?? []).filter((s) => !dataSources.some((d) => d.id === s.id));
  plan.sources = [...otherSources, ...dataSources];
  const otherNotes = (plan.notes ?? []).filter((n) => n.id !== 'nhs-data-note');
  plan.notes = [...otherNotes, dataNote(plan, [...new Set([...pcns.values()].map((p) => p.place))])];
  return { plan, pcns: pcns.size, practices: added.length - pcns.size, missing };
}

// House style: a value goes on one line when it fits, otherwise one member
// per line; so collections read as one entry per line.
const width = 200;
function inline(value) {
  if (Array.isArray(value)) return '[' + value.map(inline).join(', ') + ']';
  if (value && typeof value === 'object') {
    return '{' + Object.entries(value).map(([k, v]) => JSON.stringify(k) + ': ' + inline(v)).join(', ') + '}';
  }
  return JSON.stringify(value);
}
export function format(value, indent = '', key = '', top = true) {
  const one = inline(value);
  if (!top && (indent.length + key.length + one.length <= width || value === null || typeof value !== 'object')) return one;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[\n' + value.map((v) => indent + '  ' + format(v, indent + '  ', '', false)).join(',\n') + '\n' + indent + ']';
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return '{\n' + entries.map(([k, v]) => {
    const head = indent + '  ' + JSON.stringify(k) + ': ';
    return head + format(v, indent + '  ', head.trimStart(), false);
  }).join(',\n') + '\n' + indent + '}';
}

const args = parseArgs(process.argv.slice(2));
const data = loadNhsData(args.data);
for (const file of args.files) {
  const result = refresh(JSON.parse(readFileSync(file, 'utf8')), data);
  writeFileSync(file, format(result.plan) + '\n');
  const missing = result.missing.length ? `; ${result.missing.length} with no list size (${result.missing.join(', ')})` : '';
  console.log(`${file}: ${result.pcns} PCNs, ${result.practices} practices${missing}`);
}
