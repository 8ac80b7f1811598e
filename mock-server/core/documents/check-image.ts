/**
 * Check images: the paper check the plan issued to a Tax ID, as a PNG or a PDF ("Check images will
 * be available for the past two (2) years", seed 003).
 */
import type { PaymentRecord } from '../../data/portal-data.ts';
import { Canvas, COLORS } from './canvas.ts';
import { dollars, usDate } from './format.ts';
import { buildPdf } from './pdf.ts';

/**
 * A check as a PNG.
 *
 * @example
 * checkPng(payment); // 89 50 4E 47 …
 */
export function checkPng(payment: PaymentRecord): Uint8Array {
  const width = 480;
  const height = 200;
  const canvas = new Canvas(width, height, COLORS.checkPaper);
  canvas.strokeRect(0, 0, width, height, COLORS.navy, 2);
  canvas.text(12, 12, 'HEALTH PLAN CLAIMS ACCOUNT', COLORS.navy, 2);
  canvas.text(
    width - 12 - Canvas.textWidth(`NO. ${payment.checkNumber}`),
    12,
    `NO. ${payment.checkNumber}`,
    COLORS.ink,
  );
  canvas.text(
    width - 12 - Canvas.textWidth(`DATE ${usDate(payment.issuedOn)}`),
    26,
    `DATE ${usDate(payment.issuedOn)}`,
    COLORS.ink,
  );
  canvas.text(12, 56, 'PAY TO THE ORDER OF', COLORS.ink);
  canvas.text(12, 70, payment.payeeName.slice(0, 34), COLORS.ink, 2);
  canvas.strokeRect(width - 150, 64, 138, 26, COLORS.ink);
  canvas.text(width - 144, 70, dollars(payment.amount), COLORS.ink, 2);
  canvas.fillRect(12, 88, width - 180, 1, COLORS.ink);
  canvas.text(12, 104, `TAX ID ${payment.taxId}`, COLORS.ink);
  canvas.text(12, 118, `FOR: ${payment.claimNumbers.length} CLAIM(S) - SEE REMITTANCE`, COLORS.ink);
  canvas.fillRect(width - 170, 150, 150, 1, COLORS.ink);
  canvas.text(width - 170, 156, 'AUTHORIZED SIGNATURE', COLORS.ink);
  canvas.text(12, 176, `:021000021: ${payment.checkNumber}`, COLORS.ink, 2);
  return canvas.toPng();
}

/**
 * A check as a one-page PDF (for clients that ask with `Accept: application/pdf`).
 *
 * @example
 * checkPdf(payment); // %PDF- …
 */
export function checkPdf(payment: PaymentRecord): Uint8Array {
  return buildPdf({
    title: `Check ${payment.checkNumber}`,
    lines: [
      { text: 'Health Plan Claims Account', size: 16, bold: true },
      `Check number: ${payment.checkNumber}`,
      `Date: ${usDate(payment.issuedOn)}`,
      `Pay to the order of: ${payment.payeeName} (Tax ID ${payment.taxId})`,
      { text: `Amount: ${dollars(payment.amount)}`, bold: true },
      `Claims paid: ${payment.claimNumbers.join(', ')}`,
      '',
      'Mock portal: test data only.',
    ],
  });
}
