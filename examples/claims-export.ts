/**
 * A billing office's routine: the last 60 days of claims, page after page, then the same claims as a
 * CSV export, prepared in the background and downloaded when ready.
 *
 *   npm start                                  # the mock portal on http://127.0.0.1:4010
 *   npx tsx examples/claims-export.ts          # or PORTAL_URL=http://host:port/api/v1 npx tsx …
 *
 * In your project, import from 'provider-portal-sdk' instead of '../sdk/index.ts'.
 */
import { addDays, createPortalClient, today } from '../sdk/index.ts';

/** What the example found, for whoever runs it. */
export interface ClaimsExportResult {
  claims: number;
  byStatus: Record<string, number>;
  paid: number;
  export: {
    receipt: string;
    fileName: string | undefined;
    mediaType: string;
    rows: number;
    polls: string[];
  };
}

/**
 * Runs the example against a portal (the mock portal's billing user billing.a).
 *
 * @example
 * const result = await main('http://127.0.0.1:4010/api/v1');
 */
export async function main(baseUrl: string): Promise<ClaimsExportResult> {
  const portal = createPortalClient({
    baseUrl,
    credentials: {
      username: 'billing.a',
      password: 'Portal-Test-2026!',
      deviceId: 'qa-device', // the personas' known device: no emailed code
      mfaCode: async () => '246810',
    },
    requireMockPortal: true, // this example never talks to a real portal
    clock: 'portal', // "today" is the portal's, learned from its answers (the mock's may be pinned)
  });

  const me = await portal.session.me();
  console.log(`Signed in as ${me.username}`);
  // The portal searches at most 90 days at a time (CLAIMS_WINDOW_TOO_WIDE): 60 is within it.
  const to = today(portal.clock);
  const query = { from: addDays(to, -59), to };

  let claims = 0;
  let paid = 0;
  const byStatus: Record<string, number> = {};
  for await (const claim of portal.claims.search(query)) {
    claims += 1;
    paid += claim.paidAmount ?? 0;
    byStatus[claim.status] = (byStatus[claim.status] ?? 0) + 1;
  }
  console.log(`${claims} claims from ${query.from} to ${query.to}, $${paid.toFixed(2)} paid:`, byStatus);

  // Exports are prepared in the background: the portal answers a document in `preparing`.
  const receipt = await portal.claims.export(query);
  console.log(`Export ${receipt.documentId}: ${receipt.status}`);
  const polls: string[] = [];
  const waiting = portal.documents.waitForFile(receipt, {
    timeoutMs: 5 * 60_000,
    maxIntervalMs: 250, // poll often here: the mock's clock is moved below
    onPoll: (document) => polls.push(document.status),
  });
  // The mock portal prepares a document in two minutes of its own time; its admin API moves that
  // clock so the example need not wait. (A real portal simply takes its time.)
  const origin = new URL(baseUrl).origin;
  await fetch(`${origin}/__admin/clock/advance`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ minutes: 2 }),
  });
  const { file } = await waiting;
  const rows = new TextDecoder().decode(file.bytes).trim().split('\n').length - 1;
  console.log(`Downloaded ${file.fileName} (${file.mediaType}, ${file.size} bytes, ${rows} claims).`);

  await portal.session.signOut();
  return {
    claims,
    byStatus,
    paid: Math.round(paid * 100) / 100,
    export: { receipt: receipt.status, fileName: file.fileName, mediaType: file.mediaType, rows, polls },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.env.PORTAL_URL ?? 'http://127.0.0.1:4010/api/v1');
}
