// The refund dialog's arithmetic (renderer/src/features/refunds/refund-plan.ts): what is left of
// each line, what the chosen units give back (the core's priceRefund), the tender and the input sent.
import { describe, expect, it } from 'vitest';
import { createRefundInput } from '../../shared/schemas/refunds';
import type { OrderDto } from '../../shared/schemas/orders';
import {
  chosenLinesOf,
  defaultTenderOf,
  dueOf,
  estimateRefund,
  isRefundable,
  refundableLinesOf,
  refundedNetByItem,
  refundInputOf,
} from '../../renderer/src/features/refunds/refund-plan';
import { refundFailureOf } from '../../renderer/src/features/refunds/refund-failure';
import { receiptNoOf } from '../../renderer/src/features/orders/receipt-no';

type Item = OrderDto['items'][number];

const item = (id: number, amount: number, netLineCents: number, extra: Partial<Item> = {}): Item => ({
  order_item_id: id,
  product_id: id * 10,
  name: `Goods ${id}`,
  amount,
  unit_price_cents: netLineCents / amount,
  line_total_cents: netLineCents,
  tax_rate_id: null,
  discount_cents: 0,
  discount: null,
  net_line_cents: netLineCents,
  refunded_amount: 0,
  ...extra,
});

const sale = (
  items: Item[],
  extra: Partial<OrderDto> = {},
): Pick<OrderDto, 'items' | 'taxes' | 'tax_cents' | 'total_cents' | 'status' | 'payments'> => ({
  items,
  taxes: [],
  tax_cents: 0,
  total_cents: items.reduce((sum, i) => sum + i.net_line_cents, 0),
  status: 'completed',
  payments: [{ method: 'cash', amount_cents: 1, tendered_cents: 1, change_cents: 0, reference: null }],
  ...extra,
});

