import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Canvas, COLORS } from './canvas.ts';
import { encodePng } from './png.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Chunk {
  type: string;
  data: Uint8Array;
  crc: number;
  /** The CRC-32 Node's zlib computes over the chunk's type and data. */
  expected: number;
}

function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    found.push({
      type,
      data,
      crc: view.getUint32(at + 8 + length),
      expected: crc32(png.subarray(at + 4, at + 8 + length)),
    });
    at += 12 + length;
  }
  return found;
}

describe('encodePng', () => {
  const canvas = new Canvas(40, 12, COLORS.white)
    .text(1, 2, 'K55', COLORS.ink)
    .fillRect(30, 0, 10, 12, COLORS.red);
  const png = canvas.toPng();

  it('starts with the PNG signature and an IHDR chunk of the size, 8-bit palette', () => {
    expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
    const [ihdr] = chunks(png);
    expect(ihdr?.type).toBe('IHDR');
    const view = new DataView(ihdr?.data.buffer ?? new ArrayBuffer(0), ihdr?.data.byteOffset, 13);
    expect([view.getUint32(0), view.getUint32(4), ihdr?.data[8], ihdr?.data[9]]).toEqual([40, 12, 8, 3]);
  });

  it('has IHDR, PLTE, IDAT and IEND, every CRC-32 the one zlib computes', () => {
    const all = chunks(png);
    expect(all.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    for (const chunk of all) expect(chunk.crc, chunk.type).toBe(chunk.expected);
  });

  it('stores the scanlines (filter 0 + palette indices) in a zlib stream that zlib inflates', () => {
    const idat = chunks(png).find((c) => c.type === 'IDAT');
    const raw = inflateSync(idat?.data ?? new Uint8Array());
    expect(raw.length).toBe((40 + 1) * 12);
    expect(raw[0]).toBe(0);
    expect(raw[1 + 35]).toBe(COLORS.red);
  });

  it('is deterministic', () => {
    expect(new Canvas(8, 8).text(0, 0, 'A').toPng()).toEqual(new Canvas(8, 8).text(0, 0, 'A').toPng());
  });

  it('refuses a pixel count that does not match the size', () => {
    expect(() => encodePng({ width: 2, height: 2, palette: [[0, 0, 0]], pixels: new Uint8Array(3) })).toThrow(
      RangeError,
    );
  });
});
