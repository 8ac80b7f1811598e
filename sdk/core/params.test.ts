import { describe, expect, it } from 'vitest';
import { pinViolations } from '../../test/support/violations.ts';
import { PortalValidationError } from '../errors.ts';
import { MAX_PAGE_SIZE, paramViolations, withCheckedParams } from './params.ts';

const paths = (params: unknown) => paramViolations(params).map((v) => v.path);

describe('paramViolations', () => {
  it('path parameters: non-empty text or a finite number', () => {
    expect(paths({ path: { memberId: 'K5500648801', page: 2 } })).toEqual([]);
    expect(
      paths({ path: { a: '', b: '  ', c: Number.NaN, d: Number.POSITIVE_INFINITY, e: null, f: {} } }),
    ).toEqual(['$.a', '$.b', '$.c', '$.d', '$.e', '$.f']);
    pinViolations(paramViolations({ path: { memberId: { id: 'K5500648801' } } }));
  });

  it('paging: page from 1, pageSize from 1 to MAX_PAGE_SIZE, numbers or their text', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    const ok = [
      { page: 1, pageSize: 1 },
      { page: '1', pageSize: '100' },
      { page: Number.MAX_SAFE_INTEGER, pageSize: MAX_PAGE_SIZE },
    ];
    for (const query of ok) expect(paths({ query }), JSON.stringify(query)).toEqual([]);
    const bad = [
      { page: 0, pageSize: 101 },
      { page: '0', pageSize: '101' },
      { page: 1.5, pageSize: 0 },
      { page: ' ', pageSize: '' },
      { page: true, pageSize: [10] },
    ];
    for (const query of bad)
      expect(paths({ query }), JSON.stringify(query)).toEqual(['$.page', '$.pageSize']);
    pinViolations(paramViolations({ query: { page: 0, pageSize: 101 } }));
  });

  it('other query parameters: scalars or lists of scalars; undefined ones are left out', () => {
    expect(paths({ query: { a: 'x', b: 2, c: false, d: ['x', 1, true], e: undefined } })).toEqual([]);
    expect(paths({ query: { a: { not: 1 }, b: [{}], c: Number.NaN, d: null } })).toEqual([
      '$.a',
      '$.b',
      '$.c',
      '$.d',
    ]);
    pinViolations(paramViolations({ query: { status: { not: 'ready' } } }));
  });

  it('a query that is not an object is one violation at $; none at all is fine', () => {
    expect(paths({ query: 'page=2' })).toEqual(['$']);
    expect(paths({ query: undefined })).toEqual([]);
    expect(paths(undefined)).toEqual([]);
    pinViolations(paramViolations({ query: 42 }));
  });
});

/** A client of five methods that record what they are asked to send, behind withCheckedParams. */
function checkedClient() {
  const sent: unknown[] = [];
  const send = async (path: string, init?: unknown) => {
    sent.push([path, init]);
    return 'sent';
  };
  const raw = { GET: send, POST: send, PUT: send, PATCH: send, DELETE: send, use: () => undefined };
  const checked = withCheckedParams(raw as never) as unknown as Record<string, typeof send>;
  return { sent, raw, checked };
}

describe('withCheckedParams', () => {
  it('refuses bad parameters before sending, naming the operation; sends good ones as they are', async () => {
    const { sent, raw, checked } = checkedClient();
    const refused = await checked
      .GET?.('/members/{memberId}', { params: { path: { memberId: '' } } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PortalValidationError);
    expect(refused).toMatchObject({ operationId: 'getMember' });
    const unknown = await checked.DELETE?.('/nowhere', { params: { query: 1 } }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ operationId: 'DELETE /nowhere' });
    expect(sent).toEqual([]);
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      await expect(checked[method]?.('/x', { params: { query: { page: 2 } } })).resolves.toBe('sent');
    }
    expect(sent).toHaveLength(5);
    expect(checked.use).toBe(raw.use);
  });

  it('names the operation of the method on a path that has several (GET and PATCH /me/settings)', async () => {
    const { checked } = checkedClient();
    const bad = { params: { query: { page: 0 } } };
    await expect(checked.PATCH?.('/me/settings', bad)).rejects.toMatchObject({
      operationId: 'updateAccountSettings',
    });
    await expect(checked.GET?.('/me/settings', bad)).rejects.toMatchObject({
      operationId: 'getAccountSettings',
    });
  });

  it('sends a call without an init object (nothing to check)', async () => {
    const { sent, checked } = checkedClient();
    await expect(checked.GET?.('/me')).resolves.toBe('sent');
    expect(sent).toEqual([['/me', undefined]]);
  });
});
