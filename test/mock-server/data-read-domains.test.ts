/**
 * Portal behaviours of the read domains through the core: Tax ID visibility, the care plan audit log,
 * documents prepared on the mock clock and visible only to their owner, the PCP panel's active
 * members, and the bytes of images and documents.
 */
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_MEMBERS as M,
  SCENARIO_CHECKS,
  SCENARIO_CLAIMS,
} from '../../mock-server/data/scenario-members.ts';
import { createTestPortal } from './helpers.ts';

const TAX_ID_A = '060646668';
const TAX_ID_B = '133456789';

async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function bytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

function ascii(data: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...data.subarray(start, end));
}

describe('Tax ID visibility', () => {
  it('never shows a Tax ID A user another Tax ID’s members, claims, checks or providers', async () => {
    const portal = createTestPortal({ members: 2000 });
    const a = await portal.tokenFor('admin.a');
    // Generated member 6 is of group 6: Tax ID B only.
    expect((await portal.call('GET', '/api/v1/members/K6000000006', { token: a })).status).toBe(404);
    expect((await portal.call('GET', '/api/v1/members/K6000000003', { token: a })).status).toBe(200);
    expect((await portal.call('GET', `/api/v1/members/${M.taxIdBOnly}`, { token: a })).status).toBe(404);
    expect((await portal.call('GET', `/api/v1/claims/${SCENARIO_CLAIMS.taxIdB}`, { token: a })).status).toBe(
      404,
    );
    expect(
      (await portal.call('GET', `/api/v1/payments/checks/${SCENARIO_CHECKS.taxIdB}/image`, { token: a }))
        .status,
    ).toBe(404);
    const claims = await json<{ data: { taxId: string; memberId: string }[]; page: { totalItems: number } }>(
      await portal.call('GET', '/api/v1/claims?from=2026-08-26&to=2026-11-23&pageSize=100', { token: a }),
    );
    expect(claims.page.totalItems).toBeGreaterThan(20);
    expect(new Set(claims.data.map((c) => c.taxId))).toEqual(new Set([TAX_ID_A]));
    const providers = await json<{ data: { taxId: string }[] }>(
      await portal.call('GET', '/api/v1/providers?pageSize=100', { token: a }),
    );
    expect(new Set(providers.data.map((p) => p.taxId))).toEqual(new Set([TAX_ID_A]));
  });

  it('shows a user with roles on both Tax IDs the data of each, as their roles allow', async () => {
    const portal = createTestPortal({ members: 2000 });
    const multi = await portal.tokenFor('multi.tin');
    expect((await portal.call('GET', '/api/v1/members/K6000000006', { token: multi })).status).toBe(200);
    expect((await portal.call('GET', '/api/v1/members/K6000000003', { token: multi })).status).toBe(200);
    // Clinical staff on A (no view_claims), administrator on B: claims of B only.
    const claims = await json<{ data: { taxId: string }[] }>(
      await portal.call('GET', '/api/v1/claims?from=2026-08-26&to=2026-11-23&pageSize=100', { token: multi }),
    );
    expect(new Set(claims.data.map((c) => c.taxId))).toEqual(new Set([TAX_ID_B]));
  });

  it('pages claims newest first with correct totals', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('billing.a');
    const all = await json<{
      data: { claimNumber: string; submittedOn: string }[];
      page: { totalItems: number };
    }>(await portal.call('GET', '/api/v1/claims?from=2026-08-26&to=2026-11-23&pageSize=100', { token }));
    const second = await json<{ data: { claimNumber: string }[]; page: { totalPages: number } }>(
      await portal.call('GET', '/api/v1/claims?from=2026-08-26&to=2026-11-23&page=2&pageSize=10', { token }),
    );
    expect(second.data.map((c) => c.claimNumber)).toEqual(all.data.slice(10, 20).map((c) => c.claimNumber));
    expect(second.page.totalPages).toBe(Math.ceil(all.page.totalItems / 10));
    const days = all.data.map((c) => c.submittedOn);
    expect([...days].sort().reverse()).toEqual(days);
  });
});

