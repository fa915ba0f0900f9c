// Lays out one graph with dagre and with elkjs's layered algorithm, each in
// a child process killed at a time limit, for the comparison with our own
// layered layout in docs/performance.md (scripts/bench runs it).
//
//   node tests/bench/layout_compare.mjs GRAPH.json [--limit SECONDS] [--only dagre|elk]
//   node tests/bench/layout_compare.mjs --quality LINES.json [--json]
// The second form reads what tests/bench/governance_quality prints for the
// examples and prints the quality table of docs/performance.md: elkjs
// layered (direction up, orthogonal routing, the bands as its partitions)
// lays out the same top-level blocks and lines as our governance drawing.
//
// GRAPH.json is {nodes: [{id, width, height}], edges: [{id, source, target}]},
// each edge's target drawn above its source (tests/bench/governance_bench.cpp
// writes it). Prints one JSON line: for each library {status: "ok" |
// "timeout" | "error", ms, limitMs, message}, and the graph's size. Only the
// layout call is timed. Exit 0 (a time-out is a result), 2 for a usage error
// or an unreadable graph.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// In the child: lay the graph out with one library and report the time.
async function layOut(library, path) {
  const graph = JSON.parse(readFileSync(path, 'utf8'));
  if (library === 'dagre') {
    const dagre = require('@dagrejs/dagre');
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'BT', nodesep: 28, ranksep: 44, edgesep: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of graph.nodes) g.setNode(n.id, { width: n.width, height: n.height });
    for (const e of graph.edges) g.setEdge(e.source, e.target, {}, e.id);
    const start = performance.now();
    dagre.layout(g);
    return performance.now() - start;
  }
  const ELK = require('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const input = {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'UP' },
    children: graph.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const start = performance.now();
  await elk.layout(input);
  return performance.now() - start;
}

function runChild(library, path, limitMs) {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', library, path], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ limitMs, ...result });
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ status: 'timeout', ms: null, message: `did not finish in ${limitMs / 1000} s` });
    }, limitMs);
    child.on('message', (ms) => finish({ status: 'ok', ms, message: '' }));
    child.on('exit', (code) => finish({ status: 'error', ms: null, message: stderr.trim().split('\n').at(-1) || `exit code ${code}` }));
  });
}

// --- the quality table: our governance drawing against elkjs's on the same blocks ---
// Crossings where ink crosses (collinear overlaps merged, corners and
// branchings not counted), as src/layout/orthogonal_routes.cpp counts them.
function countCrossings(lines) {
  const across = new Map();
  const down = new Map();
  const add = (map, key, a, b) => { if (!map.has(key)) map.set(key, []); map.get(key).push([Math.min(a, b), Math.max(a, b)]); };
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1], line[i]];
      if (a.y === b.y && a.x !== b.x) add(across, a.y, a.x, b.x);
      else if (a.x === b.x && a.y !== b.y) add(down, a.x, a.y, b.y);
    }
  }
  const merge = (pieces) => {
    pieces.sort((p, q) => p[0] - q[0]);
    const out = [];
    for (const piece of pieces) {
      if (out.length && piece[0] <= out[out.length - 1][1]) out[out.length - 1][1] = Math.max(out[out.length - 1][1], piece[1]);
      else out.push([...piece]);
    }
    return out;
  };
  const horizontals = [];
  for (const [y, pieces] of across) for (const [x0, x1] of merge(pieces)) horizontals.push({ y, x0, x1 });
  let crossings = 0;
  for (const [x, pieces] of down) {
    for (const [y0, y1] of merge(pieces)) {
      for (const h of horizontals) if (h.x0 < x && x < h.x1 && y0 < h.y && h.y < y1) crossings++;
    }
  }
  return crossings;
}

const lengthOf = (lines) => lines.reduce((sum, line) => sum + line.slice(1).reduce((s, p, i) => s + Math.abs(p.x - line[i].x) + Math.abs(p.y - line[i].y), 0), 0);
// The canvas of a 1280 x 800 window, less the menu and status bars.
const canvas = { width: 1280, height: 740 };
const fitZoom = (width, height) => Math.min((canvas.width - 48) / width, (canvas.height - 48) / height);
const nameSize = 13;  // a box's name, in world units (CSS pixels at 100%)

