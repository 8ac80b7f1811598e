/**
 * Network status and provider search read one participation source (mock-server/data/participation.ts):
 * for every documented provider and practice address, over HTTP, the network status answer for that
 * address and the provider search row agree. The seed's example, "Adamski, John 80 Seymour St,
 * Hartford, CT, 06102 … In Network No" (seed 001), is out of network at that address in both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_PROVIDERS, PROVIDER_NPIS } from '../../mock-server/data/provider-directory.ts';
import { SCENARIO_MEMBERS } from '../../mock-server/data/scenario-members.ts';
import { type RunningMockServer, startMockServer } from '../../mock-server/server.ts';
import { TAX_ID_A, TAX_ID_B } from '../support/documented-providers.ts';
import { TEST_CLOCK } from './helpers.ts';

/** Who looks at each Tax ID's providers, and an active member of that Tax ID (PASSAGE for A). */
const VIEWERS = {
  [TAX_ID_A]: { username: 'admin.a', memberId: SCENARIO_MEMBERS.activeCommercial },
  [TAX_ID_B]: { username: 'admin.b', memberId: SCENARIO_MEMBERS.taxIdBOnly },
} as const;

interface Row {
  npi: string;
  addressId: string;
  taxId: string;
  address: { line1: string };
  inNetwork: boolean;
}

let server: RunningMockServer;
const tokens = new Map<string, string>();

async function token(username: string): Promise<string> {
  const known = tokens.get(username);
  if (known !== undefined) return known;
  const response = await fetch(`${server.url}/__admin/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  const { token: fresh } = (await response.json()) as { token: string };
  tokens.set(username, fresh);
  return fresh;
}

async function get(username: string, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${await token(username)}` },
  });
  return { status: response.status, body: await response.json() };
}

async function searchRows(username: string, npi: string): Promise<Row[]> {
  const { status, body } = await get(username, `/providers?npi=${npi}&pageSize=100`);
  expect(status).toBe(200);
  return body.data as Row[];
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 42, members: 1000, clock: TEST_CLOCK });
});
afterAll(async () => {
  await server.close();
});

describe('network status and provider search agree', () => {
  for (const provider of DIRECTORY_PROVIDERS) {
    for (const location of provider.locations) {
      const viewer = VIEWERS[location.taxId as keyof typeof VIEWERS];
      const label = `${provider.name} at ${location.address.line1}, ${location.address.city} (${location.addressId})`;
      if (viewer === undefined) {
        it(`${label}: another Tax ID's provider is in neither`, async () => {
          expect(await searchRows('admin.a', provider.npi)).toEqual([]);
          const status = await get(
            'admin.a',
            `/members/${VIEWERS[TAX_ID_A].memberId}/network-status?npi=${provider.npi}`,
          );
          expect(status.status).toBe(403);
          expect(status.body.code).toBe('NETWORK_STATUS_FORBIDDEN');
        });
        continue;
      }
      it(`${label}: the search row and the network status say the same`, async () => {
        const row = (await searchRows(viewer.username, provider.npi)).find(
          (candidate) => candidate.addressId === location.addressId,
        );
        expect(row).toBeDefined();
        const status = await get(
          viewer.username,
          `/members/${viewer.memberId}/network-status?npi=${provider.npi}&addressId=${location.addressId}`,
        );
        expect(status.status).toBe(200);
        expect(status.body.inNetwork).toBe(row?.inNetwork);
        const listed = status.body.locations.find(
          (candidate: Row) => candidate.addressId === location.addressId,
        );
        expect(listed).toMatchObject({
          taxId: location.taxId,
          address: location.address,
          inNetwork: row?.inNetwork,
        });
      });
    }
  }

  it('lists in the network status exactly the addresses the search shows, with the same participation', async () => {
    for (const [taxId, viewer] of Object.entries(VIEWERS)) {
      for (const provider of DIRECTORY_PROVIDERS.filter((p) => p.locations.some((l) => l.taxId === taxId))) {
        const rows = await searchRows(viewer.username, provider.npi);
        const status = await get(
          viewer.username,
          `/members/${viewer.memberId}/network-status?npi=${provider.npi}`,
        );
        const pairs = (list: Row[]) => list.map((entry) => [entry.addressId, entry.inNetwork]).sort();
        expect(pairs(status.body.locations)).toEqual(pairs(rows));
        expect(status.body.inNetwork).toBe(rows.some((row) => row.inNetwork));
      }
    }
  });

  it('seed 001: Adamski is out of network at 80 Seymour St and in network in Farmington, in both; Middletown (Tax ID B) in neither for admin.a', async () => {
    const rows = await searchRows('admin.a', PROVIDER_NPIS.adamski);
    expect(rows.map((row) => [row.address.line1, row.inNetwork]).sort()).toEqual([
      ['175 Scott Swamp Rd', true],
      ['80 Seymour St', false],
    ]);
    const memberId = VIEWERS[TAX_ID_A].memberId;
    const seymour = await get(
      'admin.a',
      `/members/${memberId}/network-status?npi=${PROVIDER_NPIS.adamski}&addressId=ADDR-000101`,
    );
    expect(seymour.body).toMatchObject({ inNetwork: false });
    expect(seymour.body.networkName).toBeUndefined();
    const farmington = await get(
      'admin.a',
      `/members/${memberId}/network-status?npi=${PROVIDER_NPIS.adamski}&addressId=ADDR-000104`,
    );
    expect(farmington.body).toMatchObject({ inNetwork: true, networkName: 'PASSAGE' });
    const middletown = await get(
      'admin.a',
      `/members/${memberId}/network-status?npi=${PROVIDER_NPIS.adamski}&addressId=ADDR-000105`,
    );
    expect(middletown.status).toBe(404);
    expect(middletown.body.code).toBe('NOT_FOUND');
  });

  it('a provider outside the member plan network is in network at no address for that member, though its search row is', async () => {
    // Brennan is not in the Medicaid-type networks (provider-directory.ts): participation is per plan.
    const medicaid = SCENARIO_MEMBERS.medicaid;
    const rows = await searchRows('admin.a', PROVIDER_NPIS.brennan);
    expect(rows.map((row) => row.inNetwork)).toEqual([true]);
    const status = await get('admin.a', `/members/${medicaid}/network-status?npi=${PROVIDER_NPIS.brennan}`);
    expect(status.body.inNetwork).toBe(false);
    expect(status.body.locations.map((entry: Row) => entry.inNetwork)).toEqual([false]);
  });
});
