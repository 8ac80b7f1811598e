import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeFetch, json, page, UNIT_CLOCK } from '../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from './client.ts';

function documents(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    documentId: `DOC-${String(from + i).padStart(6, '0')}`,
  }));
}

function pagedFetch(pages: number, size: number) {
  return fakeFetch((request) => {
    const number = Number(new URL(request.url).searchParams.get('page') ?? '1');
    const count = number === pages ? size - 1 : size;
    return json(200, page(documents((number - 1) * size + 1, count), number, pages, size));
  });
}

const portal = (fetch: (request: Request) => Promise<Response>) =>
  createPortalClient({
    baseUrl: BASE_URL,
    clock: UNIT_CLOCK,
    sessionToken: 'pps_unit_token_0000000001',
    fetch,
  });

describe('auto-paging', () => {
  it('await answers the first page only', async () => {
    const fetch = pagedFetch(3, 2);
    const first = await portal(fetch).documents.list({ pageSize: 2 });
    expect(first.page).toEqual({ number: 1, size: 2, totalItems: 6, totalPages: 3 });
    expect(first.data.map((d) => d.documentId)).toEqual(['DOC-000001', 'DOC-000002']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('for await walks every item of every page, one request per page', async () => {
    const fetch = pagedFetch(3, 2);
    const ids: string[] = [];
    for await (const document of portal(fetch).documents.list({ pageSize: 2 })) ids.push(document.documentId);
    expect(ids).toEqual(['DOC-000001', 'DOC-000002', 'DOC-000003', 'DOC-000004', 'DOC-000005']);
    expect(fetch.requests.map((r) => r.url.searchParams.get('page'))).toEqual([null, '2', '3']);
    expect(fetch.requests.every((r) => r.url.searchParams.get('pageSize') === '2')).toBe(true);
  });

  it('starts from the page asked for, and .pages() yields whole pages', async () => {
    const fetch = pagedFetch(3, 2);
    const numbers: number[] = [];
    for await (const p of portal(fetch).documents.list({ page: 2, pageSize: 2 }).pages())
      numbers.push(p.page.number);
    expect(numbers).toEqual([2, 3]);
  });

  it('stops early when the caller breaks out', async () => {
    const fetch = pagedFetch(5, 2);
    for await (const document of portal(fetch).documents.list({ pageSize: 2 })) {
      if (document.documentId === 'DOC-000003') break;
    }
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('stops on an empty page even if the total says more', async () => {
    const fetch = fakeFetch(json(200, page([], 1, 4, 25)));
    const items = [];
    for await (const item of portal(fetch).documents.list()) items.push(item);
    expect(items).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('every list of the spec pages the same way (claims search, validated each page)', async () => {
    const fetch = fakeFetch((request) => {
      const number = Number(new URL(request.url).searchParams.get('page') ?? '1');
      return json(200, page([{ claimNumber: `2026C0000000${number}` }], number, 2, 1));
    });
    const claims: string[] = [];
    for await (const claim of portal(fetch).claims.search({ from: '2026-09-01', to: '2026-11-23' })) {
      claims.push(claim.claimNumber);
    }
    expect(claims).toEqual(['2026C00000001', '2026C00000002']);
    expect(fetch.requests[1]?.url.searchParams.get('from')).toBe('2026-09-01');
  });
});
