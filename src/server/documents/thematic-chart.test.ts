import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { barChartPng, encodePng } from './thematic-chart.ts';

/** Reads a PNG back: its chunks with their CRCs checked, and the raw pixel rows. */
function readPng(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    chunks.push({ type, data });
    at += 12 + length;
  }
  const ihdr = chunks.find((c) => c.type === 'IHDR')!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const pixel = (x: number, y: number) => {
    const i = y * (width * 3 + 1) + 1 + x * 3;
    return (raw[i]! << 16) | (raw[i + 1]! << 8) | raw[i + 2]!;
  };
  return { chunks: chunks.map((c) => c.type), width, height, raw, pixel };
}

describe('PNG charts', () => {
  it('encodes an RGB raster that reads back pixel for pixel', () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    const png = readPng(encodePng(2, 2, rgb));
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([png.pixel(0, 0), png.pixel(1, 0), png.pixel(0, 1), png.pixel(1, 1)]).toEqual([0xff0000, 0x00ff00, 0x0000ff, 0xffffff]);
  });

  it('draws taller bars for larger values, in the series colours', () => {
    const chart = barChartPng({ categories: ['5', '6'], series: [{ name: 'a', color: 0x1f4e79, values: [2, 8] }], width: 400, height: 300 });
    const png = readPng(chart.png);
    expect([png.width, png.height]).toEqual([400, 300]);
    const columnHeight = (x: number) => {
      let n = 0;
      for (let y = 0; y < png.height; y++) if (png.pixel(x, y) === 0x1f4e79) n++;
      return n;
    };
    // The plot spans x 30..380: the two groups are centred at 117.5 and 292.5.
    const first = columnHeight(117);
    const second = columnHeight(292);
    expect(first).toBeGreaterThan(0);
    expect(second / first).toBeCloseTo(4, 1);
  });
});
