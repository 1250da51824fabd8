import { amountDue } from '../../../../shared/cash-rounding';
import { pricesIncludedTax, priceRefund, type RateBalance } from '../../../../shared/pricing';
import type { OrderDto, PaymentMethod } from '../../../../shared/schemas/orders';
import type { CreateRefundInput, RefundDto } from '../../../../shared/schemas/refunds';

/** What the person at the till chose for one sold line. */
export interface LineChoice {
  amount: number;
  restock: boolean;
}

export type LineChoices = Readonly<Record<number, LineChoice>>;

export const NO_CHOICE: LineChoice = { amount: 0, restock: true };

/** A sold line as the refund dialog shows it. */
export interface RefundableLine {
  order_item_id: number;
  name: string;
  sold: number;
  refunded: number;
  /** Units that may still be given back. */
  left: number;
}

export const refundableLinesOf = (order: Pick<OrderDto, 'items'>): RefundableLine[] =>
  order.items.map((item) => ({
    order_item_id: item.order_item_id,
    name: item.name,
    sold: item.amount,
    refunded: item.refunded_amount,
    left: Math.max(0, item.amount - item.refunded_amount),
  }));

/** A completed sale with a unit not yet given back. */
export const isRefundable = (order: Pick<OrderDto, 'status' | 'items'>) =>
  order.status === 'completed' && refundableLinesOf(order).some((line) => line.left > 0);

/** Money goes back the way it came when the sale had one tender; cash otherwise. */
export function defaultTenderOf(order: Pick<OrderDto, 'payments'>): PaymentMethod {
  const [only, ...more] = order.payments;
  return only && more.length === 0 ? only.method : 'cash';
}

/** Σ of what each sold line already gave back: the refund of a line's last unit gets the rest. */
export function refundedNetByItem(refunds: readonly Pick<RefundDto, 'items'>[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const refund of refunds)
    for (const item of refund.items) sums.set(item.order_item_id, (sums.get(item.order_item_id) ?? 0) + item.net_line_cents);
  return sums;
}

/** The lines to send: those with at least one unit, in the sale's order. */
export function chosenLinesOf(order: Pick<OrderDto, 'items'>, choices: LineChoices): CreateRefundInput['items'] {
  return order.items.flatMap((item) => {
    const choice = choices[item.order_item_id];
    return choice && choice.amount > 0 ? [{ order_item_id: item.order_item_id, amount: choice.amount, restock: choice.restock }] : [];
  });
}

export interface RefundEstimate {
  /** Per chosen line (by order_item_id): its net and its part of the tax. */
  lineCents: ReadonlyMap<number, number>;
  totalCents: number;
}

/** An earlier refund as the estimate reads it; without its `taxes` none of its tax counts as given back. */
export type EarlierRefund = Pick<RefundDto, 'items'> & Partial<Pick<RefundDto, 'taxes'>>;

/** What is left of each of the sale's rates: its tax less what the earlier refunds gave back. */
export function rateBalancesOf(order: Pick<OrderDto, 'taxes'>, earlier: readonly EarlierRefund[]): RateBalance[] {
  return order.taxes.map((tax) => ({
    tax_rate_id: tax.tax_rate_id,
    sold_tax_cents: tax.tax_cents,
    refunded_tax_cents: earlier
      .flatMap((refund) => refund.taxes ?? [])
      .filter((entry) => entry.tax_rate_id === tax.tax_rate_id)
      .reduce((sum, entry) => sum + entry.tax_cents, 0),
  }));
}

/**
 * What the refund should come to, by the pricing the core uses: every sold line goes in (those
 * not chosen at 0) with the rates' balances, so a rate's last cent of tax is settled as the core
 * settles it. Null when nothing is chosen or the choice cannot be priced (more than is left).
 */
export function estimateRefund(
  order: Pick<OrderDto, 'items' | 'taxes' | 'tax_cents' | 'total_cents'>,
  earlier: readonly EarlierRefund[],
  choices: LineChoices,
): RefundEstimate | null {
  if (chosenLinesOf(order, choices).length === 0) return null;
  const refundedNet = refundedNetByItem(earlier);
  const includesTax = pricesIncludedTax(order);
  const lines = order.items.map((item) => {
    const tax = order.taxes.find((entry) => entry.tax_rate_id === item.tax_rate_id);
    return {
      order_item_id: item.order_item_id,
      net_line_cents: item.net_line_cents,
      sold_amount: item.amount,
      refunded_amount: item.refunded_amount,
      refunded_net_cents: Math.min(refundedNet.get(item.order_item_id) ?? 0, item.net_line_cents),
      refund_amount: Math.max(0, choices[item.order_item_id]?.amount ?? 0),
      tax_rate: tax ? { id: tax.tax_rate_id, name: tax.name, rate_bp: tax.rate_bp } : null,
    };
  });
  try {
    const priced = priceRefund({ lines, prices_include_tax: includesTax, rate_balances: rateBalancesOf(order, earlier) });
    const lineCents = new Map<number, number>();
    lines.forEach((line, index) => {
      const part = priced.lines[index];
      if (part && line.refund_amount > 0) lineCents.set(line.order_item_id, part.net_line_cents + (includesTax ? 0 : part.tax_cents));
    });
    return { lineCents, totalCents: priced.total_cents };
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** What is paid back in `method`: the total, rounded to the shop's step when it is cash. */
export const dueOf = (totalCents: number, method: PaymentMethod, stepCents: number) => amountDue(totalCents, [method], stepCents).dueCents;

/** The refund as the core takes it: one tender of the due (none for a refund of 0). */
export function refundInputOf(plan: {
  items: CreateRefundInput['items'];
  method: PaymentMethod;
  dueCents: number;
  reason: string;
  registerId: number | null;
}): CreateRefundInput {
  return {
    items: plan.items,
    payments: plan.dueCents > 0 ? [{ method: plan.method, amount_cents: plan.dueCents }] : [],
    reason: plan.reason.trim(),
    ...(plan.registerId !== null ? { register_id: plan.registerId } : {}),
  };
}
