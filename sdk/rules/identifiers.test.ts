import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinRangeError } from '../../test/support/violations.ts';
import {
  checkDiagnosisCode,
  checkNpi,
  checkPin,
  checkProcedureCode,
  checkTaxId,
  isDiagnosisCode,
  isMemberId,
  isPin,
  isProcedureCode,
  isUsPhone,
  isValidNpi,
  normalizeTaxId,
  npiCheckDigit,
} from './identifiers.ts';

const VALID_NPIS = ['1234567893', '1407819535', '1003000126'];
const NOT_STRINGS = [null, undefined, 1234567893, {}, [], true];

describe('isValidNpi', () => {
  it('accepts NPIs whose Luhn check digit over the 80840 prefix matches', () => {
    for (const npi of VALID_NPIS) expect(isValidNpi(npi)).toBe(true);
  });

  it('refuses every NPI with one digit changed, at every position', () => {
    for (const npi of VALID_NPIS) {
      for (let position = 0; position < 10; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === npi[position]) continue;
          const changed = `${npi.slice(0, position)}${digit}${npi.slice(position + 1)}`;
          expect([changed, isValidNpi(changed)]).toEqual([changed, false]);
        }
      }
    }
  });

  it('refuses other shapes and non-strings', () => {
    for (const value of ['123456789', '12345678930', ' 1234567893', '123456789X', '', ...NOT_STRINGS]) {
      expect(isValidNpi(value)).toBe(false);
    }
  });

  it('accepts exactly one check digit for every 9-digit stem', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (stem) => {
        const check = npiCheckDigit(stem);
        expect(Number.isInteger(check) && check >= 0 && check <= 9).toBe(true);
        expect(
          Array.from({ length: 10 }, (_, digit) => isValidNpi(`${stem}${digit}`)).filter(Boolean),
        ).toHaveLength(1);
        for (let digit = 0; digit <= 9; digit++) expect(isValidNpi(`${stem}${digit}`)).toBe(digit === check);
      }),
    );
  });
});

describe('npiCheckDigit', () => {
  it('computes the check digit of known NPIs', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(npiCheckDigit('140781953')).toBe(5);
    expect(npiCheckDigit('100300012')).toBe(6);
    expect(npiCheckDigit('123456781')).toBe(0); // Luhn sum over 808401234567810 is 60
    expect(isValidNpi('1234567810')).toBe(true);
  });

  it('throws unless given exactly 9 digits', () => {
    pinRangeError(() => npiCheckDigit('12345678'));
    pinRangeError(() => npiCheckDigit('1234567890'));
  });
});

describe('normalizeTaxId', () => {
  it('accepts 9 digits with or without the dash', () => {
    expect(normalizeTaxId('060646668')).toBe('060646668');
    expect(normalizeTaxId('06-0646668')).toBe('060646668');
  });

  it('refuses 8 or 10 digits, misplaced dashes and non-strings', () => {
    for (const value of [
      '06064666',
      '0606466681',
      '06-064666',
      '06-06466681',
      '060-646668',
      '06 0646668',
      'AB-1234567',
      '',
      ...NOT_STRINGS,
    ]) {
      expect(normalizeTaxId(value)).toBeUndefined();
    }
  });
});

describe('isProcedureCode', () => {
  it('accepts CPT Category I, II, III, PLA and HCPCS Level II codes', () => {
    for (const code of ['97110', '99213', '0001F', '0002T', '0002U', 'E0601', 'J1100'])
      expect(isProcedureCode(code)).toBe(true);
  });

  it('refuses wrong lengths, lower case and other letters', () => {
    for (const value of ['9711', '971100', 'e0601', '0001f', '0001A', 'EE601', '97110 ', '', 97110, null]) {
      expect(isProcedureCode(value)).toBe(false);
    }
  });
});

