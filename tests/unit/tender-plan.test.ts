// The pay dialog's arithmetic (renderer/src/features/pos/tender-plan.ts): what is due, what is
// left, what a tender does, and the payments sent — the same amounts the core asks for.
import { describe, expect, it } from 'vitest';
import {
  applyTender,
  changeOf,
  planState,
  suggestedTenders,
  toPaymentInputs,
  type PlannedPayment,
} from '../../renderer/src/features/pos/tender-plan';
import { settleTenders } from '../../electron/core/orders/tenders';

const cash = (amountCents: number, tenderedCents = amountCents): PlannedPayment => ({
  method: 'cash',
  amountCents,
  tenderedCents,
  reference: null,
});
const card = (amountCents: number, reference: string | null = null): PlannedPayment => ({
  method: 'card',
  amountCents,
  tenderedCents: amountCents,
  reference,
});

describe('tender plan', () => {
  it('rounds a wholly cash sale to the step, and no other', () => {
    expect(planState(1003, [], 'cash', 5)).toEqual({ dueCents: 1005, roundingCents: 2, paidCents: 0, remainingCents: 1005 });
    expect(planState(1002, [], 'cash', 5)).toMatchObject({ dueCents: 1000, roundingCents: -2 });
    expect(planState(1003, [], 'card', 5)).toMatchObject({ dueCents: 1003, roundingCents: 0 });
    // Part card, rest cash: not wholly cash, so the cash pays the exact rest.
    expect(planState(1003, [card(500)], 'cash', 5)).toMatchObject({ dueCents: 1003, remainingCents: 503, roundingCents: 0 });
  });

  it('takes cash at or above the rest as the last payment (with change), less as a part', () => {
    const state = planState(1003, [], 'cash', 5);
    expect(applyTender(state, [], 'cash', 2000, null)).toEqual({ kind: 'complete', payments: [cash(1005, 2000)] });
    expect(applyTender(state, [], 'cash', null, null)).toEqual({ kind: 'complete', payments: [cash(1005)] });
    expect(applyTender(state, [], 'cash', 500, null)).toEqual({ kind: 'partial', payment: cash(500) });
    expect(changeOf([cash(1005, 2000)])).toBe(995);
  });

  it('lets a card pay the rest or a part, never more', () => {
    const state = planState(2500, [], 'card', 5);
    expect(applyTender(state, [], 'card', 1000, ' 4242 ')).toEqual({ kind: 'partial', payment: card(1000, '4242') });
    expect(applyTender(state, [], 'card', 3000, null)).toEqual({
      kind: 'refused',
      refusal: { reason: 'above_remaining', remainingCents: 2500 },
    });
    const after = planState(2500, [card(1000, '4242')], 'cash', 5);
    expect(after.remainingCents).toBe(1500);
    expect(applyTender(after, [card(1000, '4242')], 'cash', 2000, null)).toEqual({
      kind: 'complete',
      payments: [card(1000, '4242'), cash(1500, 2000)],
    });
  });

  it('refuses what is not an amount, and payments that already cover more than is due', () => {
    const state = planState(1000, [], 'cash', 1);
    expect(applyTender(state, [], 'cash', 0, null)).toMatchObject({ kind: 'refused', refusal: { reason: 'not_an_amount' } });
    expect(applyTender(state, [], 'cash', 200_000_000, null)).toMatchObject({ kind: 'refused', refusal: { reason: 'too_large' } });
    // Cash rounded up (1003 → 1005), 1004 of it taken, then card chosen for the rest: 1 cent over.
    const over = planState(1003, [cash(1004)], 'card', 5);
    expect(applyTender(over, [cash(1004)], 'card', null, null)).toEqual({ kind: 'refused', refusal: { reason: 'overpaid', overCents: 1 } });
  });

  it('completes a sale with nothing to pay without payments', () => {
    expect(applyTender(planState(0, [], 'cash', 5), [], 'cash', null, null)).toEqual({ kind: 'complete', payments: [] });
  });

  it('sends what the core accepts: tendered only for cash, a reference only when given', () => {
    const payments = [card(1000, '4242'), { ...card(3), method: 'other' as const }, cash(1500, 2000)];
    const inputs = toPaymentInputs(payments);
    expect(inputs).toEqual([
      { method: 'card', amount_cents: 1000, reference: '4242' },
      { method: 'other', amount_cents: 3 },
      { method: 'cash', amount_cents: 1500, tendered_cents: 2000 },
    ]);
    expect(settleTenders(2503, inputs, 5).dueCents).toBe(2503);
  });

  it('agrees with the core over random sales paid in random parts', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rand = (n: number) => Math.floor(Math.abs(Math.sin(seed * 9301 + n * 49297)) * 1_000_000) % 1_000_000;
      const total = 1 + (rand(1) % 20_000);
      const step = [1, 5, 10][rand(2) % 3] ?? 1;
      const methods = (['cash', 'card', 'other'] as const).filter((_, i) => rand(3 + i) % 2 === 0);
      const added: PlannedPayment[] = [];
      let outcome = null;
      for (let part = 0; part < 4 && outcome === null; part++) {
        const last = part === 3;
        // The last is cash: it can always settle the rest (card might find it already covered).
        const method = last ? 'cash' : (methods[part % Math.max(1, methods.length)] ?? 'cash');
        const state = planState(total, added, method, step);
        const entered = last ? state.remainingCents + (rand(10) % 5000) : 1 + (rand(20 + part) % total);
        const result = applyTender(state, added, method, entered, null);
        if (result.kind === 'partial') added.push(result.payment);
        else if (result.kind === 'complete') outcome = result.payments;
        else if (last) throw new Error(`seed ${seed}: the rest was refused (${result.refusal.reason})`);
      }
      if (outcome === null || outcome.length === 0) continue;
      // What the dialog would send is exactly what the core asks for.
      expect(() => settleTenders(total, toPaymentInputs(outcome), step), `seed ${seed}`).not.toThrow();
    }
  });

  it('suggests the next round notes above the amount', () => {
    expect(suggestedTenders(1003, 2)).toEqual([2000, 5000, 10_000]);
    expect(suggestedTenders(25_000, 2)).toEqual([30_000]);
    expect(suggestedTenders(1300, 0)).toEqual([2000, 5000, 10_000]);
    expect(suggestedTenders(30_000, 0)).toEqual([40_000]);
  });
});
