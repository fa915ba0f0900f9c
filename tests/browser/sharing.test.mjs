// Sharing, publishing, exporting and working offline (issue 11): share
// links round-trip a plan, too-large plans are told to use a file, ?plan=
// opens published plans and reports broken ones, exports are real
// pictures, XML and tables, and the planner reloads with the server gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, root, screenshotDir, settle, waitFor, distinctColours, blockDifference, pixelsOf, openInContext } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const api = (page, method, ...args) => page.evaluate(([m, a]) => window.planner[m](...a), [method, args]);

const open = openInContext;
const newContext = () => env.browser.newContext({ viewport: { width: 1280, height: 800 } });
const at = (path) => new URL(path, env.url).href;

// RFC 4180, as spreadsheets read it: quoted fields may hold commas, quotes and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// Exports the view on screen as a PNG, and draws its SVG export with the
// browser at the same size: both as base64, with the PNG's size and the
// progress it reported.
function pngBesideSvg(page) {
  return page.evaluate(async () => {
    const base64 = async (blob) => {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    };
    const progress = [];
    const blob = await window.planner.exportPng((done) => progress.push(done));
    const bitmap = await createImageBitmap(blob);
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([window.planner.exportSvg()], { type: 'image/svg+xml' }));
    await image.decode();
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d').drawImage(image, 0, 0, bitmap.width, bitmap.height);
    return { type: blob.type, width: bitmap.width, height: bitmap.height, progress, base64: await base64(blob),
      svgDrawn: await base64(await canvas.convertToBlob()) };
  });
}

// For the SVG's dashed and dotted lines ("dashed" when the dash is longer
// than the gap), the median share of samples along their straight runs,
// at a pixel apart and clear of other lines, darker than the picture a
// little way to each side:
// {dashed: {png, svg}, dotted: {png, svg}}.
function inkAlongDashedLines(page, svg, pngBase64, svgDrawnBase64) {
  return page.evaluate(async ([text, images]) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const [vx, vy, vw] = doc.documentElement.getAttribute('viewBox').split(' ').map(Number);
    const decode = async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const context = new OffscreenCanvas(image.width, image.height).getContext('2d');
      context.drawImage(image, 0, 0);
      return { width: image.width, data: context.getImageData(0, 0, image.width, image.height).data };
    };
    const pictures = { png: await decode(images[0]), svg: await decode(images[1]) };
    // Every line's straight runs, to leave out what other lines cross or share.
    const runs = [...doc.querySelectorAll('polyline')].flatMap((line) => {
      const points = line.getAttribute('points').split(' ').map((p) => p.split(',').map(Number));
      const reach = Number(line.getAttribute('stroke-width') || 1) * 3;
      return points.slice(1).map((b, i) => ({ line, reach, x0: Math.min(points[i][0], b[0]), x1: Math.max(points[i][0], b[0]),
        y0: Math.min(points[i][1], b[1]), y1: Math.max(points[i][1], b[1]) }));
    });
    const alone = (line, x, y) => !runs.some((r) => r.line !== line && x >= r.x0 - r.reach && x <= r.x1 + r.reach && y >= r.y0 - r.reach && y <= r.y1 + r.reach);
    const shares = {};
    for (const line of doc.querySelectorAll('polyline[stroke-dasharray]')) {
      const [on, off] = line.getAttribute('stroke-dasharray').split(' ').map(Number);
      const pattern = on > off ? 'dashed' : 'dotted';
      const points = line.getAttribute('points').split(' ').map((p) => p.split(',').map(Number));
      const width = Number(line.getAttribute('stroke-width'));
      for (const [name, { width: pixels, data }] of Object.entries(pictures)) {
        const k = pixels / vw;
        const light = (x, y) => {
          const at = (Math.round(y) * pixels + Math.round(x)) * 4;
          return data[at] + data[at + 1] + data[at + 2];
        };
        let inked = 0, samples = 0;
        for (let i = 1; i < points.length; i++) {
          const [ax, ay] = [(points[i - 1][0] - vx) * k, (points[i - 1][1] - vy) * k];
          const [bx, by] = [(points[i][0] - vx) * k, (points[i][1] - vy) * k];
          const length = Math.hypot(bx - ax, by - ay);
          if (length < 40) continue;
          const [nx, ny] = [(ay - by) / length, (bx - ax) / length];  // across the line
          const aside = 2.5 * width * k;
          for (let t = width * k; t < length - width * k; t += 1) {
            const [x, y] = [ax + (bx - ax) * t / length, ay + (by - ay) * t / length];
            if (!alone(line, x / k + vx, y / k + vy)) continue;
            const around = Math.max(light(x + nx * aside, y + ny * aside), light(x - nx * aside, y - ny * aside));
            samples++;
            if (light(x, y) < around - 60) inked++;
          }
        }
        if (samples > 0) ((shares[pattern] ??= {})[name] ??= []).push(inked / samples);
      }
    }
    const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
    return Object.fromEntries(Object.entries(shares).map(([pattern, both]) =>
      [pattern, Object.fromEntries(Object.entries(both).map(([name, list]) => [name, Number(median(list).toFixed(3))]))]));
  }, [svg, [pngBase64, svgDrawnBase64]]);
}

