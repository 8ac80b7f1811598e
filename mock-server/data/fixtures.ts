/**
 * The fixed identities every part of the mock portal agrees on: the two organisations (Tax ID A and
 * Tax ID B) that the personas act for. Everything else is generated from the seed.
 */
export const TAX_ID_A = '060646668';
export const TAX_ID_B = '133456789';
export const ORGANIZATION_A = 'Hartford Family Medicine Group';
export const ORGANIZATION_B = 'Seymour Street Pediatrics';
/**
 * Tax ID C: a newly activated Tax ID without its administrator yet, whose single registration code
 * (RC-06123-4567) an existing account uses with `registerAdditionalTaxId` (seed 003).
 */
export const TAX_ID_C = '061234567';
export const ORGANIZATION_C = 'Hartford Family Medicine East';
/** The MFA code that every persona's emailed verification uses in the mock portal. */
export const PERSONA_MFA_CODE = '246810';
/** The 4-digit PIN of every persona (seed 000: "All PlanLink users must designate a 4 digit PIN"). */
export const PERSONA_PIN = '2468';
/** The password of every persona. */
export const PERSONA_PASSWORD = 'Portal-Test-2026!';
