/**
 * The mock writes its PNG and XLSX (a ZIP) bytes by hand (mock-server/core/documents/); here readers
 * that know nothing of that code open them: pngjs decodes every PNG (ID card sides, check images) at
 * its size, fflate lists and inflates every entry of the PCP panel XLSX, and Node's zlib.crc32 checks
 * each entry's CRC-32 against the central directory. (PDF text through pdf.js and XLSX rows through a
 * spreadsheet library are not here yet: see the README, Design.)
 */
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_MEMBERS as M, SCENARIO_CHECKS } from '../../mock-server/data/scenario-members.ts';
import { createTestPortal } from './helpers.ts';

async function bytes(response: Response): Promise<Uint8Array> {
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** Name → CRC-32 and uncompressed size, read from the ZIP's central directory. */
function centralDirectory(zip: Uint8Array): Map<string, { crc: number; size: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const entries = new Map<string, { crc: number; size: number }>();
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { crc: view.getUint32(at + 16, true), size: view.getUint32(at + 24, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe('documents opened by readers outside the project', () => {
  it('every PNG decodes with pngjs at its size: ID card sides 340×214, check images 480×200', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const images: [string, number, number][] = [
      [`/api/v1/members/${M.activeCommercial}/id-card/front`, 340, 214],
      [`/api/v1/members/${M.activeCommercial}/id-card/back`, 340, 214],
      [`/api/v1/members/${M.temporaryIdCard}/id-card/front`, 340, 214],
      [`/api/v1/payments/checks/${SCENARIO_CHECKS.recent}/image`, 480, 200],
    ];
    for (const [path, width, height] of images) {
      const png = PNG.sync.read(Buffer.from(await bytes(await portal.call('GET', path, { token }))));
      expect([png.width, png.height], path).toEqual([width, height]);
      expect(png.data.length).toBe(width * height * 4);
      // Not blank: more than one colour was drawn.
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
      expect(colours.size, path).toBeGreaterThan(1);
    }
  });

  it('the XLSX is a ZIP that fflate lists and inflates, each entry with the CRC-32 zlib computes', async () => {
    const portal = createTestPortal({ members: 3000 });
    const token = await portal.tokenFor('admin.a');
    const created = (await (
      await portal.call('POST', '/api/v1/reports/pcp-member-panel', {
        token,
        json: { pcpNpi: '1234567893', taxId: '060646668' },
      })
    ).json()) as { documentId: string };
    await portal.advance({ minutes: 2 });
    const xlsx = await bytes(
      await portal.call('GET', `/api/v1/documents/${created.documentId}/content`, {
        token: await portal.tokenFor('admin.a'),
      }),
    );
    const files = unzipSync(xlsx);
    const names = Object.keys(files).sort();
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    expect(names.some((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))).toBe(true);
    const directory = centralDirectory(xlsx);
    expect([...directory.keys()].sort()).toEqual(names);
    for (const [name, data] of Object.entries(files)) {
      expect(directory.get(name), name).toEqual({ crc: crc32(data), size: data.length });
    }
    const sheet = new TextDecoder().decode(
      files[names.find((n) => n.startsWith('xl/worksheets/')) ?? ''] ?? new Uint8Array(),
    );
    expect(sheet).toContain('<sheetData>');
  });
});
