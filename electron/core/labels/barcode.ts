import bwipjs from 'bwip-js/node';

/**
 * How a label prints a product's code. A 13-digit GTIN prints as EAN-13 and a 12-digit one as
 * UPC-A (an EAN-13 with a leading 0), each only when its check digit is right: the label must
 * scan back to the very digits stored, and a wrong check digit would not scan at all. Anything
 * else prints as Code 128, which holds every code the catalog accepts.
 */
export type Symbology = 'ean13' | 'upca' | 'code128';

/** The GS1 mod-10 check digit of a GTIN's digits before it (weights 3, 1, 3 … from the right). */
export function gtinCheckDigit(digitsBeforeCheck: string): number {
  if (!/^\d+$/.test(digitsBeforeCheck)) throw new RangeError('A GTIN is digits only.');
  let sum = 0;
  for (let fromRight = 0; fromRight < digitsBeforeCheck.length; fromRight++) {
    const digit = Number(digitsBeforeCheck[digitsBeforeCheck.length - 1 - fromRight]);
    sum += fromRight % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** 12 or 13 digits whose last one is their check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^\d{12,13}$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

export function symbologyOf(code: string): Symbology {
  if (!isValidGtin(code)) return 'code128';
  return code.length === 13 ? 'ean13' : 'upca';
}

/** What the label encodes: the barcode when the product has one, else its SKU. */
export const labelCodeOf = (product: { barcode: string | null; sku: string }) => product.barcode ?? product.sku;

/**
 * The code's bars as SVG (no text: the label prints the digits itself, in its own font), or
 * null when it cannot be encoded so that it scans back as stored: a code from before today's
 * rules with characters outside printable ASCII (bwip-js would encode their bytes instead).
 */
export function barcodeSvg(code: string): string | null {
  if (!/^[\x20-\x7e]+$/.test(code)) return null;
  try {
    return bwipjs.toSVG({ bcid: symbologyOf(code), text: code, scale: 1, height: 12, includetext: false });
  } catch {
    return null;
  }
}
