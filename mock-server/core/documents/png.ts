/**
 * A tiny PNG encoder for palette images: scanlines (filter 0) in a zlib stream of stored deflate
 * blocks, chunks with their CRC-32. No compression and no Node built-ins, so it runs anywhere and the
 * same pixels always give the same bytes.
 */
import { adler32, concatBytes, crc32 } from './crc32.ts';

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
 * A zlib stream of stored (uncompressed) deflate blocks of at most 65,535 bytes each.
 *
 * @example
 * zlibStored(new Uint8Array([1, 2, 3])); // 78 01 01 03 00 fc ff 01 02 03 + Adler-32
 */
export function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4);
  const view = new DataView(out.buffer);
  out[0] = 0x78;
  out[1] = 0x01;
  let at = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const length = Math.min(65535, data.length - start);
    out[at] = b === blocks - 1 ? 1 : 0;
    view.setUint16(at + 1, length, true);
    view.setUint16(at + 3, ~length & 0xffff, true);
    out.set(data.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  view.setUint32(at, adler32(data));
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
  return concatBytes([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