describe('isDiagnosisCode', () => {
  it('accepts ICD-10-CM shaped codes, with or without the dot', () => {
    for (const code of ['J45.40', 'M54.5', 'Z34.90', 'A00', 'S72.001A', 'J4540', 'U07.1'])
      expect(isDiagnosisCode(code)).toBe(true);
  });

  it('refuses other shapes', () => {
    for (const value of [
      'J4',
      '145.0',
      'j45.40',
      'J45.',
      'J45.40000',
      'J45..4',
      'JJ5.4',
      '',
      'J45.4 ',
      null,
      4540,
    ]) {
      expect(isDiagnosisCode(value)).toBe(false);
    }
  });
});

describe('isMemberId', () => {
  it('accepts 6–15 upper-case letters or digits', () => {
    for (const id of ['K5500648801', 'ABC123', 'A12345678901234']) expect(isMemberId(id)).toBe(true);
    for (const value of ['ABC12', 'A123456789012345', 'k5500648801', 'K55-0064', '', null])
      expect(isMemberId(value)).toBe(false);
  });
});

describe('isUsPhone', () => {
  it('accepts 10-digit NANP numbers written the common ways', () => {
    for (const phone of [
      '(898) 345-0098',
      '898-345-0098',
      '898.345.0098',
      '8983450098',
      '+1 898 345 0098',
      '1-898-345-0098',
      '+18983450098',
      '(898)345-0098',
    ]) {
      expect([phone, isUsPhone(phone)]).toEqual([phone, true]);
    }
  });

  it('refuses 7-digit numbers, bad area codes or exchanges, and odd punctuation', () => {
    for (const value of [
      '555-0100',
      '(098) 345-0098',
      '(198) 345-0098',
      '898-145-0098',
      '898-045-0098',
      '(898 345-0098',
      '898) 345-0098',
      '898-345-00988',
      '+2 898 345 0098',
      '898--345-0098',
      '',
      8983450098,
      null,
    ]) {
      expect([value, isUsPhone(value)]).toEqual([value, false]);
    }
  });
});

describe('isPin', () => {
  it('is exactly 4 digits', () => {
    expect(isPin('0420')).toBe(true);
    for (const value of ['042', '04200', 'abcd', '04 2', 420, null]) expect(isPin(value)).toBe(false);
  });
});

describe('check helpers', () => {
  it('return [] for valid values', () => {
    expect(checkNpi('1407819535', '$.senderNpi')).toEqual([]);
    expect(checkTaxId('06-0646668', '$.organization.taxId')).toEqual([]);
    expect(checkProcedureCode('97110', '$.serviceLines[0].procedureCode')).toEqual([]);
    expect(checkDiagnosisCode('J45.40', '$.diagnoses[0].code')).toEqual([]);
    expect(checkPin('0420', '$.leadSiteManager.pin')).toEqual([]);
  });

  it('return one violation with the code, the path and the offending value', () => {
    const [npi, ...moreNpi] = checkNpi('1407819536', '$.senderNpi');
    expect(moreNpi).toEqual([]);
    expect(npi).toMatchObject({ code: 'INVALID_NPI', path: '$.senderNpi' });
    expect(npi?.message).toContain('1407819536');
    expect(npi?.message).toContain('check digit');
    expect(checkNpi('12345')[0]).toMatchObject({ code: 'INVALID_NPI', path: '$' });
    expect(checkNpi('12345')[0]?.message).toContain('10 digits');
    expect(checkTaxId('0606466681', '$.taxId')).toEqual([
      { code: 'INVALID_TAX_ID', path: '$.taxId', message: expect.stringContaining('"0606466681"') },
    ]);
    expect(checkProcedureCode('9711', '$.p')).toEqual([
      { code: 'INVALID_CPT_CODE', path: '$.p', message: expect.stringContaining('"9711"') },
    ]);
    expect(checkDiagnosisCode('J4', '$.d')).toEqual([
      { code: 'INVALID_ICD10_CODE', path: '$.d', message: expect.stringContaining('"J4"') },
    ]);
    expect(checkPin('12345', '$.pin')).toEqual([
      { code: 'INVALID_PIN', path: '$.pin', message: expect.stringContaining('4 digits') },
    ]);
  });

  it('never echo a PIN', () => {
    expect(checkPin('98765')[0]?.message).not.toContain('98765');
  });

  it('do not throw on non-strings', () => {
    for (const value of NOT_STRINGS) {
      expect(checkNpi(value)).toHaveLength(1);
      expect(checkTaxId(value)).toHaveLength(1);
      expect(checkProcedureCode(value)).toHaveLength(1);
      expect(checkDiagnosisCode(value)).toHaveLength(1);
      expect(checkPin(value)).toHaveLength(1);
    }
  });
});

