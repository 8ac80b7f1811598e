/**
 * The SDK's size, and the MSW entry's, stay within their budgets (docs/bundle-size.md): growth past
 * one is a decision, made by changing SIZE_BUDGET in scripts/bundle-size.ts, not an accident of an
 * import.
 */
import { describe, expect, it } from 'vitest';
import {
  CLIENT_APP,
  MSW_ENTRY,
  MSW_EXTERNAL,
  measureBundle,
  SIZE_BUDGET,
} from '../../scripts/bundle-size.ts';

describe('the size of the SDK and of the MSW entry, minified and gzipped', () => {
  it('the main entry, every export, is within its budget', async () => {
    const { gzip } = await measureBundle('sdk/index.ts');
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.entryGzipBytes);
  });

  it('an app that uses only the client is within its budget', async () => {
    const { gzip } = await measureBundle('an app using createPortalClient', CLIENT_APP);
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.appGzipBytes);
  });

  it('the MSW entry (the mock portal for browser tests, msw left out) is within its budget', async () => {
    const { gzip } = await measureBundle(MSW_ENTRY, undefined, MSW_EXTERNAL);
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.mswGzipBytes);
  }, 60_000);
});
