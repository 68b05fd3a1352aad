/**
 * Draws Weir's app icon (water running over a weir crest, on a rounded square) and writes
 * resources/build/icon.png, which electron-builder turns into the .icns, .ico and Linux icons.
 * Drawn here from shapes, so the project owns it outright; run by `npm run dist`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png-encode.js';

type Rgba = readonly [number, number, number, number];

const mix = (a: Rgba, b: Rgba, t: number): Rgba => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, a[3] + (b[3] - a[3]) * t];
const over = (base: Rgba, top: Rgba, alpha: number): Rgba => mix(base, [top[0], top[1], top[2], base[3]], alpha);

const NAVY: Rgba = [11, 61, 145, 255];
const TEAL: Rgba = [15, 118, 110, 255];
const WATER: Rgba = [96, 165, 250, 255];
const RIPPLE: Rgba = [191, 219, 254, 255];
const WHITE: Rgba = [248, 250, 252, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The icon at one point of the unit square (u right, v down). */
export function iconColor(u: number, v: number): Rgba {
  const margin = 0.06;
  const radius = 0.2;
  const dx = Math.max(margin + radius - u, 0, u - (1 - margin - radius));
  const dy = Math.max(margin + radius - v, 0, v - (1 - margin - radius));
  if (u < margin || u > 1 - margin || v < margin || v > 1 - margin || dx * dx + dy * dy > radius * radius) return CLEAR;
  let color = mix(NAVY, TEAL, (v - margin) / (1 - 2 * margin));
  const inSpan = u > 0.14 && u < 0.86;
  if (v > 0.24 && v < 0.52) {
    color = over(color, WATER, 0.9);
    for (const base of [0.31, 0.42]) {
      const wave = base + 0.018 * Math.sin(2 * Math.PI * (3 * u + base * 4));
      if (Math.abs(v - wave) < 0.014) color = RIPPLE;
    }
  }
  if (inSpan && v >= 0.52 && v < 0.6) color = WHITE;
  if (inSpan && v >= 0.6 && v < 0.8) {
    const streak = Math.sin(2 * Math.PI * 12 * u) > 0.2 ? 1 : 0.45;
    color = over(color, WHITE, streak * 0.85 * (1 - (v - 0.6) / 0.2) ** 1.5);
  }
  const foam = 0.82 + 0.012 * Math.sin(2 * Math.PI * 5 * u);
  if (v > foam - 0.016 && v < foam + 0.016 && u > 0.1 && u < 0.9) color = over(color, RIPPLE, 0.8);
  return color;
}

/** RGBA pixels, 3x3 samples per pixel for smooth edges. */
export function renderIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 3;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = iconColor((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          // Premultiply so transparent samples do not darken the edge.
          sum[0]! += c[0] * c[3];
          sum[1]! += c[1] * c[3];
          sum[2]! += c[2] * c[3];
          sum[3]! += c[3];
        }
      }
      const alpha = sum[3]!;
      const i = (y * size + x) * 4;
      if (alpha > 0) for (let k = 0; k < 3; k++) out[i + k] = Math.round(sum[k]! / alpha);
      out[i + 3] = Math.round(alpha / (n * n));
    }
  }
  return out;
}

export function writeIcon(file: string, size = 1024): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(size, size, renderIcon(size)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  writeIcon(join(root, 'resources/build/icon.png'));
  process.stdout.write('wrote resources/build/icon.png\n');
}