describe('identifier forms are whole-value matches (no valid form hidden inside a longer text)', () => {
  it('Tax ID NN-NNNNNNN: nothing before or after', () => {
    expect(normalizeTaxId('06-0646668')).toBe('060646668');
    expect(normalizeTaxId('x06-0646668')).toBeUndefined();
    expect(normalizeTaxId('06-06466681')).toBeUndefined();
    expect(normalizeTaxId(60646668)).toBeUndefined();
    expect(normalizeTaxId(123456789)).toBeUndefined();
  });

  it('diagnosis codes: nothing before, and a letter first', () => {
    expect(isDiagnosisCode('M54.5')).toBe(true);
    expect(isDiagnosisCode('1M54.5')).toBe(false);
    expect(isDiagnosisCode('xM54')).toBe(false);
    expect(isDiagnosisCode(54)).toBe(false);
  });

  it('member ids, PINs and phone numbers are strings only', () => {
    expect(isMemberId(5500648801)).toBe(false);
    expect(isPin(4821)).toBe(false);
    expect(isUsPhone(8983450098)).toBe(false);
  });

  it('checkNpi says which is wrong: the length or the check digit', () => {
    const [checkDigit] = checkNpi('1234567890');
    const [length] = checkNpi('123456789');
    const [prefixed] = checkNpi('x1234567890');
    const [suffixed] = checkNpi('12345678901');
    expect(checkDigit?.message).toContain('check digit');
    for (const v of [length, prefixed, suffixed]) expect(v?.message).toContain('exactly 10 digits');
  });

  it('npiCheckDigit names the stem it refuses', () => {
    expect(() => npiCheckDigit('12345678')).toThrow(/Invalid NPI stem "12345678": expected exactly 9 digits/);
    expect(() => npiCheckDigit(undefined as unknown as string)).toThrow(/Invalid NPI stem nothing/);
    expect(() => npiCheckDigit(null as unknown as string)).toThrow(/Invalid NPI stem null/);
    expect(() => npiCheckDigit(12 as unknown as string)).toThrow(/Invalid NPI stem a number/);
  });
});

describe('values that are not strings', () => {
  it('are refused even when their text would pass', () => {
    expect(() => npiCheckDigit(123_456_789 as unknown as string)).toThrow(
      new RangeError('Invalid NPI stem a number: expected exactly 9 digits.'),
    );
    expect(isDiagnosisCode(['A00'])).toBe(false);
    expect(isDiagnosisCode('A00')).toBe(true);
    // Ten digits as a number: not "a mistyped digit", but not an NPI at all.
    expect(checkNpi(1_234_567_890)).toEqual([
      {
        code: 'INVALID_NPI',
        path: '$',
        message: 'NPI a number is not valid: an NPI is exactly 10 digits. Check the number.',
      },
    ]);
  });
});

describe('a direct call without a path', () => {
  it('reports the violation at $', () => {
    for (const violations of [
      checkNpi('1234567890'),
      checkTaxId('1'),
      checkProcedureCode('x'),
      checkDiagnosisCode('x'),
      checkPin('12345'),
    ]) {
      expect(violations).toHaveLength(1);
      expect(violations[0]?.path).toBe('$');
    }
  });
});
