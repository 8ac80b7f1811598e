/**
 * Debian's Chromium for the browser tests (test/browser/*): where it is, whether it is there (a test
 * skips, saying how to install it, when it is not: scripts/ensure-chromium.sh, which CI runs), and one
 * headless launch with the flags that keep it quiet and off the network.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's `chromium` package. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether Chromium is installed; when it is not, warns once for the named test.
 *
 * @example
 * const hasChromium = chromiumAvailable('the API reference test');
 * describe.skipIf(!hasChromium)('…', () => {});
 */
export function chromiumAvailable(test: string): boolean {
  const present = existsSync(CHROMIUM);
  if (!present) {
    console.warn(
      `SKIPPED ${test}: ${CHROMIUM} is absent. Install it with scripts/ensure-chromium.sh (CI does).`,
    );
  }
  return present;
}

/**
 * Launches headless Chromium with no background traffic; `extraArgs` adds flags (a host mapping).
 *
 * @example
 * const browser = await launchChromium([`--host-resolver-rules=MAP portal.mock.test:80 127.0.0.1:${port}`]);
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
