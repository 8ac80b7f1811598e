import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import generated from '../../mock-server/generated/openapi.json' with { type: 'json' };
import { createTestPortal } from './helpers.ts';

describe('the spec is served', () => {
  it('at /openapi.json', async () => {
    const response = await createTestPortal().call('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(generated);
  });

  it('at /openapi.yaml, the same document, that yaml reads', async () => {
    const response = await createTestPortal().call('GET', '/openapi.yaml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/yaml');
    expect(parse(await response.text())).toEqual(generated);
  });

  it('at /openapi.yaml, byte for byte the published openapi/portal.yaml', async () => {
    const served = await (await createTestPortal().call('GET', '/openapi.yaml')).text();
    expect(served).toBe(readFileSync(new URL('../../openapi/portal.yaml', import.meta.url), 'utf8'));
  });
});