describe('care plans', () => {
  it('record the attestation and every view and download in the audit log, with user and time', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    const attested = await json<{ attestationId: string; expiresAt: string }>(
      await portal.call('POST', `/api/v1/members/${M.activeCommercial}/care-plan/attestations`, {
        token,
        json: { attested: true },
      }),
    );
    expect(attested.expiresAt).toBe('2026-11-23T14:15:00Z');
    const headers = { 'X-Care-Plan-Attestation': attested.attestationId };
    await portal.call('GET', `/api/v1/members/${M.activeCommercial}/care-plan`, { token, headers });
    await portal.advance({ minutes: 5 });
    await portal.call('GET', `/api/v1/members/${M.activeCommercial}/care-plan`, { token, headers });
    const pdf = await portal.call('GET', `/api/v1/members/${M.activeCommercial}/care-plan/document`, {
      token,
      headers,
    });
    expect(ascii(await bytes(pdf), 0, 5)).toBe('%PDF-');
    const audit = await json<{ entries: { action: string; userId: string; subject: string; at: string }[] }>(
      await portal.admin('GET', '/audit'),
    );
    const mine = audit.entries.filter((e) => e.subject === M.activeCommercial);
    expect(mine.map((e) => [e.action, e.userId])).toEqual([
      ['care_plan.attest', 'USR-000002'],
      ['care_plan.view', 'USR-000002'],
      ['care_plan.view', 'USR-000002'],
      ['care_plan.download', 'USR-000002'],
    ]);
    expect(mine[2]?.at.startsWith('2026-11-23T14:05')).toBe(true);
  });

  it('refuse another user’s attestation', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    const clinical = await portal.tokenFor('clinical.a');
    const attested = await json<{ attestationId: string }>(
      await portal.call('POST', `/api/v1/members/${M.activeCommercial}/care-plan/attestations`, {
        token: admin,
        json: { attested: true },
      }),
    );
    const response = await portal.call('GET', `/api/v1/members/${M.activeCommercial}/care-plan`, {
      token: clinical,
      headers: { 'X-Care-Plan-Attestation': attested.attestationId },
    });
    expect((await json(response)).code).toBe('CARE_PLAN_ATTESTATION_REQUIRED');
  });

  it('are not shown to billing staff, whose role has no view_care_plans', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('billing.a');
    const response = await portal.call(
      'POST',
      `/api/v1/members/${M.activeCommercial}/care-plan/attestations`,
      {
        token,
        json: { attested: true },
      },
    );
    expect(response.status).toBe(403);
  });
});

