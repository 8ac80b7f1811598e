/**
 * A minimal ZIP writer: stored (uncompressed) entries with their CRC-32, a central directory and the
 * end record. Timestamps are fixed (1980-01-01 00:00), so the same entries give the same bytes.
 */
import { concatBytes, crc32 } from './crc32.ts';

/** One file of a ZIP archive. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const DOS_TIME = 0;
/** 1980-01-01: (year − 1980) << 9 | month << 5 | day. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function header(size: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(size);
  return { bytes, view: new DataView(bytes.buffer) };
}

/**
 * Builds a ZIP archive of stored entries.
 *
 * @example
 * buildZip([{ name: 'hello.txt', data: new TextEncoder().encode('hello') }]); // PK\x03\x04 …
 */
export function buildZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const crc = crc32(entry.data);
    const local = header(30 + name.length);
    local.view.setUint32(0, 0x04034b50, true);
    local.view.setUint16(4, 20, true); // version needed
    local.view.setUint16(6, 0x0800, true); // UTF-8 names
    local.view.setUint16(8, 0, true); // stored
    local.view.setUint16(10, DOS_TIME, true);
    local.view.setUint16(12, DOS_DATE, true);
    local.view.setUint32(14, crc, true);
    local.view.setUint32(18, entry.data.length, true);
    local.view.setUint32(22, entry.data.length, true);
    local.view.setUint16(26, name.length, true);
    local.view.setUint16(28, 0, true);
    local.bytes.set(name, 30);
    locals.push(local.bytes, entry.data);

    const central = header(46 + name.length);
    central.view.setUint32(0, 0x02014b50, true);
    central.view.setUint16(4, 20, true); // version made by
    central.view.setUint16(6, 20, true);
    central.view.setUint16(8, 0x0800, true);
    central.view.setUint16(10, 0, true);
    central.view.setUint16(12, DOS_TIME, true);
    central.view.setUint16(14, DOS_DATE, true);
    central.view.setUint32(16, crc, true);
    central.view.setUint32(20, entry.data.length, true);
    central.view.setUint32(24, entry.data.length, true);
    central.view.setUint16(28, name.length, true);
    central.view.setUint32(42, offset, true);
    central.bytes.set(name, 46);
    centrals.push(central.bytes);
    offset += local.bytes.length + entry.data.length;
  }
  const directory = concatBytes(centrals);
  const end = header(22);
  end.view.setUint32(0, 0x06054b50, true);
  end.view.setUint16(8, entries.length, true);
  end.view.setUint16(10, entries.length, true);
  end.view.setUint32(12, directory.length, true);
  end.view.setUint32(16, offset, true);
  return concatBytes([...locals, directory, end.bytes]);
}
