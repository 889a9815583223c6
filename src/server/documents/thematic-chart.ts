/**
 * @module thematic-chart
 * Grouped bar charts as PNG for the thematic report's DOCX, drawn pixel by pixel and encoded
 * here (zlib from Node, a CRC-32 of our own): no canvas, no native binary, no font file, so
 * the same bytes come out on every machine. Numbers (values above bars, article numbers
 * below) use a 3×5 pixel digit font; words go in the document's caption and table, where a
 * reader and a screen reader find them.
 */
import { deflateSync } from 'node:zlib';

export interface BarSeries {
  name: string;
  /** RGB, e.g. 0x1f4e79. */
  color: number;
  values: readonly number[];
}

export interface BarChart {
  /** Category labels: digits only (article numbers); other characters are skipped. */
  categories: readonly string[];
  series: readonly BarSeries[];
  width?: number;
  height?: number;
}

// 3×5 digits, one row per string, '#' = ink.
const DIGITS: Record<string, string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '..#', '..#'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
};
const SCALE = 3;
const GLYPH_W = 3 * SCALE;
const GLYPH_H = 5 * SCALE;
const GAP = SCALE;

class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  rect(x: number, y: number, w: number, h: number, color: number): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.floor(x + w));
    const y1 = Math.min(this.height, Math.floor(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.width + xx) * 3;
        this.pixels[i] = (color >> 16) & 0xff;
        this.pixels[i + 1] = (color >> 8) & 0xff;
        this.pixels[i + 2] = color & 0xff;
      }
    }
  }

  textWidth(text: string): number {
    const n = [...text].filter((c) => DIGITS[c]).length;
    return n === 0 ? 0 : n * GLYPH_W + (n - 1) * GAP;
  }

  /** Digits centred on x, top at y. */
  digits(text: string, cx: number, y: number, color: number): void {
    let x = Math.round(cx - this.textWidth(text) / 2);
    for (const c of text) {
      const glyph = DIGITS[c];
      if (!glyph) continue;
      glyph.forEach((row, ry) => [...row].forEach((cell, rx) => cell === '#' && this.rect(x + rx * SCALE, y + ry * SCALE, SCALE, SCALE, color)));
      x += GLYPH_W + GAP;
    }
  }
}

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGB raster as PNG bytes (8 bits per channel, no filtering, deflated). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** A grouped bar chart: one group per category, one bar per series, the value above each bar. */
export function barChartPng(chart: BarChart): { png: Buffer; width: number; height: number } {
  const width = chart.width ?? 1200;
  const height = chart.height ?? 500;
  const r = new Raster(width, height);
  const left = 30;
  const right = 20;
  const top = GLYPH_H + 20;
  const bottom = GLYPH_H + 24;
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  const groups = Math.max(1, chart.categories.length);
  const groupW = plotW / groups;
  const barW = Math.max(2, Math.min(60, (groupW * 0.8) / Math.max(1, chart.series.length)));
  // Light grid at quarters of the maximum.
  for (let q = 1; q <= 4; q++) r.rect(left, top + plotH - (plotH * q) / 4, plotW, 1, 0xdddddd);
  chart.categories.forEach((category, g) => {
    const groupX = left + g * groupW + (groupW - barW * chart.series.length) / 2;
    chart.series.forEach((s, i) => {
      const value = s.values[g] ?? 0;
      const h = Math.round((plotH * value) / max);
      const x = groupX + i * barW;
      r.rect(x + 1, top + plotH - h, barW - 2, h, s.color);
      if (barW >= GLYPH_W * String(value).length * 0.6) r.digits(String(value), x + barW / 2, top + plotH - h - GLYPH_H - 4, 0x333333);
    });
    r.digits(category, left + g * groupW + groupW / 2, top + plotH + 10, 0x000000);
  });
  // Axis.
  r.rect(left, top + plotH, plotW, 2, 0x000000);
  return { png: encodePng(width, height, r.pixels), width, height };
}
