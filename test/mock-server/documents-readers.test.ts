/**
 * Every kind of document the mock serves, opened by a reader that knows nothing of how it was
 * written, and compared with the JSON answer it stands for:
 *
 * - PDF (explanation of payment, summary of benefits, care plan, check as PDF, a long document):
 *   pdf.js (`pdfjs-dist`) parses it and extracts its text, page by page;
 * - XLSX (PCP member panel report): `read-excel-file` reads its rows;
 * - ZIP (the XLSX container): fflate lists and inflates its entries, Node's zlib checks each CRC-32;
 * - PNG (ID card sides, check images): `pngjs` decodes it at its size;
 * - CSV (claims export): `csv-parse` reads its records.
 *
 * The served spec (YAML) is read by `yaml` in test/mock-server/spec-served.test.ts.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../mock-server/core/documents/pdf.ts';
import {
  SCENARIO_MEMBERS as M,
  SCENARIO_CHECKS,
  SCENARIO_CLAIMS,
} from '../../mock-server/data/scenario-members.ts';
import type { components } from '../../sdk/generated/portal.ts';
import { createTestPortal, type TestPortal } from './helpers.ts';

type Schemas = components['schemas'];

const STANDARD_FONTS = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/** Dollars as en-US prints them (Intl, not the mock's own formatter). */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format;
/** `YYYY-MM-DD` as `MM/DD/YYYY`. */
const us = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;

