/**
 * The fixed identities every part of the mock portal agrees on: the two organisations (Tax ID A and
 * Tax ID B) that the personas act for. Everything else is generated from the seed.
 */
export const TAX_ID_A = '060646668';
export const TAX_ID_B = '133456789';
export const ORGANIZATION_A = 'Hartford Family Medicine Group';
export const ORGANIZATION_B = 'Seymour Street Pediatrics';
/** The MFA code that every persona's emailed verification uses in the mock portal. */
export const PERSONA_MFA_CODE = '246810';
/** The password of every persona. */
export const PERSONA_PASSWORD = 'Portal-Test-2026!';
