// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core, the built dist/ served on a free local port.
import { chromium } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotDir = join(root, 'build', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

const chromiumArgs = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader', '--ignore-gpu-blocklist',
];

export async function launch({ files = {} } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const { server, url } = await startServer({ root: join(root, 'dist'), files });
  return {
    browser,
    url,
    files,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

// A browser whose profile is kept in `dir` (the contexts above are fresh,
// like a first visit): a returning visitor, whose browser keeps what it
// compiled of the module. Closing the context closes the browser.
export function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
  });
}

// The page with no plan open (it opens an example by default): tests of the
// canvas itself start from a known camera.
export const blankPage = (env) => new URL('?example=none', env.url).href;

// Opens the planner in a new page and waits for its first frame. Collects
// console errors and uncaught exceptions into page.problems.
export async function openPlanner(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(message.text());
  });
  page.on('pageerror', (error) => page.problems.push(error.message));
  await page.goto(url);
  await page.evaluate(() => window.planner.ready);
  return page;
}

// Opens the planner in a new page of an existing context (several pages
// sharing one origin's storage), collecting uncaught exceptions.
export async function openInContext(context, url) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(error.message));
  await page.goto(url);
  await page.evaluate(() => window.planner.ready);
  return page;
}

// Waits until the page has drawn the frames its last input asked for: the
// pause lets the browser deliver the input, then the planner says when its
// loop sleeps, however slow the machine.
export async function settle(page, ms = 250) {
  await page.waitForTimeout(ms);
  await page.evaluate(() => window.planner?.settled?.());
}

// A screenshot's pixels, decoded by the browser itself (no image library
// needed): {width, height, data}, data RGBA bytes.
export async function pixelsOf(page, png) {
  const { width, height, rgba } = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: image.width, height: image.height, rgba: btoa(binary) };
  }, png.toString('base64'));
  return { width, height, data: Buffer.from(rgba, 'base64') };
}

// Counts the distinct colours in a screenshot: a blank canvas has one or two.
export async function distinctColours(page, png) {
  const { data } = await pixelsOf(page, png);
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return colours.size;
}

// The share of blocks of `block` × `block` pixels whose average colour
// differs by more than `tolerance` in any channel between two screenshots of
// the same size: two drawings of the same shapes whose edges are smoothed
// differently come out alike; a missing, moved or recoloured shape does not.
export async function blockDifference(page, pngA, pngB, { block = 8, tolerance = 24 } = {}) {
  const averages = ({ data, width, height }) => {
    const across = Math.floor(width / block);
    const down = Math.floor(height / block);
    const sums = new Float64Array(across * down * 3);
    for (let y = 0; y < down * block; y++) {
      for (let x = 0; x < across * block; x++) {
        const at = (y * width + x) * 4;
        const cell = (Math.floor(y / block) * across + Math.floor(x / block)) * 3;
        for (let c = 0; c < 3; c++) sums[cell + c] += data[at + c] / (block * block);
      }
    }
    return sums;
  };
  const first = averages(await pixelsOf(page, pngA));
  const second = averages(await pixelsOf(page, pngB));
  let differing = 0;
  for (let cell = 0; cell < first.length; cell += 3) {
    if ([0, 1, 2].some((c) => Math.abs(first[cell + c] - second[cell + c]) > tolerance)) differing++;
  }
  return differing / (first.length / 3);
}

// Polls fn in the page until it returns a truthy value (or times out).
export async function waitFor(page, fn, arg, timeout = 5000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 50 });
}