async function bytes(response: Response): Promise<Uint8Array> {
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function json<T>(response: Response): Promise<T> {
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** The text lines of a PDF as pdf.js extracts them, and its page count. */
async function pdfText(pdf: Uint8Array): Promise<{ pages: number; lines: string[] }> {
  // pdf.js takes the buffer over: hand it a copy.
  const document = await getDocument({
    data: pdf.slice(),
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  const lines: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str !== '') lines.push(item.str);
  }
  const pages = document.numPages;
  await document.destroy();
  return { pages, lines };
}

/** A document made by an export or a report, once the mock clock has prepared it. */
async function preparedDocument(
  portal: TestPortal,
  username: string,
  path: string,
  body: unknown,
): Promise<{ document: Schemas['Document']; content: Uint8Array; contentType: string | null }> {
  const created = await portal.call('POST', path, { token: await portal.tokenFor(username), json: body });
  expect(created.status).toBe(202);
  const { documentId } = (await created.json()) as Schemas['Document'];
  await portal.advance({ minutes: 2 });
  const token = await portal.tokenFor(username);
  const response = await portal.call('GET', `/api/v1/documents/${documentId}/content`, { token });
  const contentType = response.headers.get('content-type');
  const content = await bytes(response);
  const document = await json<Schemas['Document']>(
    await portal.call('GET', `/api/v1/documents/${documentId}`, { token }),
  );
  return { document, content, contentType };
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

describe('PDFs, parsed by pdf.js', () => {
  it('the explanation of payment shows the claim, its lines and the amounts of getClaim', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('billing.a');
    const claim = await json<Schemas['Claim']>(
      await portal.call('GET', `/api/v1/claims/${SCENARIO_CLAIMS.paidByCheck}`, { token }),
    );
    const { pages, lines } = await pdfText(
      await bytes(
        await portal.call('GET', `/api/v1/claims/${SCENARIO_CLAIMS.paidByCheck}/explanation-of-payment`, {
          token,
        }),
      ),
    );
    expect(pages).toBe(1);
    const text = lines.join('\n');
    expect(lines[0]).toBe('Explanation of Payment');
    expect(text).toContain(`Claim ${claim.claimNumber} - ${claim.status}`);
    expect(text).toContain(`Member: ${claim.memberName} (${claim.memberId})`);
    expect(text).toContain(`Claim total: billed ${usd(claim.billedAmount)}, paid ${usd(claim.paidAmount)}`);
    expect(text).toContain(`total ${usd(claim.remittance?.totalPaidAmount ?? Number.NaN)}`);
    expect(text).toContain(`check ${claim.remittance?.checkNumber}`);
    for (const line of claim.lines) {
      expect(text).toContain(`${line.lineNumber} | ${line.procedureCode}`);
      expect(text).toContain(`${usd(line.billedAmount)} | ${usd(line.allowedAmount)}`);
    }
  });

  it('the summary of benefits shows the plan, deductible and out-of-pocket limit of getBenefitsSummary', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const benefits = await json<Schemas['BenefitsSummary']>(
      await portal.call('GET', `/api/v1/members/${M.activeCommercial}/benefits`, { token }),
    );
    const { lines } = await pdfText(
      await bytes(
        await portal.call('GET', `/api/v1/members/${M.activeCommercial}/summary-of-benefits`, { token }),
      ),
    );
    const text = lines.join('\n');
    expect(lines[0]).toBe('Summary of Benefits and Coverage');
    expect(text).toContain(`${benefits.planName} - `);
    expect(text).toContain(`plan year ${benefits.planYear}`);
    expect(text).toContain(`(member ID ${M.activeCommercial})`);
    expect(text).toContain(
      `${usd(benefits.deductible.individual)} individual / ${usd(benefits.deductible.family)} family`,
    );
    expect(text).toContain(
      `${usd(benefits.outOfPocketMax.individual)} individual / ${usd(benefits.outOfPocketMax.family)} family`,
    );
    // A WinAnsi typographic apostrophe comes back as U+2019.
    expect(text).toContain('the member\u2019s eligibility');
  });

  it('the care plan shows what getCarePlan shows, and says that sensitive parts are withheld', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    const memberId = M.carePlanSensitiveParts;
    const { attestationId } = (await (
      await portal.call('POST', `/api/v1/members/${memberId}/care-plan/attestations`, {
        token,
        json: { attested: true },
      })
    ).json()) as { attestationId: string };
    const headers = { 'X-Care-Plan-Attestation': attestationId };
    const plan = await json<Schemas['CarePlan']>(
      await portal.call('GET', `/api/v1/members/${memberId}/care-plan`, { token, headers }),
    );
    const { lines } = await pdfText(
      await bytes(
        await portal.call('GET', `/api/v1/members/${memberId}/care-plan/document`, { token, headers }),
      ),
    );
    const text = lines.join('\n');
    expect(lines[0]).toBe('Care Plan Details');
    expect(text).toContain(`Member Name ${plan.memberName} | Member ID ${plan.memberId}`);
    expect(text).toContain(`Date of Birth ${us(plan.dateOfBirth)}`);
    expect(plan.sensitivePartsWithheld).toBe(true);
    expect(text).toContain(`Call the Care Team at ${plan.careTeamPhone}`);
    expect(plan.problems.length).toBeGreaterThan(0);
    for (const problem of plan.problems) {
      expect(text).toContain(`Problem : ${problem.title}`);
      for (const goal of problem.goals) {
        expect(text).toContain(`Goal: ${goal.description}`);
        for (const item of goal.items) expect(text).toContain(`${item.name} | `);
      }
    }
  });

  it('the check as PDF shows the check number, payee and the amount of the remittance', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('billing.a');
    const claim = await json<Schemas['Claim']>(
      await portal.call('GET', `/api/v1/claims/${SCENARIO_CLAIMS.paidByCheck}`, { token }),
    );
    expect(claim.remittance?.checkNumber).toBe(SCENARIO_CHECKS.recent);
    const response = await portal.call('GET', `/api/v1/payments/checks/${SCENARIO_CHECKS.recent}/image`, {
      token,
      headers: { Accept: 'application/pdf' },
    });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(await bytes(response))).lines.join('\n');
    expect(text).toContain(`Check number: ${SCENARIO_CHECKS.recent}`);
    expect(text).toContain(`Pay to the order of: ${claim.remittance?.payeeName} (Tax ID ${claim.taxId})`);
    expect(text).toContain(`Amount: ${usd(claim.remittance?.totalPaidAmount ?? Number.NaN)}`);
    expect(text).toMatch(new RegExp(`Claims paid: .*${claim.claimNumber}`));
  });

  it('a long document runs over pages, every line and escaped character readable', async () => {
    const lines = [
      'Claim 2026C00123456 (paid) \\ done',
      'Caf\u00e9 \u2013 \u201cquoted\u201d \u2026',
      ...Array.from({ length: 128 }, (_, i) => `Line ${i}`),
    ];
    const read = await pdfText(buildPdf({ title: 'Long', lines }));
    expect(read.pages).toBe(3);
    expect(read.lines).toEqual(lines);
  });
});