test('a share link carries the plan exactly, and opens as a new plan beside the stored ones', async () => {
  const context = await newContext();
  const page = await open(context, at('?example=nwl-collaboration-2018'));
  await api(page, 'edit', { op: 'rename', id: 'nwl-jc', name: 'Shared: "quotes", <angles> & ampersands' });
  await waitFor(page, () => window.planner.storage().revision === 1);
  const original = await api(page, 'currentPlan');
  const link = await api(page, 'shareLink');
  assert.equal(typeof link, 'string');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#plan=[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 64000, `${link.length} characters`);

  // File > Share a link... shows the same link to copy.
  await page.mouse.click(242, 16);
  await settle(page, 200);
  await page.mouse.click(280, 179);  // Share a link...
  await page.locator('#share-link').waitFor({ state: 'visible' });
  assert.equal(await page.inputValue('#share-address'), link);
  await page.screenshot({ path: join(screenshotDir, 'share-link.png') });
  await page.keyboard.press('Escape');

  // In the same browser: the link opens as a new plan; the stored one is untouched.
  const second = await open(context, link);
  assert.equal(await api(second, 'currentPlan'), original, 'the plan round-trips byte for byte');
  assert.equal((await api(second, 'storedPlans')).length, 1, 'nothing stored until it changes');
  await api(second, 'edit', { op: 'rename', id: 'nwl-jc', name: 'Changed after opening the link' });
  await waitFor(second, () => window.planner.storage().revision === 1);
  const stored = await api(second, 'storedPlans');
  assert.equal(stored.length, 2, 'kept as a second plan, not over the first');
  assert.equal(await second.evaluate(() => window.location.hash), '', 'the address drops the link once the copy is kept');
  const first = await second.evaluate(async (id) => (await (await window.PlanStore.open()).get(id)).text, (await api(page, 'storage')).id);
  assert.equal(first, original);
  // A damaged link is said plainly.
  const damaged = await open(context, `${link.slice(0, link.length - 40)}`);
  const report = await api(damaged, 'lastOpenReport');
  assert.equal(report.ok, false);
  assert.match(report.messages.join(' '), /link is damaged or incomplete/);
  assert.deepEqual([...page.problems, ...second.problems], []);
  await context.close();
});

test('a plan too large for a link gets a message suggesting a file', async () => {
  const context = await newContext();
  const page = await open(context, at('?example=none'));
  // 4,000 practices with names that do not compress: like a national plan.
  const plan = await page.evaluate(() => {
    const units = [{ id: 'england', name: 'England', layer: 'region' }];
    for (let i = 0; i < 4000; i++) {
      units.push({ id: `p${i}`, name: `Practice ${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`,
        layer: 'practice', parent: 'england', registeredPopulation: 1000 + i });
    }
    return JSON.stringify({ schemaVersion: '1.0', name: 'A large plan', units });
  });
  assert.equal((await api(page, 'openPlan', plan)).ok, true);
  const answer = await api(page, 'shareLink');
  assert.equal(answer.ok, false);
  assert.match(answer.messages[0], /too large to share as a link.*Save it to a file.*send the file instead/);
  await page.evaluate(() => window.planner.ready);
  await page.mouse.click(242, 16);
  await settle(page, 200);
  await page.mouse.click(280, 179);  // Share a link...
  await page.locator('#share-link').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#share-link .panel-status'), /too large/);
  assert.equal(await page.isVisible('#share-address'), false);
  await context.close();
});