describe('documents on the mock clock', () => {
  it('an export is 202 with Retry-After and Location, ready after two minutes of mock time, CSV for its owner only', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('billing.a');
    const created = await portal.call('POST', '/api/v1/claim-exports', {
      token,
      json: { from: '2026-08-26', to: '2026-11-23', memberId: M.claimsWithRemittance },
    });
    expect(created.status).toBe(202);
    expect(created.headers.get('retry-after')).toBe('120');
    const { documentId } = await json<{ documentId: string }>(created);
    expect(created.headers.get('location')).toBe(`/api/v1/documents/${documentId}`);
    await portal.advance({ minutes: 1 });
    const waiting = await portal.call('GET', `/api/v1/documents/${documentId}`, { token });
    expect([waiting.status, waiting.headers.get('retry-after')]).toEqual([202, '60']);
    const early = await json(await portal.call('GET', `/api/v1/documents/${documentId}/content`, { token }));
    expect([early.code, early.retryAfterSeconds]).toEqual(['DOCUMENT_NOT_READY', 60]);
    await portal.advance({ minutes: 1 });
    const ready = await json<{ status: string; sizeBytes: number }>(
      await portal.call('GET', `/api/v1/documents/${documentId}`, { token }),
    );
    expect(ready.status).toBe('ready');
    const csv = await portal.call('GET', `/api/v1/documents/${documentId}/content`, { token });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="claims-2026-08-26-2026-11-23.csv"',
    );
    const text = await csv.text();
    expect(text.length).toBe(ready.sizeBytes);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('Claim Number,Member ID')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
      SCENARIO_CLAIMS.denied,
      SCENARIO_CLAIMS.paidByCheck,
      SCENARIO_CLAIMS.paidByEft,
    ]);
    for (const other of ['admin.a', 'clinical.a']) {
      const otherToken = await portal.tokenFor(other);
      const response = await portal.call('GET', `/api/v1/documents/${documentId}/content`, {
        token: otherToken,
      });
      expect((await json(response)).code).toBe('EXPORT_OWNER_ONLY');
      const list = await json<{ data: unknown[] }>(
        await portal.call('GET', '/api/v1/documents', { token: otherToken }),
      );
      expect(list.data).toEqual([]);
    }
  });

  it('the PCP member panel report lists active members only, as an XLSX', async () => {
    const portal = createTestPortal({ members: 3000 });
    const token = await portal.tokenFor('admin.a');
    const created = await json<{ documentId: string }>(
      await portal.call('POST', '/api/v1/reports/pcp-member-panel', {
        token,
        json: { pcpNpi: '1234567893', taxId: TAX_ID_A },
      }),
    );
    await portal.advance({ minutes: 2 });
    const xlsx = await bytes(
      await portal.call('GET', `/api/v1/documents/${created.documentId}/content`, {
        token: await portal.tokenFor('admin.a'),
      }),
    );
    expect(ascii(xlsx, 0, 2)).toBe('PK');
    const [sheet] = await readXlsxFile(Buffer.from(xlsx));
    const memberIds = (sheet?.data ?? []).map((row) => row[0]);
    // Lopez is the PCP of the termed scenario member, who is left out, and of the active Essential Plan one.
    expect(memberIds).toContain(M.essentialPlan);
    expect(memberIds).not.toContain(M.termed);
    expect(String(memberIds[0])).toMatch(/^PCP member panel: Lopez, Maria/);
  });
});

describe('images and files', () => {
  it('answer a PNG ID card, an SBC PDF, an EOP PDF and a check as PNG or PDF', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const card = await portal.call('GET', `/api/v1/members/${M.temporaryIdCard}/id-card/front`, { token });
    expect(card.headers.get('content-disposition')).toBe(
      `inline; filename="${M.temporaryIdCard}-id-card-front.png"`,
    );
    expect([...(await bytes(card)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const sbc = await portal.call('GET', `/api/v1/members/${M.activeCommercial}/summary-of-benefits`, {
      token,
    });
    expect(ascii(await bytes(sbc), 0, 5)).toBe('%PDF-');
    const eop = await portal.call(
      'GET',
      `/api/v1/claims/${SCENARIO_CLAIMS.paidByCheck}/explanation-of-payment`,
      { token },
    );
    const eopText = new TextDecoder('latin1').decode(await bytes(eop));
    expect(eopText).toContain(SCENARIO_CLAIMS.paidByCheck);
    const png = await portal.call('GET', `/api/v1/payments/checks/${SCENARIO_CHECKS.recent}/image`, {
      token,
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    const pdf = await portal.call('GET', `/api/v1/payments/checks/${SCENARIO_CHECKS.recent}/image`, {
      token,
      headers: { Accept: 'application/pdf' },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('a network status check is in network only for a provider of the member’s plan network', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    const check = async (memberId: string, npi: string) =>
      json<{ inNetwork: boolean; networkName?: string }>(
        await portal.call('GET', `/api/v1/members/${memberId}/network-status?npi=${npi}`, { token }),
      );
    expect(await check(M.activeCommercial, '1407819535')).toMatchObject({
      inNetwork: true,
      networkName: 'PASSAGE',
    });
    expect((await check(M.medicaid, '1365482904')).inNetwork).toBe(false);
    expect((await check(M.termed, '1407819535')).inNetwork).toBe(false);
  });
});
