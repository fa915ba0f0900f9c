// The benchmark behind scripts/bench. Prints a Markdown report; with
// --out FILE also writes it there.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { launch, root } from '../tests/browser/browser.mjs';

const dist = join(root, 'dist');
const runs = Number(process.env.BENCH_RUNS || 7);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// What a first visit downloads: the page, its script, style, module, fonts
// and icon (example plans and other assets load only when opened).
const firstLoad = files(dist).filter((path) => !relative(dist, path).startsWith('assets/'));
const sizes = firstLoad.map((path) => {
  const bytes = readFileSync(path);
  return { file: relative(dist, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}).sort((a, b) => b.raw - a.raw);
const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });

const env = await launch();
const firstFrame = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(env.url);
    firstFrame.push(await page.evaluate(() => window.planner.ready.then(() => performance.now())));
    await context.close();
  }
} finally {
  await env.close();
}
firstFrame.sort((a, b) => a - b);
const median = firstFrame[Math.floor(firstFrame.length / 2)];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, headless Chromium with SwiftShader (software WebGL).`,
  '',
  '| first-load file | raw | gzip |',
  '|---|---:|---:|',
  ...sizes.map((s) => `| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} |`),
  `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`,
  '',
  `Time from navigation to the first frame drawn (window.planner.ready), ${runs} cold loads from a local server: ` +
    `median ${median.toFixed(0)} ms (fastest ${firstFrame[0].toFixed(0)} ms, slowest ${firstFrame.at(-1).toFixed(0)} ms).`,
].join('\n');
console.log(report);
const outIndex = process.argv.indexOf('--out');
if (outIndex >= 0) writeFileSync(process.argv[outIndex + 1], report + '\n');
