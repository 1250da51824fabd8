import type { PaymentInput } from '../../../shared/schemas/orders';
import type { Actor } from '../actor';
import type { Services } from '../create-services';

const OPENING_FLOAT_CENTS = 15_000;
const OPENS_AT_HOUR = 8;
const CLOSES_AT_HOUR = 20;
/** Notes a customer hands over, smallest first: the change is what makes a cash sale real. */
const NOTES_CENTS = [500, 1_000, 2_000, 5_000];

export interface DemoDaysPlan {
  registerIds: number[];
  products: { id: number; priceCents: number }[];
  sellers: Actor[];
  /** Who counts the drawer at night (a manager: a variance needs no approval). */
  closer: Actor;
  days: number;
}

/** A small deterministic generator, so every demo shop tells the same story. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
}

function tendersFor(totalCents: number, pick: (n: number) => number): PaymentInput[] {
  const kind = pick(10);
  if (kind < 5) {
    const note = NOTES_CENTS.find((n) => n >= totalCents) ?? Math.ceil(totalCents / 5_000) * 5_000;
    return [{ method: 'cash', amount_cents: totalCents, tendered_cents: pick(3) === 0 ? totalCents : note }];
  }
  if (kind < 9 || totalCents < 200) return [{ method: 'card', amount_cents: totalCents }];
  const cash = Math.floor(totalCents / 2);
  return [
    { method: 'card', amount_cents: totalCents - cash },
    { method: 'cash', amount_cents: cash, tendered_cents: cash },
  ];
}

const atHour = (day: Date, hour: number, minute = 0) => {
  const at = new Date(day);
  at.setHours(hour, minute, 0, 0);
  return at.getTime();
};

/**
 * A month of days at the tills: each register opened in the morning with a float, sales paid in
 * cash (with change), by card or split, a safe drop in the afternoon, and the drawer counted at
 * night (now and then a few cents off) so every past day has its Z report. Today's drawers stay
 * open. Everything goes through the services, as at a real till.
 */
export async function seedDemoDays(services: Services, plan: DemoDaysPlan, now: Date): Promise<void> {
  const pick = generator(7);
  const prices = new Map(plan.products.map((p) => [p.id, p.priceCents]));
  for (let daysAgo = plan.days - 1; daysAgo >= 0; daysAgo--) {
    const day = new Date(now);
    day.setDate(day.getDate() - daysAgo);
    const isToday = daysAgo === 0;
    for (const [index, registerId] of plan.registerIds.entries()) {
      // The second till opens on busy days only.
      if (index > 0 && !isToday && pick(2) === 0) continue;
      const opener = plan.sellers[pick(plan.sellers.length)] ?? plan.closer;
      // Today's drawers are open whatever the hour the demo is made.
      const openedAt = Math.min(atHour(day, OPENS_AT_HOUR, index * 5), now.getTime() - 60_000);
      const session = services.cashSessions.open(opener, { register_id: registerId, opening_float_cents: OPENING_FLOAT_CENTS }, openedAt);
      const times = Array.from({ length: 2 + pick(5) }, () => atHour(day, OPENS_AT_HOUR + 1 + pick(10), pick(60)))
        .filter((at) => at < now.getTime())
        .sort((a, b) => a - b);
      for (const at of times) {
        const seller = plan.sellers[pick(plan.sellers.length)] ?? opener;
        const items = Array.from({ length: 1 + pick(3) }, () => ({
          product_id: plan.products[pick(plan.products.length)]?.id ?? 1,
          amount: 1 + pick(2),
        }));
        const total = items.reduce((sum, item) => sum + (prices.get(item.product_id) ?? 0) * item.amount, 0);
        // Stock may run out for a line late in the month: such a sale is simply not made.
        await services.orders
          .create(seller, { items, complete: true, register_id: registerId, payments: tendersFor(total, pick) }, undefined, at)
          .catch(() => undefined);
      }
      if (isToday) continue;
      const report = services.cashSessions.report(plan.closer, session.id);
      const dropAt = atHour(day, 16);
      const drop = Math.floor(report.cash.expected_cents / 2 / 1_000) * 1_000;
      if (drop > 0) services.cashSessions.addMovement(opener, session.id, { type: 'out', amount_cents: drop, reason: 'Safe drop' }, dropAt);
      const expected = report.cash.expected_cents - drop;
      const counted = pick(6) === 0 ? expected - 10 * (1 + pick(5)) : expected;
      await services.cashSessions.close(
        plan.closer,
        session.id,
        { counted_cash_cents: counted, note: counted === expected ? undefined : 'Short at close' },
        atHour(day, CLOSES_AT_HOUR),
      );
    }
  }
}
