// Draws an exported picture (layout/picture.cpp: the marks the SVG export
// writes) onto an OffscreenCanvas and compresses it to PNG, away from the
// page's thread: the page stays responsive and shows the progress posted.
//
// In:  {prepare: {width, height}}, optionally first: the canvas's size in
//      pixels, to make it while the page writes the marks; then
//      {picture, scale}: the picture as JSON text, and pixels per CSS pixel.
// Out: {progress} (0 to 1) while drawing; then {blob, times} or {error}.
// times: milliseconds spent {read, draw, compress, canvas} (reading the
// marks, drawing them, compressing the PNG; making the canvas when it was
// prepared, else that is part of drawing), for benchmarks.
'use strict';

const fontFamily = "'Planner Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

// The page's own Liberation Sans faces (dist/fonts), so that the picture's
// text is the same on every machine; system fonts stand in if they fail.
const fontsReady = Promise.all([['normal', 'LiberationSans-Regular.ttf'], ['bold', 'LiberationSans-Bold.ttf']].map(
  ([weight, file]) => new FontFace('Planner Sans', `url(fonts/${file})`, { weight }).load()
    .then((face) => self.fonts.add(face)).catch(() => null)));

// White stripes over a hatched box's fill, as the SVG's pattern draws them
// (layout/svg_writer.cpp: a 1.5-unit line on the edge of a 4-unit tile
// turned 45 degrees, half of it clipped away): the parts of the box where
// (x + y) / sqrt(2), modulo 4, is under 0.75. Drawn as polygons: a
// pattern made from a tile canvas took half a millisecond a box (1.5 s for
// England), as the tile was kept on the GPU.
function hatchStripes(context, rx, ry, rw, rh) {
  const period = 4 * Math.SQRT2;
  const width = 0.75 * Math.SQRT2;
  const low = rx + ry;
  const high = low + rw + rh;
  context.beginPath();
  for (let c = Math.floor(low / period) * period; c < high; c += period) {
    addStripe(context, rx, ry, rw, rh, Math.max(c, low), Math.min(c + width, high));
  }
  context.fillStyle = '#ffffff';
  context.fill();
}

// Adds to the path the part of the box between the lines x + y = from and
// x + y = to: the box's corners and the lines' crossings of its edges, in
// order round it.
function addStripe(context, rx, ry, rw, rh, from, to) {
  if (to <= from) return;
  let points = [[rx, ry], [rx + rw, ry], [rx + rw, ry + rh], [rx, ry + rh]];
  for (const [limit, below] of [[from, false], [to, true]]) {
    const inside = ([px, py]) => (below ? px + py <= limit : px + py >= limit);
    const kept = [];
    points.forEach((a, i) => {
      const b = points[(i + 1) % points.length];
      if (inside(a)) kept.push(a);
      if (inside(a) !== inside(b)) {
        const t = (limit - a[0] - a[1]) / (b[0] + b[1] - a[0] - a[1]);
        kept.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      }
    });
    points = kept;
  }
  if (points.length < 3) return;
  context.moveTo(points[0][0], points[0][1]);
  for (let i = 1; i < points.length; i++) context.lineTo(points[i][0], points[i][1]);
  context.closePath();
}

// Fills what stroking a solid polyline of level and upright segments
// covers (butt ends, mitred corners) as rectangles, which the canvas fills
// several times quicker than it strokes a path: England's governance lines
// are 34 million pixels long. False, drawing nothing, if a segment slants.
function fillSquareStroke(context, points, from, half) {
  for (let i = from; i + 3 < points.length; i += 2) {
    if (points[i] !== points[i + 2] && points[i + 1] !== points[i + 3]) return false;
  }
  const last = points.length - 4;
  for (let i = from; i <= last; i += 2) {
    // Each segment reaches half the line's width into a corner, filling it.
    const before = i > from ? half : 0;
    const after = i < last ? half : 0;
    const [ax, ay, bx, by] = [points[i], points[i + 1], points[i + 2], points[i + 3]];
    if (ay === by) {
      const [left, right] = ax < bx ? [ax - before, bx + after] : [bx - after, ax + before];
      context.fillRect(left, ay - half, right - left, 2 * half);
    } else {
      const [top, bottom] = ay < by ? [ay - before, by + after] : [by - after, ay + before];
      context.fillRect(ax - half, top, 2 * half, bottom - top);
    }
  }
  return true;
}