test('?plan= opens a published plan, and says why when it cannot be fetched, is not allowed, or is not a valid plan', async () => {
  const context = await newContext();
  const published = await open(context, at('?plan=assets/examples/ncl-collaboration-2015.json'));
  assert.match(JSON.parse(await api(published, 'currentPlan')).name, /North Central London/);
  assert.equal((await api(published, 'storedPlans')).length, 0, 'a published plan is not stored until changed');

  const missing = await open(context, at('?plan=assets/examples/no-such-plan.json'));
  const report = await api(missing, 'lastOpenReport');
  assert.equal(report.ok, false);
  assert.match(report.messages.join(' '), /could not be fetched \(HTTP 404: there is no file at that address\)/);
  assert.equal(await api(missing, 'currentPlan'), null, 'nothing else opened in its place');
  await settle(missing, 300);
  await missing.screenshot({ path: join(screenshotDir, 'published-missing.png') });

  // Another site that does not allow the planner to read its file (no CORS header).
  const other = createServer((request, response) => { response.writeHead(200, { 'Content-Type': 'application/json' }); response.end('{}'); });
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  const elsewhere = `http://127.0.0.1:${other.address().port}/plan.json`;
  const refused = await open(context, at(`?plan=${encodeURIComponent(elsewhere)}`));
  assert.match((await api(refused, 'lastOpenReport')).messages.join(' '), /does not let other sites read the file.*Access-Control-Allow-Origin/);
  other.close();

  // A served file that is not a valid plan: its problems, as for a file.
  const brokenContext = await newContext();
  await brokenContext.route('**/published/broken.json', (route) => route.fulfill({
    contentType: 'application/json', body: '{"schemaVersion": "1.0", "name": "Broken", "units": [{"id": "a b", "name": "A", "layer": "moon"}]}' }));
  const broken = await open(brokenContext, at('?plan=published/broken.json'));
  const problems = await api(broken, 'lastOpenReport');
  assert.equal(problems.ok, false);
  assert.equal(problems.name, 'broken.json');
  assert.ok(problems.messages.some((m) => /^\/units\/0\/layer: "moon" is not allowed/.test(m)), problems.messages.join('\n'));
  await brokenContext.close();
  await context.close();
});

