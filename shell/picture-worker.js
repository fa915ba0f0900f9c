// Draws an exported picture (layout/picture.cpp: the marks the SVG export
// writes) onto an OffscreenCanvas and compresses it to PNG, away from the
// page's thread: the page stays responsive and shows the progress posted.
//
// In:  {picture, scale}: the picture as JSON text, and pixels per CSS pixel.
// Out: {progress} (0 to 1) while drawing; then {blob} or {error}.
'use strict';

const fontFamily = "'Planner Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

// The page's own Liberation Sans faces (dist/fonts), so that the picture's
// text is the same on every machine; system fonts stand in if they fail.
const fontsReady = Promise.all([['normal', 'LiberationSans-Regular.ttf'], ['bold', 'LiberationSans-Bold.ttf']].map(
  ([weight, file]) => new FontFace('Planner Sans', `url(fonts/${file})`, { weight }).load()
    .then((face) => self.fonts.add(face)).catch(() => null)));

// White stripes, 4 units apart at 45 degrees, over a hatched box's fill
// (the SVG's pattern, layout/svg_writer.cpp).
function hatchPattern(context) {
  const tile = new OffscreenCanvas(16, 16);
  const ink = tile.getContext('2d');
  ink.fillStyle = '#ffffff';
  ink.fillRect(0, 0, 3, 16);  // the SVG's 1.5-unit line on the tile's edge, clipped to the tile as SVG does
  const pattern = context.createPattern(tile, 'repeat');
  pattern.setTransform(new DOMMatrix().rotate(45).scale(4 / 16));
  return pattern;
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
  const colour = (paint) => picture.colours[paint];
  const hatch = hatchPattern(context);
  const dashes = [[], [6 * unit, 4 * unit], [1.5 * unit, 3 * unit]];  // solid, dashed, dotted
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
        if (hatched) {
          context.fillStyle = hatch;
          context.fillRect(rx, ry, rw, rh);
        }
        break;
      }
      case 1:  // polyline: stroke, width, dash, then points
        path(mark, 4, false);
        stroke(mark[1], mark[2], mark[3]);
        break;
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
        const s = size / fontSize;
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

self.onmessage = async (event) => {
  try {
    await fontsReady;
    const picture = JSON.parse(event.data.picture);
    const scale = event.data.scale;
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(picture.width * scale)), Math.max(1, Math.round(picture.height * scale)));
    drawPicture(canvas, picture, (progress) => self.postMessage({ progress }));
    self.postMessage({ progress: 0.9 });
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    self.postMessage({ blob });
  } catch (error) {
    self.postMessage({ error: String(error && error.message || error) });
  }
};