// The same for a dashed polyline: each segment copied from a strip of
// dashes (dashStrip), started where the pattern is at the segment's start.
// Stroked, or a rectangle a dash, England's dashed and dotted lines took
// 640 ms of the governance picture's drawing: a million dashes at half a
// microsecond each.
function copyDashedSquareStroke(context, points, from, half, strip) {
  for (let i = from; i + 3 < points.length; i += 2) {
    if (points[i] !== points[i + 2] && points[i + 1] !== points[i + 3]) return false;
  }
  const { across, down, period, on, perUnit, length: stripLength } = strip;
  const mod = (a) => ((a % period) + period) % period;
  const last = points.length - 4;
  let along = 0;  // the distance along the line where this segment starts
  for (let i = from; i <= last; i += 2) {
    const [ax, ay, bx, by] = [points[i], points[i + 1], points[i + 2], points[i + 3]];
    const level = ay === by;
    const length = level ? Math.abs(bx - ax) : Math.abs(by - ay);
    if (length === 0) continue;
    const start = level ? ax : ay;
    const forward = (level ? bx - ax : by - ay) > 0;
    const before = i > from ? half : 0;
    const after = i < last ? half : 0;
    // The copy runs from `low` to `high` (units); `t` is the distance along the line at `low`.
    const low = forward ? start - before : start - length - after;
    const high = forward ? start + length + after : start + before;
    const t = forward ? along - before : along + length + after;
    // A reversed pattern is the same strip, shifted: pixels count up as the distance counts down.
    let offset = forward ? mod(t * perUnit) : mod(on - t * perUnit);
    for (let at = low; at < high;) {
      const units = Math.min(high - at, (stripLength - offset) / perUnit);
      if (level) context.drawImage(across, offset, 0, units * perUnit, 1, at, ay - half, units, 2 * half);
      else context.drawImage(down, 0, offset, 1, units * perUnit, ax - half, at, 2 * half, units);
      at += units;
      offset = mod(offset + units * perUnit);
    }
    along += length;
  }
  return true;
}

// Strips of a dash pattern in a colour, one pixel thick, along and down:
// `on` units drawn, then `off` left, about `k` pixels a unit (a whole
// number of pixels a period: `perUnit`). Read on the CPU like the
// picture's canvas (see drawPicture).
function dashStrip(colour, on, off, k) {
  const period = Math.max(2, Math.round((on + off) * k));
  const onPixels = period * on / (on + off);
  const length = period * Math.ceil(4096 / period) + period;
  const strip = (width, height) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.fillStyle = colour;
    for (let p = 0; p < length; p += period) {
      if (width > 1) context.fillRect(p, 0, onPixels, 1);
      else context.fillRect(0, p, 1, onPixels);
    }
    return canvas;
  };
  return { across: strip(length, 1), down: strip(1, length), period, on: onPixels, perUnit: period / (on + off), length };
}

