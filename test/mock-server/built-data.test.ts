/**
 * The built package's mock draws the same data as the source: the build replaces faker's English
 * locale with the parts the mock uses (tsup.config.ts, mock-server/data/faker-locale.ts), which must
 * not change a name, an address or a member. Needs a build (`npm test` builds before the suite).
 */
import { describe, expect, it } from 'vitest';
import { createPortalCore } from '../../mock-server/core/portal.ts';
import { isBuilt } from '../../scripts/bundle-size.ts';
import { TEST_CLOCK } from './helpers.ts';

type Core = { handle(request: Request): Promise<Response> };

/** What a clinical user reads of generated members, providers and a member search, as text. */
async function reads(core: Core): Promise<string[]> {
  const session = await core.handle(
    new Request('http://mock/__admin/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clinical.a' }),
    }),
  );
  const { token } = (await session.json()) as { token: string };
  const paths = [
    '/api/v1/members/K6000000042',
    '/api/v1/members/K6000000002',
    '/api/v1/members/K6000001232',
    '/api/v1/members/K5500648801',
    '/api/v1/providers?taxId=060646668',
  ];
  const answers: string[] = [];
  for (const path of paths) {
    const response = await core.handle(
      new Request(`http://mock${path}`, { headers: { authorization: `Bearer ${token}` } }),
    );
    answers.push(`${path} ${response.status} ${await response.text()}`);
  }
  return answers;
}

describe('the built mock (dist)', () => {
  it('draws the same members and providers as the source, for the same seed and clock', async () => {
    expect(isBuilt(), 'dist/ has no build: run `npm run build` (npm test does) before the suite').toBe(true);
    const built = (await import(new URL('../../dist/mock-server.js', import.meta.url).href)) as {
      createPortalCore: (options: object) => Core;
    };
    const options = { seed: 42, members: 2000, clock: TEST_CLOCK };
    const fromSource = await reads(createPortalCore(options));
    const fromDist = await reads(built.createPortalCore(options));
    expect(fromSource.filter((answer) => / 200 /.test(answer)).length).toBeGreaterThanOrEqual(3);
    expect(fromDist).toEqual(fromSource);
  });
});
