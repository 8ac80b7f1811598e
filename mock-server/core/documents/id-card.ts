/**
 * The member ID card images (front and back), drawn as PNGs: "both the front and back are to be
 * shown. When an actual ID card is not available, we will show a temporary ID card." (Provider Portal
 * FAQ)
 */
import type { MemberRecord } from '../../data/portal-data.ts';
import { Canvas, COLORS } from './canvas.ts';
import { productLabel, usDate } from './format.ts';

const WIDTH = 340;
const HEIGHT = 214;

/**
 * One side of a member's ID card as a PNG.
 *
 * @example
 * const png = idCardPng(member, 'front'); // 89 50 4E 47 …
 */
export function idCardPng(member: MemberRecord, side: 'front' | 'back'): Uint8Array {
  const d = member.details;
  const canvas = new Canvas(WIDTH, HEIGHT, COLORS.white);
  canvas.strokeRect(0, 0, WIDTH, HEIGHT, COLORS.navy, 2);
  if (side === 'front') {
    canvas.fillRect(2, 2, WIDTH - 4, 30, COLORS.navy);
    canvas.text(
      10,
      10,
      d.underwritingCompany === 'CBI' || d.underwritingCompany === 'CCI' ? 'CONNECTICARE' : 'EMBLEMHEALTH',
      COLORS.white,
      2,
    );
    canvas.text(10, 42, d.planName.slice(0, 52), COLORS.navy);
    canvas.text(10, 60, 'MEMBER', COLORS.ink);
    canvas.text(
      10,
      72,
      `${d.firstName} ${d.middleInitial ?? ''} ${d.lastName}`.replace(/\s+/g, ' ').slice(0, 26),
      COLORS.ink,
      2,
    );
    canvas.text(10, 94, 'MEMBER ID', COLORS.ink);
    canvas.text(10, 106, d.memberId, COLORS.ink, 2);
    canvas.text(10, 130, `PRODUCT: ${productLabel(d.productType)}`.slice(0, 52), COLORS.ink);
    canvas.text(10, 142, `EFFECTIVE: ${usDate(d.coverageStartDate)}`, COLORS.ink);
    canvas.text(10, 154, `PCP: ${d.pcp?.name ?? 'NONE ON FILE'}`.slice(0, 52), COLORS.ink);
    canvas.text(10, 166, `ISSUED: ${usDate(member.idCard.issuedOn)}`, COLORS.ink);
    if (member.idCard.temporary) {
      canvas.fillRect(2, HEIGHT - 34, WIDTH - 4, 32, COLORS.red);
      canvas.text(10, HEIGHT - 26, 'TEMPORARY ID CARD', COLORS.white, 2);
    } else {
      canvas.fillRect(2, HEIGHT - 12, WIDTH - 4, 10, COLORS.lightBlue);
    }
  } else {
    canvas.fillRect(2, 2, WIDTH - 4, 20, COLORS.lightBlue);
    canvas.text(10, 8, 'IMPORTANT NUMBERS', COLORS.navy);
    canvas.text(10, 32, `CARE TEAM: ${member.careTeamPhone}`, COLORS.ink);
    canvas.text(10, 46, 'CUSTOMER SERVICE: 866-447-9717', COLORS.ink);
    canvas.text(10, 60, 'PROVIDERS: CHECK ELIGIBILITY AND', COLORS.ink);
    canvas.text(10, 72, 'BENEFITS ON THE PROVIDER PORTAL.', COLORS.ink);
    canvas.text(10, 92, `NETWORK: ${member.networkName}`, COLORS.ink);
    canvas.text(10, 106, `UNDERWRITTEN BY: ${d.underwritingCompany}`, COLORS.ink);
    canvas.text(10, 126, 'SEND CLAIMS TO: PO BOX 2807', COLORS.ink);
    canvas.text(10, 138, 'NEW YORK, NY 10116-2807', COLORS.ink);
    if (member.idCard.temporary)
      canvas.text(10, 170, 'TEMPORARY CARD - NOT A GUARANTEE OF COVERAGE', COLORS.red);
    canvas.text(10, HEIGHT - 20, 'MOCK PORTAL - TEST DATA ONLY', COLORS.ink);
  }
  return canvas.toPng();
}
