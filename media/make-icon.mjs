// Draws media/icon.png (128×128): a scale set as a grid of instances, upgraded batch by batch.
// No dependencies: pixels are computed here (4× supersampled) and written as a PNG with node:zlib.
// Usage: node media/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { deflateSync } from 'node:zlib';
import process from 'node:process';

const SIZE = 128;
const SS = 4;
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const BACKGROUND = hex('#0b2a4a');
const DONE = hex('#3fb950');
const ACTIVE = hex('#f2a93b');
const WAITING = hex('#5b7a99');

/** Signed distance to a rounded rectangle (x, y, w, h, radius r). */
function roundedRect(px, py, x, y, w, h, r) {
  const dx = Math.max(Math.abs(px - (x + w / 2)) - (w / 2 - r), 0);
  const dy = Math.max(Math.abs(py - (y + h / 2)) - (h / 2 - r), 0);
  return Math.hypot(dx, dy) - r;
}

// Shapes drawn in order, later on top: [x, y, w, h, r, colour].
const shapes = [[0, 0, 128, 128, 24, BACKGROUND]];
const columns = 5;
const rows = 4;
const cell = 16;
const gap = 6;
const left = (128 - (columns * cell + (columns - 1) * gap)) / 2;
const top = (128 - (rows * cell + (rows - 1) * gap)) / 2;
for (let c = 0; c < columns; c++) {
  for (let r = 0; r < rows; r++) {
    const colour = c < 2 ? DONE : c === 2 ? ACTIVE : WAITING;
    shapes.push([left + c * (cell + gap), top + r * (cell + gap), cell, cell, 4, colour]);
  }
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS;
        const py = y + (sy + 0.5) / SS;
        let colour;
        for (const [sx0, sy0, w, h, rad, c] of shapes) if (roundedRect(px, py, sx0, sy0, w, h, rad) <= 0) colour = c;
        if (colour) {
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
    }
    const n = SS * SS;
    const covered = a / 255;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = covered ? Math.round(r / covered) : 0;
    raw[o + 1] = covered ? Math.round(g / covered) : 0;
    raw[o + 2] = covered ? Math.round(b / covered) : 0;
    raw[o + 3] = Math.round(a / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'icon.png'), png);
process.stdout.write(`media/icon.png: ${png.length} bytes\n`);