test('exports: the PNG is a real picture at twice the size, the SVG is XML with the plan\'s names escaped, the CSV tables count right', async () => {
  const context = await newContext();
  const page = await open(context, at('?example=syb-acs-mou-2017'));
  await api(page, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'Joint Committee <of> "CCGs" & partners' });
  await api(page, 'showView', 'governance');
  const svg = await api(page, 'exportSvg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.localName,
      width: Number(doc.documentElement.getAttribute('width')), texts: [...doc.querySelectorAll('text, title')].map((t) => t.textContent) };
  }, svg);
  assert.equal(parsed.error, false);
  assert.equal(parsed.root, 'svg');
  assert.ok(parsed.texts.some((t) => t.includes('Joint Committee <of> "CCGs" & partners')), 'the name, escaped in the file, reads back whole');
  assert.ok(parsed.texts.some((t) => t.includes('NHS England')));

  // The PNG is drawn in a worker from the same marks as the SVG: it tells
  // how far it has got, and it looks like the SVG drawn by the browser.
  const png = await pngBesideSvg(page);
  assert.equal(png.type, 'image/png');
  assert.equal(png.width, parsed.width * 2);
  assert.ok(png.progress.length > 0 && png.progress.every((p, i) => p > 0 && p <= 1 && (i === 0 || p >= png.progress[i - 1])), 'progress, rising');
  const pngBytes = Buffer.from(png.base64, 'base64');
  assert.ok(await distinctColours(page, pngBytes) > 8, 'not blank');
  const unlike = await blockDifference(page, pngBytes, Buffer.from(png.svgDrawn, 'base64'), { block: 16 });
  console.log(`PNG against the SVG drawn by the browser: ${(unlike * 100).toFixed(2)}% of 16-pixel blocks differ`);
  assert.ok(unlike < 0.02, `the PNG looks like the SVG (${(unlike * 100).toFixed(2)}% of blocks differ)`);
  // Dashed and dotted lines are drawn as dashes: along each one's straight
  // runs, about as much of it is ink as its pattern says, in the PNG as in
  // the SVG drawn by the browser.
  const ink = await inkAlongDashedLines(page, svg, png.base64, png.svgDrawn);
  console.log(`ink along dashed lines (PNG, SVG drawn by the browser): ${JSON.stringify(ink)}`);
  for (const [pattern, expected] of [['dashed', 0.6], ['dotted', 1 / 3]]) {
    assert.ok(ink[pattern], `the picture has ${pattern} lines`);
    assert.ok(Math.abs(ink[pattern].png - expected) < 0.12, `${pattern}: ${ink[pattern].png} of the PNG's samples are ink, against ${expected}`);
    assert.ok(Math.abs(ink[pattern].png - ink[pattern].svg) < 0.1, `${pattern}: the PNG ${ink[pattern].png}, the SVG ${ink[pattern].svg}`);
  }
  const times = await api(page, 'pictureTimes');
  assert.deepEqual(Object.keys(times), ['read', 'draw', 'compress', 'canvas']);
  assert.ok(Object.values(times).every((ms) => ms >= 0), JSON.stringify(times));
  await writeFile(join(screenshotDir, 'export-governance.png'), pngBytes);

  const plan = JSON.parse(await api(page, 'currentPlan'));
  for (const [table, count] of [['units', plan.units.length], ['organisations', plan.organisations.length], ['bodies', plan.bodies.length],
    ['posts', plan.posts.length], ['flows', plan.flows.length], ['functions', plan.functions.length]]) {
    const rows = parseCsv(await api(page, 'exportCsv', table));
    assert.equal(rows.length, count + 1, `${table}: a header and a row each`);
    assert.equal(rows[0][0], 'id');
    assert.ok(rows.every((row) => row.length === rows[0].length), `${table}: every row as wide as the header`);
  }
  const bodies = parseCsv(await api(page, 'exportCsv', 'bodies'));
  assert.ok(bodies.some((row) => row[1] === 'Joint Committee <of> "CCGs" & partners'));
  assert.equal((await api(page, 'exportCsv', 'people')).ok, false);

  // The menu downloads the same, with a byte-order mark for spreadsheets.
  await page.mouse.click(242, 16);
  await settle(page, 200);
  await page.mouse.move(280, 225);  // Export
  await settle(page, 200);
  await page.mouse.move(600, 225);
  await page.mouse.move(600, 271);  // Table (CSV)
  await settle(page, 200);
  await page.screenshot({ path: join(screenshotDir, 'export-menu.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.mouse.click(840, 271)]);  // Units
  assert.equal(download.suggestedFilename(), 'syb-acs-mou-2017-units.csv');
  const downloaded = await readFile(await download.path(), 'utf8');
  assert.equal(downloaded, `\ufeff${await api(page, 'exportCsv', 'units')}`);

  // File > Export > Picture: "Making the picture..." while the worker draws, then the PNG.
  await page.mouse.move(242, 16);
  await settle(page, 200);
  await page.mouse.click(242, 16);
  await settle(page, 200);
  await page.mouse.move(280, 225);  // Export
  await settle(page, 200);
  await page.mouse.move(600, 225);  // Picture of this view (PNG)
  await settle(page, 200);
  const note = page.waitForSelector('.busy-message', { state: 'attached', timeout: 5000 });
  const [picture] = await Promise.all([page.waitForEvent('download'), page.mouse.click(600, 225)]);
  assert.match(await (await note).textContent(), /^Making the picture/);
  assert.equal(picture.suggestedFilename(), 'syb-acs-mou-2017-governance.png');
  assert.ok(await distinctColours(page, await readFile(await picture.path())) > 8, 'the downloaded picture is not blank');
  assert.equal(await page.locator('.busy-message').count(), 0, 'the note goes once the picture is made');
  await context.close();
});

test('exports: the layers view\'s PNG, with hatched boxes and names at many sizes, looks like its SVG', async () => {
  const context = await newContext();
  const page = await open(context, at('?example=ncl-collaboration-2015'));
  const svg = await api(page, 'exportSvg');
  assert.ok(svg.includes('url(#hatch)'), 'the view has boxes outside their bands, hatched');
  const png = await pngBesideSvg(page);
  const pngBytes = Buffer.from(png.base64, 'base64');
  const svgBytes = Buffer.from(png.svgDrawn, 'base64');
  const unlike = await blockDifference(page, pngBytes, svgBytes, { block: 16 });
  console.log(`layers PNG against the SVG drawn by the browser: ${(unlike * 100).toFixed(2)}% of 16-pixel blocks differ`);
  assert.ok(unlike < 0.02, `the PNG looks like the SVG (${(unlike * 100).toFixed(2)}% of blocks differ)`);
  // Hatched boxes are too small for blocks to tell: inside them, about a
  // fifth of the pixels are the white stripes (0.75 in every 4 units).
  const [vx, vy, vw] = svg.match(/viewBox="([^"]+)"/)[1].split(' ').map(Number);
  const hatched = [...svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="url\(#hatch\)"/g)]
    .map((m) => m.slice(1).map(Number));
  assert.ok(hatched.length > 20, `${hatched.length} hatched boxes`);
  const whiteShare = async (bytes) => {
    const { data, width } = await pixelsOf(page, bytes);
    const k = width / vw;
    let white = 0;
    let all = 0;
    for (const [x, y, w, h] of hatched) {
      for (let py = Math.ceil((y - vy) * k) + 1; py < Math.floor((y + h - vy) * k) - 1; py++) {
        for (let px = Math.ceil((x - vx) * k) + 1; px < Math.floor((x + w - vx) * k) - 1; px++) {
          const at = (py * width + px) * 4;
          all++;
          if (data[at] > 235 && data[at + 1] > 200 && data[at + 2] > 200) white++;
        }
      }
    }
    return white / all;
  };
  const [ours, browsers] = [await whiteShare(pngBytes), await whiteShare(svgBytes)];
  console.log(`white inside hatched boxes: ${(ours * 100).toFixed(1)}% in the PNG, ${(browsers * 100).toFixed(1)}% in the SVG drawn by the browser`);
  assert.ok(ours > 0.08 && ours < 0.35, `stripes over hatched boxes: ${(ours * 100).toFixed(1)}% white`);
  await writeFile(join(screenshotDir, 'export-layers.png'), pngBytes);
  await context.close();
});

