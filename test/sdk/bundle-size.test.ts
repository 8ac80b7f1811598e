/**
 * The package's size stays within its budget (docs/bundle-size.md): growth past it is a decision,
 * made by changing SIZE_BUDGET in scripts/bundle-size.ts, not an accident of an import. Measured on
 * what users install: the built `dist` (`npm test` builds it before the suite).
 */
import { describe, expect, it } from 'vitest';
import {
  CLIENT_APP,
  ENTRY_APP,
  isBuilt,
  MSW_APP,
  measureBundle,
  SIZE_BUDGET,
} from '../../scripts/bundle-size.ts';

describe('the size of the built package, minified and gzipped', () => {
  it('is measured on dist: run `npm run build` first', () => {
    expect(isBuilt(), 'dist/ has no build: run `npm run build` (npm test does) before the suite').toBe(true);
  });

  it('the main entry, every export, is within its budget', async () => {
    const { gzip, byPackage } = await measureBundle('every export', ENTRY_APP);
    expect(byPackage.some(([origin]) => origin.startsWith('dist/'))).toBe(true);
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.entryGzipBytes);
  });

  it('an app that uses only the client is within its budget', async () => {
    const { gzip } = await measureBundle('an app using createPortalClient', CLIENT_APP);
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.appGzipBytes);
  });

  it('an app that uses only the client does not carry the rules catalog (the shared chunk tree-shakes)', async () => {
    const { minified: client } = await measureBundle('an app using createPortalClient', CLIENT_APP);
    const { minified: withCatalog } = await measureBundle(
      'the client and the catalog',
      "import { createPortalClient, RULE_CATALOG } from 'provider-portal-sdk'; console.log(createPortalClient, RULE_CATALOG);",
    );
    // The catalog is some 12 kB minified: an app that does not import it does not pay for it.
    expect(withCatalog - client).toBeGreaterThan(8 * 1024);
  });

  it('the mock in a page (the MSW entry, msw itself excluded) is within its budget', async () => {
    const { gzip, lazyGzip, byPackage } = await measureBundle('an app using createPortalHandlers', MSW_APP, [
      'msw',
    ]);
    expect(byPackage.some(([origin]) => origin === 'msw')).toBe(false);
    // What a page loads up front is the mock itself (faker and its core), not a guard that imports it
    // later: the `browser` condition of `./msw` skips the Node-only missing-peer guard.
    expect(byPackage.some(([origin]) => origin === '@faker-js/faker')).toBe(true);
    expect(gzip).toBeGreaterThan(100 * 1024);
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.mswGzipBytes);
    // The spec (some 50 kB gzipped) is a chunk loaded on the first /openapi.json, not up front.
    expect(lazyGzip).toBeGreaterThan(40 * 1024);
  });
}, 120_000);
