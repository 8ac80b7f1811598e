import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeFetch, UNIT_CLOCK } from '../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from './client.ts';
import { fileNameFromContentDisposition } from './downloads.ts';
import { NotFoundError } from './errors.ts';

describe('downloads', () => {
  it.each([
    ['attachment; filename="claims.csv"', 'claims.csv'],
    ['attachment; filename=eop.pdf', 'eop.pdf'],
    ['attachment; filename*=UTF-8\'\'EOP%202026%E2%80%9311.pdf; filename="fallback.pdf"', 'EOP 2026–11.pdf'],
    ['attachment; filename="quote\\"d.pdf"', 'quote"d.pdf'],
    ['inline', undefined],
    [null, undefined],
  ])('file name of %s', (header, expected) => {
    expect(fileNameFromContentDisposition(header)).toBe(expected);
  });

  it('answers the bytes with the media type and the file name', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const fetch = fakeFetch(
      new Response(png, {
        headers: {
          'Content-Type': 'image/png',
          'Content-Disposition': 'inline; filename="K5500648801-front.png"',
          'X-Request-Id': 'req_9',
        },
      }),
    );
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      clock: UNIT_CLOCK,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
    });
    const { data, requestId } = await portal.members.idCardImage('K5500648801', 'front').withResponse();
    expect(data).toMatchObject({ mediaType: 'image/png', fileName: 'K5500648801-front.png', size: 11 });
    expect([...data.bytes]).toEqual([...png]);
    expect(data.blob.type).toBe('image/png');
    expect(requestId).toBe('req_9');
  });

  it('a failed download is a typed error', async () => {
    const fetch = fakeFetch(
      new Response(
        JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, code: 'NOT_FOUND' }),
        {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        },
      ),
    );
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      clock: UNIT_CLOCK,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
    });
    await expect(portal.claims.explanationOfPayment('2026C00123456')).rejects.toBeInstanceOf(NotFoundError);
  });
});