test('after the first visit the planner opens with the server stopped, and a new version waits to be asked for', async () => {
  const site = await mkdtemp(join(tmpdir(), 'planner-site-'));
  await cp(join(root, 'dist'), site, { recursive: true });
  const { server, url } = await startServer({ root: site });
  const context = await newContext();
  const page = await open(context, url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await api(page, 'edit', { op: 'rename', id: 'jc-ccgs', name: 'Made before going offline' });
  await waitFor(page, () => window.planner.storage().revision === 1);

  // A new version is deployed: the page offers it and reloads only when asked.
  const workerBefore = await readFile(join(site, 'sw.js'), 'utf8');
  await writeFile(join(site, 'sw.js'), workerBefore.replace(/const build = '[^']*'/, "const build = 'a-new-version'"));
  await page.reload();  // now controlled by the first worker
  await page.evaluate(() => window.planner.ready);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.locator('#update-message').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.textContent('#update-message'), /A new version of the planner is ready/);
  await page.screenshot({ path: join(screenshotDir, 'update-ready.png') });
  await Promise.all([page.waitForEvent('load'), page.click('text=Reload to update')]);
  await page.evaluate(() => window.planner.ready);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL.endsWith('sw.js')), true);
  assert.equal(await page.evaluate(async () => (await caches.keys()).join()), 'care-structure-planner-a-new-version');

  // The server goes away: a reload still opens the planner, with the plan.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await page.reload();
  await page.evaluate(() => window.planner.ready);
  assert.match(await api(page, 'currentPlan'), /Made before going offline/);
  await settle(page, 300);
  await page.screenshot({ path: join(screenshotDir, 'offline-reload.png') });
  await context.close();
  await rm(site, { recursive: true, force: true });
});
