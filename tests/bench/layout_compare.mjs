// Lays out one graph with dagre and with elkjs's layered algorithm, each in
// a child process killed at a time limit, for the comparison with our own
// layered layout in docs/performance.md (scripts/bench runs it).
//
//   node tests/bench/layout_compare.mjs GRAPH.json [--limit SECONDS] [--only dagre|elk]
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

const args = process.argv.slice(2);
if (args[0] === '--child') {
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
