import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE_URL, fakeFetch, json, UNIT_CLOCK } from '../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from './client.ts';
import { APIUserAbortError, DocumentFailedError, PollingTimeoutError } from './errors.ts';

const preparing = {
  documentId: 'DOC-000123',
  kind: 'claims_export',
  status: 'preparing',
  mediaType: 'text/csv',
};
const ready = { ...preparing, status: 'ready', fileName: 'claims.csv' };

const portal = (fetch: (request: Request) => Promise<Response>) =>
  createPortalClient({
    baseUrl: BASE_URL,
    clock: UNIT_CLOCK,
    sessionToken: 'pps_unit_token_0000000001',
    fetch,
  });

describe('waiting for a document', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-23T14:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls getDocument, waiting what Retry-After says, until the document is ready', async () => {
    const fetch = fakeFetch(
      json(202, preparing, { 'Retry-After': '5', Location: '/api/v1/documents/DOC-000123' }),
      json(202, preparing, { 'Retry-After': '3' }),
      json(200, ready),
    );
    const polls: string[] = [];
    const result = portal(fetch).documents.waitFor(
      { documentId: 'DOC-000123' },
      { onPoll: (d) => polls.push(d.status) },
    );
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3_000);
    await expect(result).resolves.toEqual(ready);
    expect(polls).toEqual(['preparing', 'preparing', 'ready']);
    expect(fetch.requests.every((r) => r.url.pathname === '/api/v1/documents/DOC-000123')).toBe(true);
  });

  it('uses intervalMs when there is no Retry-After, then downloads with waitForFile', async () => {
    const csv = new Response('claimNumber\n2026C00123456\n', {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="claims-2026-09-01-2026-11-23.csv"',
        'X-Mock-Portal': '1',
      },
    });
    const fetch = fakeFetch(json(202, preparing), json(200, ready), csv);
    const result = portal(fetch).documents.waitForFile('DOC-000123', { intervalMs: 250 });
    await vi.advanceTimersByTimeAsync(250);
    const { document, file } = await result;
    expect(document.status).toBe('ready');
    expect(file).toMatchObject({ mediaType: 'text/csv', fileName: 'claims-2026-09-01-2026-11-23.csv' });
    expect(new TextDecoder().decode(file.bytes)).toContain('2026C00123456');
    expect(await file.blob.text()).toContain('claimNumber');
    expect(fetch.requests[2]?.url.pathname).toBe('/api/v1/documents/DOC-000123/content');
  });

  it('throws DocumentFailedError for a failed document', async () => {
    const fetch = fakeFetch(json(200, { ...preparing, status: 'failed' }));
    await expect(portal(fetch).waitForDocument('DOC-000123')).rejects.toBeInstanceOf(DocumentFailedError);
  });

  it('throws PollingTimeoutError once timeoutMs has passed', async () => {
    const fetch = fakeFetch(json(202, preparing, { 'Retry-After': '10' }));
    const result = portal(fetch).documents.waitFor('DOC-000123', { timeoutMs: 25_000 });
    const assertion = expect(result).rejects.toBeInstanceOf(PollingTimeoutError);
    await vi.advanceTimersByTimeAsync(30_000);
    await assertion;
    expect(fetch).toHaveBeenCalledTimes(4); // at 0, 10, 20 and 25 s
  });

  it('stops when its signal aborts', async () => {
    const fetch = fakeFetch(json(202, preparing, { 'Retry-After': '10' }));
    const controller = new AbortController();
    const result = portal(fetch).documents.waitFor('DOC-000123', { signal: controller.signal });
    const assertion = expect(result).rejects.toBeInstanceOf(APIUserAbortError);
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort();
    await assertion;
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
