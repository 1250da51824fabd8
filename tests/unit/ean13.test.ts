import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeSvg, gtinCheckDigit, isValidGtin, labelCodeOf, symbologyOf } from '../../electron/core/labels/barcode';
import { escapeHtml } from '../../electron/core/labels/label-sheet';

/** Labels (issue 14): the GS1 check digit, and which symbology a product's code prints in. */

describe('gtinCheckDigit', () => {
  it.each([
    // Published codes: EAN-13 (GS1's own example, a book's ISBN-13) and UPC-A.
    ['400638133393', 1],
    ['978030640615', 7],
    ['590123412345', 7],
    ['03600029145', 2],
    ['00000000000', 0],
  ])('of %s is %i', (digits, check) => {
    expect(gtinCheckDigit(digits)).toBe(check);
  });

  it('refuses anything but digits', () => {
    expect(() => gtinCheckDigit('12345A')).toThrow(RangeError);
  });

  it('makes every 12 digits a valid EAN-13, and any other last digit an invalid one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 1, max: 9 }), (digits, shift) => {
        const check = gtinCheckDigit(digits);
        expect(isValidGtin(`${digits}${check}`)).toBe(true);
        expect(isValidGtin(`${digits}${(check + shift) % 10}`)).toBe(false);
      }),
    );
  });
});

describe('symbologyOf', () => {
  it.each([
    ['4006381333931', 'ean13'],
    ['9780306406157', 'ean13'],
    ['036000291452', 'upca'],
    // A wrong check digit would not scan as EAN: Code 128 prints the digits as they are.
    ['4006381333932', 'code128'],
    ['036000291453', 'code128'],
    // Too short or too long for a GTIN, or not all digits.
    ['12345678', 'code128'],
    ['40063813339310', 'code128'],
    ['400638133393A', 'code128'],
    ['SKU-ABC-1', 'code128'],
  ])('%s prints as %s', (code, symbology) => {
    expect(symbologyOf(code)).toBe(symbology);
  });

  it('prints the barcode when the product has one, else its SKU', () => {
    expect(labelCodeOf({ barcode: '4006381333931', sku: 'MILK-1' })).toBe('4006381333931');
    expect(labelCodeOf({ barcode: null, sku: 'MILK-1' })).toBe('MILK-1');
  });
});

describe('barcodeSvg', () => {
  it('draws bars without text for each symbology', () => {
    for (const code of ['4006381333931', '036000291452', 'SKU-ABC-1']) {
      const svg = barcodeSvg(code);
      expect(svg).toMatch(/^<svg [^>]*viewBox=/);
      expect(svg).toContain('<path');
      expect(svg).not.toContain('<text');
    }
  });

  it('answers null for a code Code 128 cannot hold', () => {
    expect(barcodeSvg('Käse-№1')).toBeNull();
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;');
  });
});
