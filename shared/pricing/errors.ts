// The pricing functions trust nothing: what the caller's validation should have refused is a
// RangeError here, with the path of the offending input so the core can name the field.

export type InputPath = readonly (string | number)[];

/** An input the caller should have refused (400 `validation_failed` in the core). */
export class PricingInputError extends RangeError {
  readonly path: InputPath;

  constructor(path: InputPath, message: string) {
    super(`${path.join('.')}: ${message}`);
    this.name = 'PricingInputError';
    this.path = path;
  }
}

export interface RefundExcess {
  /** Index of the line in the refund's `lines`. */
  readonly index: number;
  readonly requested: number;
  /** `sold_amount − refunded_amount`. */
  readonly refundable: number;
}

/** Lines asking for more units than are left to refund (400 `refund_exceeds_sale`, one detail per line). */
export class RefundExceedsSaleError extends RangeError {
  readonly lines: readonly RefundExcess[];

  constructor(lines: readonly RefundExcess[]) {
    super(lines.map((line) => `lines.${line.index}: ${line.requested} asked, ${line.refundable} left to refund`).join('; '));
    this.name = 'RefundExceedsSaleError';
    this.lines = lines;
  }
}

/** `value` as an integer in [min, max], or a PricingInputError at `path`. */
export function requireInteger(value: number, min: number, max: number, path: InputPath): number {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new PricingInputError(path, `expected an integer from ${min} to ${max}, got ${value}`);
  return value;
}
