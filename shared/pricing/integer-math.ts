// Exact integer arithmetic for money: products of cents and rates can pass 2^53, so the
// multiplications and the rounding decisions are made on BigInt and never on a float quotient.

function toSafeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${value} cents is beyond what can be counted exactly.`);
  return result;
}

function product(a: number, b: number, c: number): { numerator: bigint; divisor: bigint } {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(c) || c <= 0)
    throw new RangeError(`Cannot take ${a} × ${b} / ${c} exactly.`);
  return { numerator: BigInt(a) * BigInt(b), divisor: BigInt(c) };
}

/** `round(a × b / c)`, halves away from zero (the contract's `round()`); `c` must be positive. */
export function mulDivRound(a: number, b: number, c: number): number {
  const { numerator, divisor } = product(a, b, c);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + divisor) / (2n * divisor);
  return toSafeNumber(numerator < 0n ? -rounded : rounded);
}

/** `floor(a × b / c)` (towards minus infinity); `c` must be positive. */
export function mulDivFloor(a: number, b: number, c: number): number {
  const { numerator, divisor } = product(a, b, c);
  const truncated = numerator / divisor;
  const floored = numerator < 0n && truncated * divisor !== numerator ? truncated - 1n : truncated;
  return toSafeNumber(floored);
}

/** `a × b`, refusing a product that could no longer be represented exactly. */
export function multiplyExact(a: number, b: number): number {
  return mulDivFloor(a, b, 1);
}

/** Σ of integers, refusing a sum that could no longer be represented exactly. */
export function sumExact(values: readonly number[]): number {
  return toSafeNumber(values.reduce((sum, value) => sum + BigInt(value), 0n));
}