async function elkQuality(graph) {
  const ELK = require('elkjs/lib/elk.bundled.js');
  const bands = [...new Set(graph.nodes.map((n) => n.band))].sort((a, b) => a - b);
  const input = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered', 'elk.direction': 'UP', 'elk.edgeRouting': 'ORTHOGONAL',
      'elk.partitioning.activate': 'true', 'elk.spacing.nodeNode': '40', 'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.edgeEdge': '8', 'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
      // Without this, elkjs lays out each connected piece on its own and the
      // partitions (our bands) hold only within a piece: NHS England came out
      // below a system body it is not connected to.
      'elk.separateConnectedComponents': 'false',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height,
      layoutOptions: { 'elk.partitioning.partition': String(bands.indexOf(n.band)) } })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await new ELK().layout(input);
  const lines = (out.edges || []).flatMap((e) => (e.sections || []).map((s) => [s.startPoint, ...(s.bendPoints || []), s.endPoint]));
  return { crossings: countCrossings(lines), length: Math.round(lengthOf(lines)), width: Math.round(out.width), height: Math.round(out.height) };
}

async function qualityTable(path) {
  const rows = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const table = [];
  for (const row of rows) {
    const elk = await elkQuality(row.graph);
    const ours = row.ours;
    const name = row.plan.split('/').pop().replace('.json', '');
    const zoom = (q) => fitZoom(q.width, q.height);
    table.push({ name, blocks: row.graph.nodes.length, lines: row.graph.edges.length, ours, elk,
      oursZoom: zoom(ours), elkZoom: zoom(elk) });
  }
  return table;
}

const args = process.argv.slice(2);
if (args[0] === '--quality') {
  const table = await qualityTable(args[1]);
  if (args.includes('--json')) {
    console.log(JSON.stringify(table));
  } else {
    const n = (x) => Math.round(x).toLocaleString('en-GB');
    const z = (x) => `${Math.round(x * 100)}%`;
    const px = (x) => (x * nameSize).toFixed(1);
    console.log('| example | blocks / lines | crossings (ours / elkjs) | line length (ours / elkjs) | area, world units (ours / elkjs) | fit zoom (ours / elkjs) | name height at fit, px (ours / elkjs) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of table) {
      console.log(`| ${r.name} | ${r.blocks} / ${r.lines} | ${r.ours.crossings} / ${r.elk.crossings} | ${n(r.ours.length)} / ${n(r.elk.length)} | ` +
        `${n(r.ours.width)} × ${n(r.ours.height)} / ${n(r.elk.width)} × ${n(r.elk.height)} | ${z(r.oursZoom)} / ${z(r.elkZoom)} | ${px(r.oursZoom)} / ${px(r.elkZoom)} |`);
    }
  }
} else if (args[0] === '--child') {
  process.send(await layOut(args[1], args[2]));
  process.disconnect();
} else {
  const path = args.find((a, i) => !a.startsWith('--') && !['--limit', '--only'].includes(args[i - 1]));
  const limitIndex = args.indexOf('--limit');
  const onlyIndex = args.indexOf('--only');
  const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : 120;
  const only = onlyIndex >= 0 ? args[onlyIndex + 1] : null;
  if (!path || !(limit > 0) || (only && !['dagre', 'elk'].includes(only))) {
    console.error('usage: node tests/bench/layout_compare.mjs GRAPH.json [--limit SECONDS] [--only dagre|elk]');
    process.exit(2);
  }
  let graph;
  try {
    graph = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`layout_compare: cannot read ${path}: ${error.message}`);
    process.exit(2);
  }
  const result = { nodes: graph.nodes.length, edges: graph.edges.length };
  for (const library of ['dagre', 'elk']) {
    if (!only || only === library) result[library] = await runChild(library, path, limit * 1000);
  }
  console.log(JSON.stringify(result));
}
