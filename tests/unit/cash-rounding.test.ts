import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountDue, roundToStep } from '../../shared/cash-rounding';

/** API-SELLING.md, "Cash rounding": to the nearest multiple of the step, halves away from zero, only when all is cash. */

describe('roundToStep', () => {
  it.each([
    // [cents, step, rounded]
    [1002, 5, 1000],
    [1003, 5, 1005],
    [1007, 5, 1005],
    [1008, 5, 1010],
    [1000, 5, 1000],
    [1004, 10, 1000],
    [1005, 10, 1010],
    [1015, 10, 1020],
    [1006, 10, 1010],
    [7, 10, 10],
    [5, 10, 10],
    [4, 10, 0],
    [1002, 1, 1002],
    [-1005, 10, -1010],
    [-1003, 5, -1005],
    [-1002, 5, -1000],
  ])('%i at a step of %i is %i', (cents, step, rounded) => {
    expect(roundToStep(cents, step)).toBe(rounded);
  });

  it('leaves zero alone', () => {
    expect(roundToStep(0, 5)).toBe(0);
    expect(roundToStep(0, 10)).toBe(0);
  });
});

describe('amountDue', () => {
  it('rounds a wholly cash sale and says by how much', () => {
    expect(amountDue(1002, ['cash'], 5)).toEqual({ dueCents: 1000, roundingCents: -2 });
    expect(amountDue(1003, ['cash'], 5)).toEqual({ dueCents: 1005, roundingCents: 2 });
    expect(amountDue(1003, ['cash', 'cash'], 5)).toEqual({ dueCents: 1005, roundingCents: 2 });
    expect(amountDue(1005, ['cash'], 10)).toEqual({ dueCents: 1010, roundingCents: 5 });
  });

  it('never rounds card, other or a mix with cash', () => {
    for (const methods of [['card'], ['other'], ['cash', 'card'], ['other', 'cash'], ['card', 'other']]) {
      expect(amountDue(1003, methods, 5), methods.join('+')).toEqual({ dueCents: 1003, roundingCents: 0 });
      expect(amountDue(1005, methods, 10), methods.join('+')).toEqual({ dueCents: 1005, roundingCents: 0 });
    }
  });

  it('never rounds without payments, nor at a step of 1', () => {
    expect(amountDue(1003, [], 5)).toEqual({ dueCents: 1003, roundingCents: 0 });
    expect(amountDue(1003, ['cash'], 1)).toEqual({ dueCents: 1003, roundingCents: 0 });
  });
});

describe('cash rounding as a property', () => {
  const step = fc.constantFrom(1, 5, 10);
  const total = fc.integer({ min: 0, max: 100_000_000 });
  const method = fc.constantFrom('cash', 'card', 'other');

  it('moves a wholly cash total by at most half a step, onto a multiple of the step', () => {
    fc.assert(
      fc.property(total, step, fc.integer({ min: 1, max: 5 }), (cents, stepCents, payments) => {
        const { dueCents, roundingCents } = amountDue(cents, Array<string>(payments).fill('cash'), stepCents);
        expect(dueCents - cents).toBe(roundingCents);
        expect(Math.abs(roundingCents)).toBeLessThanOrEqual(stepCents / 2);
        expect(dueCents % stepCents).toBe(0);
        expect(dueCents).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('leaves the total as it is when any payment is not cash', () => {
    fc.assert(
      fc.property(total, step, fc.array(method, { minLength: 1, maxLength: 5 }), (cents, stepCents, methods) => {
        fc.pre(methods.some((m) => m !== 'cash'));
        expect(amountDue(cents, methods, stepCents)).toEqual({ dueCents: cents, roundingCents: 0 });
      }),
    );
  });

  it('rounds halves away from zero: a total exactly half a step off goes up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (multiple) => {
        const cents = multiple * 10 + 5;
        expect(roundToStep(cents, 10)).toBe(cents + 5);
        expect(roundToStep(-cents, 10)).toBe(-cents - 5);
      }),
    );
  });
});
