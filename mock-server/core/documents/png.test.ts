import { describe, expect, it } from 'vitest';
import { Canvas, COLORS } from './canvas.ts';
import { adler32, concatBytes, crc32 } from './crc32.ts';
import { encodePng, zlibStored } from './png.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Chunk {
  type: string;
  data: Uint8Array;
  crc: number;
  computed: number;
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
      computed: crc32(png.subarray(at + 4, at + 8 + length)),
    });
    at += 12 + length;
  }
  return found;
}

/** Inflates a zlib stream made only of stored blocks (what zlibStored writes). */
function inflateStored(stream: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 2;
  for (;;) {
    const final = (stream[at] as number) & 1;
    const length = (stream[at + 1] as number) | ((stream[at + 2] as number) << 8);
    parts.push(stream.subarray(at + 5, at + 5 + length));
    at += 5 + length;
    if (final) break;
  }
  const data = concatBytes(parts);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  expect(view.getUint32(at)).toBe(adler32(data));
  return data;
}

describe('crc32 and adler32', () => {
  it('match the published check values', () => {
    const digits = new TextEncoder().encode('123456789');
    expect(crc32(digits)).toBe(0xcbf43926);
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
  });
});

describe('encodePng', () => {
  const canvas = new Canvas(40, 12, COLORS.white)
    .text(1, 2, 'K55', COLORS.ink)
    .fillRect(30, 0, 10, 12, COLORS.red);
  const png = canvas.toPng();

  it('starts with the PNG signature and an IHDR chunk with a correct CRC', () => {
    expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
    const [ihdr] = chunks(png);
    expect(ihdr?.type).toBe('IHDR');
    expect(ihdr?.crc).toBe(ihdr?.computed);
    const view = new DataView(ihdr?.data.buffer ?? new ArrayBuffer(0), ihdr?.data.byteOffset, 13);
    expect([view.getUint32(0), view.getUint32(4), ihdr?.data[8], ihdr?.data[9]]).toEqual([40, 12, 8, 3]);
  });

  it('has IHDR, PLTE, IDAT and IEND, every CRC correct', () => {
    const all = chunks(png);
    expect(all.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    for (const chunk of all) expect(chunk.crc, chunk.type).toBe(chunk.computed);
  });

  it('stores the scanlines (filter 0 + palette indices) in a valid zlib stream', () => {
    const idat = chunks(png).find((c) => c.type === 'IDAT');
    const raw = inflateStored(idat?.data ?? new Uint8Array());
    expect(raw.length).toBe((40 + 1) * 12);
    expect(raw[0]).toBe(0);
    expect(raw[1 + 35]).toBe(COLORS.red);
  });

  it('splits data into several stored blocks above 65,535 bytes', () => {
    const data = new Uint8Array(70_000).map((_, i) => i % 251);
    const stream = zlibStored(data);
    expect(stream.length).toBe(2 + 2 * 5 + data.length + 4);
    expect(Buffer.from(inflateStored(stream)).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses a pixel count that does not match the size', () => {
    expect(() => encodePng({ width: 2, height: 2, palette: [[0, 0, 0]], pixels: new Uint8Array(3) })).toThrow(
      RangeError,
    );
  });
});
