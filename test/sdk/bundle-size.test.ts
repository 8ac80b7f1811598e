/**
 * The SDK's size stays within its budget (docs/bundle-size.md): growth past it is a decision, made by
 * changing SIZE_BUDGET in scripts/bundle-size.ts, not an accident of an import.
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_APP, measureBundle, SIZE_BUDGET } from '../../scripts/bundle-size.ts';

describe('the size of the SDK, minified and gzipped', () => {
  it('the main entry, every export, is within its budget', async () => {
    const { gzip } = await measureBundle('sdk/index.ts');
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.entryGzipBytes);
  });

  it('an app that uses only the client is within its budget', async () => {
    const { gzip } = await measureBundle('an app using createPortalClient', CLIENT_APP);
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.appGzipBytes);
  });
});
