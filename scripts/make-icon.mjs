#!/usr/bin/env node
/**
 * Draws Herald's application icon, resources/icon.png (1024×1024 RGBA; electron-builder derives the
 * .ico/.icns/Linux sizes from it and wants at least 512×512): a rounded square with a diagonal
 * indigo-to-teal gradient, a soft shadow, and a white "H". Anti-aliased by 4×4 supersampling.
 * Pure Node (zlib); the PNG layout follows the PNG specification (RFC 2083 / W3C PNG 3rd edition).
 *
 *   node scripts/make-icon.mjs [out.png] [size]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? resolve(here, '..', 'resources', 'icon.png'));
const size = Number(process.argv[3] ?? 1024);
if (!Number.isInteger(size) || size < 16)
  throw new Error(`size must be an integer ≥ 16, got ${process.argv[3]}`);

/** Signed distance from (px, py) to a rounded rectangle (centre cx, cy; half sizes hw, hh; radius r). */
function roundedRect(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

// Geometry in units of the icon side (0..1).
const tile = { cx: 0.5, cy: 0.5, hw: 0.41, hh: 0.41, r: 0.19 };
const shadow = { dy: 0.016, blur: 0.05 };
const stroke = 0.105; // width of the H's bars
const bar = { hh: 0.22, r: 0.02 };
const H = [
  { cx: 0.5 - 0.125, cy: 0.5, hw: stroke / 2, hh: bar.hh, r: bar.r }, // left bar
  { cx: 0.5 + 0.125, cy: 0.5, hw: stroke / 2, hh: bar.hh, r: bar.r }, // right bar
  { cx: 0.5, cy: 0.5, hw: 0.125, hh: stroke / 2.4, r: 0.005 }, // crossbar
];
const top = [76, 110, 245]; // #4C6EF5 indigo
const bottom = [18, 184, 134]; // #12B886 teal

const mix = (a, b, t) => a + (b - a) * t;
const smooth = (e0, e1, x) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** Premultiplied RGBA of one sample at (x, y) in icon units. */
function sample(x, y) {
  const inTile = roundedRect(x, y, tile.cx, tile.cy, tile.hw, tile.hh, tile.r) <= 0;
  if (!inTile) {
    const d = roundedRect(x, y - shadow.dy, tile.cx, tile.cy, tile.hw, tile.hh, tile.r);
    const a = 0.22 * (1 - smooth(-0.01, shadow.blur, d));
    return [0, 0, 0, a];
  }
  const inH = H.some((b) => roundedRect(x, y, b.cx, b.cy, b.hw, b.hh, b.r) <= 0);
  if (inH) return [1, 1, 1, 1];
  const t = Math.min(1, Math.max(0, (x + y - 0.18) / 1.64)); // diagonal, top-left to bottom-right
  const glow = 0.1 * (1 - smooth(0, 0.6, Math.hypot(x - 0.3, y - 0.22))); // soft light, top left
  return [0, 1, 2].map((i) => Math.min(1, mix(top[i], bottom[i], t) / 255 + glow)).concat(1);
}

const SS = 4;
const stride = size * 4 + 1;
const raw = Buffer.alloc(stride * size);
for (let py = 0; py < size; py++) {
  raw[py * stride] = 0; // filter: none
  for (let px = 0; px < size; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [r, g, b, a] = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
        acc[0] += r * a;
        acc[1] += g * a;
        acc[2] += b * a;
        acc[3] += a;
      }
    }
    const o = py * stride + 1 + px * 4;
    const alpha = acc[3] / (SS * SS);
    for (let i = 0; i < 3; i++) raw[o + i] = acc[3] > 0 ? Math.round((acc[i] / acc[3]) * 255) : 0;
    raw[o + 3] = Math.round(alpha * 255);
  }
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type: RGBA
ihdr[10] = 0; // compression
ihdr[11] = 0; // filter method
ihdr[12] = 0; // no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`Wrote ${out} (${size}×${size}, ${png.length} bytes)`);
