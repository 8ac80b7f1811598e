/**
 * A tiny PNG encoder for palette images: scanlines (filter 0) in a zlib stream that fflate deflates,
 * chunks with their CRC-32. No Node built-ins, so it runs anywhere (the MSW entry runs in browsers),
 * and the same pixels always give the same bytes. pngjs would bring Node's zlib and streams to the
 * browser bundle for the same result; test/mock-server/documents-readers.test.ts decodes every image
 * with it.
 */
import { zlibSync } from 'fflate';

/** An RGB colour, 0–255 each. */
export type Rgb = readonly [number, number, number];

/** A palette image: one byte per pixel, an index into `palette`. */
export interface PaletteImage {
  width: number;
  height: number;
  palette: readonly Rgb[];
  pixels: Uint8Array;
}

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let crcTable: Uint32Array | undefined;

/**
 * The CRC-32 (IEEE 802.3) of bytes, as PNG chunks carry it. fflate computes the same one for ZIP
 * entries but does not export it; this is the only copy in the mock.
 */
function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes a palette image as PNG (colour type 3, 8 bits per pixel).
 *
 * @example
 * encodePng({ width: 1, height: 1, palette: [[255, 255, 255]], pixels: new Uint8Array([0]) }); // 89 50 4E 47 …
 */
export function encodePng(image: PaletteImage): Uint8Array {
  const { width, height, palette, pixels } = image;
  if (pixels.length !== width * height)
    throw new RangeError(`Expected ${width * height} pixels, got ${pixels.length}.`);
  if (palette.length < 1 || palette.length > 256) throw new RangeError('A PNG palette has 1 to 256 colours.');
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // colour type: palette
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach(([r, g, b], i) => {
    plte.set([r, g, b], i * 3);
  });
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const chunks = [
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(chunks.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of chunks) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