describe('refund plan', () => {
  it('left to refund is sold − refunded; a sale is refundable while a unit is left', () => {
    const order = sale([item(1, 3, 900, { refunded_amount: 1 }), item(2, 2, 400, { refunded_amount: 2 })]);
    expect(refundableLinesOf(order).map((l) => l.left)).toEqual([2, 0]);
    expect(isRefundable(order)).toBe(true);
    expect(isRefundable(sale([item(1, 1, 100, { refunded_amount: 1 })]))).toBe(false);
    expect(isRefundable({ ...order, status: 'open' })).toBe(false);
  });

  it('the tender defaults to the sale’s own when it had one payment, cash otherwise', () => {
    const card = { method: 'card' as const, amount_cents: 5, tendered_cents: 5, change_cents: 0, reference: null };
    expect(defaultTenderOf({ payments: [card] })).toBe('card');
    expect(defaultTenderOf({ payments: [card, { ...card, method: 'other' }] })).toBe('cash');
    expect(defaultTenderOf({ payments: [] })).toBe('cash');
  });

  it('estimates by the floor rule, and the last unit gives back what the earlier refunds left', () => {
    const order = sale([item(1, 3, 1000), item(2, 2, 400)]);
    const one = estimateRefund(order, [], { 1: { amount: 1, restock: true } });
    expect(one?.totalCents).toBe(333);
    const earlier = [
      { items: [{ order_item_id: 1, product_id: 10, name: 'x', amount: 2, restock: true, net_line_cents: 666, tax_cents: 0 }] },
    ];
    expect(refundedNetByItem(earlier).get(1)).toBe(666);
    const last = estimateRefund({ ...order, items: [item(1, 3, 1000, { refunded_amount: 2 }), item(2, 2, 400)] }, earlier, {
      1: { amount: 1, restock: false },
      2: { amount: 2, restock: true },
    });
    expect(last?.totalCents).toBe(334 + 400);
    expect(last?.lineCents.get(1)).toBe(334);
  });

  it('a net-priced sale gives back its tax on top; gross keeps the line amount', () => {
    const taxed = item(1, 2, 1000, { tax_rate_id: 7 });
    const taxes = [{ tax_rate_id: 7, name: 'VAT', rate_bp: 2000, taxable_cents: 1000, tax_cents: 200 }];
    const net = estimateRefund(sale([taxed], { taxes, tax_cents: 200, total_cents: 1200 }), [], { 1: { amount: 1, restock: true } });
    expect(net?.totalCents).toBe(600);
    const gross = estimateRefund(sale([taxed], { taxes, tax_cents: 167, total_cents: 1000 }), [], { 1: { amount: 1, restock: true } });
    expect(gross?.totalCents).toBe(500);
  });

  it('the last unit of a rate gets what the earlier refunds left of its tax, as the core settles it', () => {
    // net-priced 3 × 1000-cent line at 20 %: tax 200, total 1200; two refunds gave back 333 + 67 each;
    // the last unit is 334 + (200 − 134) = 400, not 334 + round(66.8) = 401
    const taxes = [{ tax_rate_id: 7, name: 'VAT', rate_bp: 2000, taxable_cents: 1000, tax_cents: 200 }];
    const order = sale([item(1, 3, 1000, { tax_rate_id: 7, refunded_amount: 2 })], { taxes, tax_cents: 200, total_cents: 1200 });
    const earlierOne = {
      items: [{ order_item_id: 1, product_id: 10, name: 'x', amount: 1, restock: true, net_line_cents: 333, tax_cents: 67 }],
      taxes: [{ tax_rate_id: 7, name: 'VAT', rate_bp: 2000, taxable_cents: 333, tax_cents: 67 }],
    };
    const last = estimateRefund(order, [earlierOne, earlierOne], { 1: { amount: 1, restock: true } });
    expect(last?.totalCents).toBe(400);
    expect(last?.lineCents.get(1)).toBe(400);
  });

  it('nothing chosen, or more than is left, has no estimate', () => {
    const order = sale([item(1, 2, 400, { refunded_amount: 1 })]);
    expect(estimateRefund(order, [], {})).toBeNull();
    expect(estimateRefund(order, [], { 1: { amount: 0, restock: true } })).toBeNull();
    expect(estimateRefund(order, [], { 1: { amount: 2, restock: true } })).toBeNull();
  });

  it('cash is rounded to the shop’s step, card is not; the input passes the refund schema', () => {
    expect(dueOf(333, 'cash', 5)).toBe(335);
    expect(dueOf(333, 'card', 5)).toBe(333);
    const order = sale([item(1, 3, 1000), item(2, 2, 400)]);
    const items = chosenLinesOf(order, { 2: { amount: 1, restock: false }, 1: { amount: 0, restock: true } });
    expect(items).toEqual([{ order_item_id: 2, amount: 1, restock: false }]);
    const input = refundInputOf({ items, method: 'cash', dueCents: 200, reason: '  broken ', registerId: 3 });
    expect(input).toEqual({ items, payments: [{ method: 'cash', amount_cents: 200 }], reason: 'broken', register_id: 3 });
    expect(createRefundInput.safeParse(input).success).toBe(true);
    expect(refundInputOf({ items, method: 'card', dueCents: 0, reason: 'x', registerId: null })).toEqual({
      items,
      payments: [],
      reason: 'x',
    });
  });

  it('reads the core’s refusals: a closed drawer, the due it asks, units refunded meanwhile', () => {
    expect(refundFailureOf({ error: 'no_open_session', message: 'x' }, 'f').kind).toBe('no_drawer');
    expect(refundFailureOf({ error: 'payment_mismatch', message: 'x', details: [{ payments_cents: 1, due_cents: 5 }] }, 'f')).toMatchObject(
      {
        kind: 'mismatch',
        dueCents: 5,
      },
    );
    expect(refundFailureOf({ error: 'refund_exceeds_sale', message: 'x' }, 'f').kind).toBe('exceeds');
    expect(refundFailureOf(null, 'Lost.').message).toMatch(/^Lost\. /);
  });

  it('a receipt number is digits only, above zero', () => {
    expect(receiptNoOf(' 42 ')).toBe(42);
    for (const bad of ['', '0', '-1', '4.2', '12a', '9'.repeat(16)]) expect(receiptNoOf(bad), bad).toBeNull();
  });
});
