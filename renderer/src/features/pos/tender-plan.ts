import { amountDue } from '../../../../shared/cash-rounding';
import { MAX_PAYMENT_CENTS, type PaymentInput, type PaymentMethod } from '../../../../shared/schemas/orders';

/** `orders.create` and `orders.complete` take at most this many payments. */
export const MAX_PAYMENTS = 20;

/** A payment taken in the pay dialog, before the sale is sent. */
export interface PlannedPayment {
  method: PaymentMethod;
  amountCents: number;
  /** What the customer handed over; above the amount only for cash (the rest is change). */
  tenderedCents: number;
  reference: string | null;
}

export interface PlanState {
  /** What the payments must add up to, were the rest paid by the method being entered. */
  dueCents: number;
  /** `dueCents − total`: non-zero only when every payment is cash and the shop rounds cash. */
  roundingCents: number;
  paidCents: number;
  remainingCents: number;
}

/**
 * Where the payments stand. The method being entered counts as the one that pays the rest, so
 * a wholly-cash sale shows the rounded amount the server will ask for (shared/cash-rounding.ts).
 */
export function planState(totalCents: number, added: readonly PlannedPayment[], nextMethod: PaymentMethod, stepCents: number): PlanState {
  const methods = [...added.map((p) => p.method), nextMethod];
  const { dueCents, roundingCents } = amountDue(totalCents, methods, stepCents);
  const paidCents = added.reduce((sum, p) => sum + p.amountCents, 0);
  return { dueCents, roundingCents, paidCents, remainingCents: dueCents - paidCents };
}

export type TenderRefusal =
  /** The payments taken already cover the sale (cash rounded up, then another method chosen). */
  | { reason: 'overpaid'; overCents: number }
  | { reason: 'not_an_amount' }
  | { reason: 'too_large' }
  /** Card and other cannot give change. */
  | { reason: 'above_remaining'; remainingCents: number }
  | { reason: 'too_many' };

export type TenderOutcome =
  | { kind: 'refused'; refusal: TenderRefusal }
  /** A part of the sale: the dialog keeps it and asks for the rest. */
  | { kind: 'partial'; payment: PlannedPayment }
  /** The payments now add up to the amount due: the sale can be sent. */
  | { kind: 'complete'; payments: PlannedPayment[] };

/**
 * The tender being entered, applied. `enteredCents` null means "the rest, exactly". Cash at or
 * above the rest settles it (the excess is change); less is a part payment. Card and other pay
 * at most the rest.
 */
export function applyTender(
  state: PlanState,
  added: readonly PlannedPayment[],
  method: PaymentMethod,
  enteredCents: number | null,
  reference: string | null,
): TenderOutcome {
  const remaining = state.remainingCents;
  if (remaining <= 0) {
    // Nothing to pay (free items, or cash rounding to 0): the sale completes without payments.
    if (remaining === 0 && added.length === 0) return { kind: 'complete', payments: [] };
    return { kind: 'refused', refusal: { reason: 'overpaid', overCents: -remaining } };
  }
  const cents = enteredCents ?? remaining;
  if (!Number.isSafeInteger(cents) || cents <= 0) return { kind: 'refused', refusal: { reason: 'not_an_amount' } };
  if (cents > MAX_PAYMENT_CENTS) return { kind: 'refused', refusal: { reason: 'too_large' } };
  const ref = method === 'cash' ? null : reference?.trim() || null;
  if (cents >= remaining) {
    if (method !== 'cash' && cents > remaining)
      return { kind: 'refused', refusal: { reason: 'above_remaining', remainingCents: remaining } };
    return { kind: 'complete', payments: [...added, { method, amountCents: remaining, tenderedCents: cents, reference: ref }] };
  }
  if (added.length >= MAX_PAYMENTS - 1) return { kind: 'refused', refusal: { reason: 'too_many' } };
  return { kind: 'partial', payment: { method, amountCents: cents, tenderedCents: cents, reference: ref } };
}

/** The payments as `orders.create` / `orders.complete` take them. */
export function toPaymentInputs(payments: readonly PlannedPayment[]): PaymentInput[] {
  return payments.map((p) =>
    p.method === 'cash'
      ? { method: 'cash', amount_cents: p.amountCents, tendered_cents: p.tenderedCents }
      : { method: p.method, amount_cents: p.amountCents, ...(p.reference ? { reference: p.reference } : {}) },
  );
}

/** Change handed back over all the payments (only cash gives any). */
export const changeOf = (payments: readonly { method: PaymentMethod; amountCents: number; tenderedCents: number }[]) =>
  payments.reduce((sum, p) => sum + (p.method === 'cash' ? p.tenderedCents - p.amountCents : 0), 0);

/** Notes a customer is likely to hand over for `cents` (the next round amounts above it). */
export function suggestedTenders(cents: number, decimals: number): number[] {
  // A currency without a minor unit (JPY) counts in large numbers: its notes start at 500.
  const notes = decimals === 0 ? [500, 1000, 2000, 5000, 10_000, 20_000] : [5, 10, 20, 50, 100, 200].map((n) => n * 10 ** decimals);
  const above = notes.filter((n) => n > cents).slice(0, 3);
  // Past the largest note: the next round hundred.
  const hundred = notes[4] ?? 10_000;
  return above.length > 0 ? above : [(Math.floor(cents / hundred) + 1) * hundred];
}