describe('the PCP member panel XLSX, read by read-excel-file', () => {
  it('has the heading, the column header and one row per active member, as many as it states', async () => {
    const portal = createTestPortal({ members: 3000 });
    const { document, content, contentType } = await preparedDocument(
      portal,
      'admin.a',
      '/api/v1/reports/pcp-member-panel',
      { pcpNpi: '1234567893', taxId: '060646668' },
    );
    expect(contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(document.sizeBytes).toBe(content.length);
    const sheets = await readXlsxFile(Buffer.from(content));
    expect(sheets.map((s) => s.sheet)).toEqual(['PCP Member Panel']);
    const rows = sheets[0]?.data ?? [];
    expect(rows[0]?.[0]).toBe('PCP member panel: Lopez, Maria (NPI 1234567893, Tax ID 060646668)');
    const stated = /^Active members as of 2026-11-23: (\d+)$/.exec(String(rows[1]?.[0]));
    expect(rows[3]).toEqual([
      'Member ID',
      'Last Name',
      'First Name',
      'Date of Birth',
      'Gender',
      'Product Type',
      'Plan Name',
      'Coverage Start',
      'Coverage End',
    ]);
    const members = rows.slice(4);
    expect(members.length).toBe(Number(stated?.[1]));
    expect(members.length).toBeGreaterThan(10);
    // The active Essential Plan scenario member is on Lopez's panel, as getMember shows them; the
    // termed one is not.
    const token = await portal.tokenFor('admin.a');
    const member = await json<Schemas['MemberDetails']>(
      await portal.call('GET', `/api/v1/members/${M.essentialPlan}`, { token }),
    );
    expect(members.find((row) => row[0] === M.essentialPlan)?.slice(0, 4)).toEqual([
      member.memberId,
      member.lastName,
      member.firstName,
      member.dateOfBirth,
    ]);
    expect(members.some((row) => row[0] === M.termed)).toBe(false);
  });

  it('is a ZIP that fflate lists and inflates, each entry with the CRC-32 and size zlib computes', async () => {
    const portal = createTestPortal({ members: 3000 });
    const { content } = await preparedDocument(portal, 'admin.a', '/api/v1/reports/pcp-member-panel', {
      pcpNpi: '1234567893',
      taxId: '060646668',
    });
    const files = unzipSync(content);
    const names = Object.keys(files);
    expect(names).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    const directory = centralDirectory(content);
    expect([...directory.keys()]).toEqual(names);
    for (const [name, data] of Object.entries(files)) {
      expect(directory.get(name), name).toEqual({ crc: crc32(data), size: data.length });
      // Every entry is an XML part (read as a whole by read-excel-file above).
      expect(new TextDecoder('utf-8', { fatal: true }).decode(data), name).toMatch(/^<\?xml version="1.0"/);
    }
  });
});

describe('PNGs, decoded by pngjs', () => {
  it('every ID card side and check image decodes at its size, not blank', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const images: [string, number, number][] = [];
    for (const memberId of [M.activeCommercial, M.temporaryIdCard]) {
      const card = await json<Schemas['MemberIdCard']>(
        await portal.call('GET', `/api/v1/members/${memberId}/id-card`, { token }),
      );
      expect([card.front.mediaType, card.back.mediaType]).toEqual(['image/png', 'image/png']);
      images.push([card.front.href, 340, 214], [card.back.href, 340, 214]);
    }
    images.push([`/api/v1/payments/checks/${SCENARIO_CHECKS.recent}/image`, 480, 200]);
    for (const [path, width, height] of images) {
      const response = await portal.call('GET', path, { token });
      expect(response.headers.get('content-type'), path).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(await bytes(response)));
      expect([png.width, png.height], path).toEqual([width, height]);
      expect(png.data.length).toBe(width * height * 4);
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
      expect(colours.size, path).toBeGreaterThan(1);
    }
  });
});

describe('the claims export CSV, read by csv-parse', () => {
  it('has the header and, record for record, the rows searchClaims answers for the same filters', async () => {
    const portal = createTestPortal();
    const filters = { from: '2026-09-01', to: '2026-11-23' };
    const { document, content, contentType } = await preparedDocument(
      portal,
      'billing.a',
      '/api/v1/claim-exports',
      filters,
    );
    expect(contentType).toMatch(/^text\/csv/);
    expect(document.sizeBytes).toBe(content.length);
    const records = parseCsv(new TextDecoder().decode(content), { columns: true }) as Record<
      string,
      string
    >[];
    const token = await portal.tokenFor('billing.a');
    const claims: Schemas['ClaimSummary'][] = [];
    for (let page = 1; ; page++) {
      const answer = await json<Schemas['ClaimSummaryPage']>(
        await portal.call(
          'GET',
          `/api/v1/claims?from=${filters.from}&to=${filters.to}&pageSize=100&page=${page}`,
          {
            token,
          },
        ),
      );
      claims.push(...answer.data);
      if (page >= answer.page.totalPages) break;
    }
    expect(claims.length).toBeGreaterThan(0);
    expect(records).toEqual(
      claims.map((claim) => ({
        'Claim Number': claim.claimNumber,
        'Member ID': claim.memberId,
        'Member Name': claim.memberName,
        'Provider NPI': claim.providerNpi,
        'Provider Name': claim.providerName,
        'Tax ID': claim.taxId,
        'Service From': claim.serviceFromDate,
        'Service To': claim.serviceToDate,
        'Submitted On': claim.submittedOn,
        Status: claim.status,
        'Billed Amount': claim.billedAmount.toFixed(2),
        'Paid Amount': claim.paidAmount.toFixed(2),
        'Check Number': claim.checkNumber ?? '',
      })),
    );
  });
});