function drawPicture(canvas, picture, report) {
  // Drawn on the CPU: a canvas small enough for a GPU texture may otherwise
  // be drawn by the GPU, and a software GPU (SwiftShader) took 30 s to
  // hand the national governance picture back for compressing.
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const [x, y, width, height] = picture.view;
  const k = canvas.width / width;  // canvas pixels per unit
  const unit = width / picture.width;  // units per pixel of the picture: strokes are sized in pixels
  context.setTransform(k, 0, 0, k, -x * k, -y * k);
  context.fillStyle = picture.background;
  context.fillRect(x, y, width, height);
  context.miterLimit = 4;  // as SVG's
  // Dash strips are copied at about their own size: sampled smoothly they
  // took 100 ms more for England, and their dashes' ends were softer.
  context.imageSmoothingEnabled = false;
  const colour = (paint) => picture.colours[paint];
  const dashes = [[], [6 * unit, 4 * unit], [1.5 * unit, 3 * unit]];  // solid, dashed, dotted
  const dashStrips = new Map();
  const dashStripOf = (paint, dash) => {
    const key = `${paint} ${dash}`;
    if (!dashStrips.has(key)) dashStrips.set(key, dashStrip(colour(paint), ...dashes[dash], k));
    return dashStrips.get(key);
  };
  let font = '';
  const fontSize = 100;
  const regularFont = `${fontSize}px ${fontFamily}`;
  const boldFont = `bold ${regularFont}`;
  // Sets up a stroke; false for none.
  const pen = (paint, lineWidth, dash) => {
    if (!colour(paint)) return false;
    context.strokeStyle = colour(paint);
    context.lineWidth = lineWidth * unit;
    context.setLineDash(dashes[dash] || []);
    return true;
  };
  const stroke = (paint, lineWidth, dash) => { if (pen(paint, lineWidth, dash)) context.stroke(); };
  const path = (mark, from, closed) => {
    context.beginPath();
    context.moveTo(mark[from], mark[from + 1]);
    for (let i = from + 2; i + 1 < mark.length; i += 2) context.lineTo(mark[i], mark[i + 1]);
    if (closed) context.closePath();
  };
  const marks = picture.marks;
  const step = Math.max(1000, Math.ceil(marks.length / 20));
  for (let m = 0; m < marks.length; m++) {
    const mark = marks[m];
    switch (mark[0]) {
      case 0: {  // rect: x, y, w, h, rounding, fill, stroke, stroke width, dash, hatched
        const [, rx, ry, rw, rh, rounding, fill, line, lineWidth, dash, hatched] = mark;
        // Square boxes take the canvas's quicker rectangle calls.
        if (rounding > 0 && context.roundRect) {
          context.beginPath();
          context.roundRect(rx, ry, rw, rh, rounding);
          if (colour(fill)) {
            context.fillStyle = colour(fill);
            context.fill();
          }
          stroke(line, lineWidth, dash);
        } else {
          if (colour(fill)) {
            context.fillStyle = colour(fill);
            context.fillRect(rx, ry, rw, rh);
          }
          if (pen(line, lineWidth, dash)) context.strokeRect(rx, ry, rw, rh);
        }
        if (hatched) hatchStripes(context, rx, ry, rw, rh);
        break;
      }
      case 1: {  // polyline: stroke, width, dash, then points
        const [, paint, lineWidth, dash] = mark;
        if (!colour(paint)) break;
        context.fillStyle = colour(paint);
        if (dash === 0 && fillSquareStroke(context, mark, 4, lineWidth * unit / 2)) break;
        if (dash !== 0 && dashes[dash] && copyDashedSquareStroke(context, mark, 4, lineWidth * unit / 2, dashStripOf(paint, dash))) break;
        path(mark, 4, false);
        stroke(paint, lineWidth, dash);
        break;
      }
      case 2:  // polygon: fill, stroke, then points
        path(mark, 3, true);
        if (colour(mark[1])) {
          context.fillStyle = colour(mark[1]);
          context.fill();
        }
        stroke(mark[2], 1, 0);
        break;
      case 3: {  // text: x, top, size, colour, bold, words
        const [, tx, top, size, paint, bold, words] = mark;
        // One font per weight, scaled: setting a font is slow, scaling is not.
        const wanted = bold ? boldFont : regularFont;
        if (wanted !== font) context.font = font = wanted;
        context.fillStyle = colour(paint);
        // Each size on the canvas is a new set of glyphs to make: sizes are
        // taken down to a quarter pixel (never up, so that a name stays
        // within its box), which for England's 22,801 names means 138 sizes
        // instead of 1,481.
        const pixels = Math.max(0.25, Math.floor(size * k * 4) / 4);
        const s = pixels / k / fontSize;
        context.setTransform(k * s, 0, 0, k * s, (tx - x) * k, (top + size * 0.85 - y) * k);
        context.fillText(words, 0, 0);
        context.setTransform(k, 0, 0, k, -x * k, -y * k);
        break;
      }
      default: break;
    }
    if (m % step === step - 1) report(0.9 * (m + 1) / marks.length);
  }
}

// A canvas made before the marks came, and how long that took.
let prepared = null;

// A canvas of the size, drawn on the CPU (see drawPicture); reading a pixel
// makes Chromium give it its memory now rather than at the first mark.
function makeCanvas(width, height) {
  const canvas = new OffscreenCanvas(Math.max(1, width), Math.max(1, height));
  canvas.getContext('2d', { willReadFrequently: true }).getImageData(0, 0, 1, 1);
  return canvas;
}

self.onmessage = async (event) => {
  if (event.data.prepare) {
    const started = performance.now();
    const { width, height } = event.data.prepare;
    try {
      prepared = { canvas: makeCanvas(width, height), ms: performance.now() - started };
    } catch {
      prepared = null;  // drawing makes its own, and says what went wrong
    }
    return;
  }
  try {
    const started = performance.now();
    await fontsReady;
    const picture = JSON.parse(event.data.picture);
    const scale = event.data.scale;
    const [width, height] = [Math.max(1, Math.round(picture.width * scale)), Math.max(1, Math.round(picture.height * scale))];
    const ready = prepared && prepared.canvas.width === width && prepared.canvas.height === height;
    const canvas = ready ? prepared.canvas : new OffscreenCanvas(width, height);
    const read = performance.now();
    drawPicture(canvas, picture, (progress) => self.postMessage({ progress }));
    // The canvas may only have recorded the marks so far: reading a pixel
    // makes it draw them, so that `draw` is the drawing's time.
    canvas.getContext('2d').getImageData(0, 0, 1, 1);
    self.postMessage({ progress: 0.9 });
    const drawn = performance.now();
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const times = { read: read - started, draw: drawn - read, compress: performance.now() - drawn, canvas: ready ? prepared.ms : 0 };
    prepared = null;
    self.postMessage({ blob, times });
  } catch (error) {
    self.postMessage({ error: String(error && error.message || error) });
  }
};
