import { pricesIncludedTax } from '../../../shared/pricing/priced-gross';
import type { OrderDto, PaymentDto } from '../../../shared/schemas/orders';
import type { ReceiptDocument, ReceiptTax, ReceiptTender } from '../../../shared/schemas/receipts';
import type { RefundDto } from '../../../shared/schemas/refunds';
import type { ShopSettingsDto } from '../../../shared/schemas/shop';
import { wallClock } from '../../../shared/shop-date';
import { DomainError } from '../errors';

/** Who and where, already read: the people and the register as they are named today. */
export interface ReceiptContext {
  shop: Pick<ShopSettingsDto, 'name' | 'address' | 'tax_id' | 'currency' | 'time_zone' | 'receipt_footer'>;
  cashier: string | null;
  register: string | null;
  registerId: number | null;
}

type TaxRow = OrderDto['taxes'][number];

const pad2 = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` on the shop's wall clock. */
export function shopLocalTime(iso: string, timeZone: string): string {
  const c = wallClock(new Date(iso), timeZone);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}`;
}

/** A, B … Z, then AA, AB …: a sale has rarely more than three rates, but never runs out. */
function taxCode(index: number): string {
  const letter = (n: number) => String.fromCharCode(65 + n);
  return index < 26 ? letter(index) : letter(Math.floor(index / 26) - 1) + letter(index % 26);
}

/** The highest rate first (the usual "A" of a receipt), then by name, then by id for a stable order. */
function sortedTaxes(taxes: readonly TaxRow[]): TaxRow[] {
  return [...taxes].sort((a, b) => b.rate_bp - a.rate_bp || a.name.localeCompare(b.name) || a.tax_rate_id - b.tax_rate_id);
}

/**
 * The tax table and each rate's letter. `taxable_cents` is Σ net_line_cents at the rate, in the
 * sale's own price terms (shared/pricing/taxes.ts): gross prices hold the tax, net ones do not.
 */
function taxTable(taxes: readonly TaxRow[], includesTax: boolean): { rows: ReceiptTax[]; codeOf: Map<number, string> } {
  const codeOf = new Map<number, string>();
  const rows = sortedTaxes(taxes).map((tax, index) => {
    const code = taxCode(index);
    codeOf.set(tax.tax_rate_id, code);
    const net = includesTax ? tax.taxable_cents - tax.tax_cents : tax.taxable_cents;
    return { code, name: tax.name, rate_bp: tax.rate_bp, net_cents: net, tax_cents: tax.tax_cents, gross_cents: net + tax.tax_cents };
  });
  return { rows, codeOf };
}

const tendersOf = (payments: readonly PaymentDto[]): ReceiptTender[] =>
  payments.map((p) => ({ method: p.method, amount_cents: p.amount_cents, tendered_cents: p.tendered_cents, change_cents: p.change_cents }));

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function common(context: ReceiptContext, issuedAt: string) {
  const { shop } = context;
  return {
    shop: { name: shop.name, address: shop.address, tax_id: shop.tax_id },
    currency: shop.currency,
    issued_at: issuedAt,
    local_time: shopLocalTime(issuedAt, shop.time_zone),
    time_zone: shop.time_zone,
    cashier: context.cashier,
    register: context.register,
    register_id: context.registerId,
    footer: shop.receipt_footer,
  };
}

/** The receipt of a completed sale, from the order as stored; an open or cancelled order has none. */
export function saleReceipt(order: OrderDto, context: ReceiptContext): ReceiptDocument {
  if (order.status !== 'completed' || order.completed_at === null)
    throw new DomainError('invalid_state', `Order ${order.id} is ${order.status}: only a completed sale has a receipt.`);
  if (order.receipt_no === null)
    throw new DomainError('invalid_state', `Order ${order.id} was completed before receipts were numbered: it has no receipt.`);
  const includesTax = pricesIncludedTax(order);
  const { rows, codeOf } = taxTable(order.taxes, includesTax);
  const tenders = tendersOf(order.payments);
  return {
    kind: 'sale',
    receipt_no: order.receipt_no,
    refund_of_receipt_no: null,
    ...common(context, order.completed_at),
    prices_include_tax: includesTax,
    lines: order.items.map((item) => ({
      name: item.name,
      amount: item.amount,
      unit_price_cents: item.unit_price_cents,
      discount_cents: item.discount_cents,
      total_cents: item.net_line_cents,
      tax_code: item.tax_rate_id === null ? null : (codeOf.get(item.tax_rate_id) ?? null),
    })),
    subtotal_cents: order.subtotal_cents,
    discount_cents: order.discount_cents,
    tax_cents: order.tax_cents,
    rounding_cents: order.rounding_cents,
    total_cents: order.total_cents,
    due_cents: order.due_cents,
    taxes: rows,
    tenders,
    change_cents: sum(tenders.map((t) => t.change_cents)),
    reason: null,
    barcode: String(order.receipt_no),
  };
}

/**
 * The receipt of a refund, from the refund as stored and the sale it gives back (for the unit
 * prices and the sale's receipt number). A refunded line's discount is what its units were
 * sold below their price, so `amount × unit price − discount` is what it gives back.
 */
export function refundReceipt(refund: RefundDto, order: OrderDto, context: ReceiptContext): ReceiptDocument {
  const includesTax = pricesIncludedTax(refund);
  const { rows, codeOf } = taxTable(refund.taxes, includesTax);
  const soldLine = new Map(order.items.map((item) => [item.order_item_id, item]));
  const lines = refund.items.map((item) => {
    const sold = soldLine.get(item.order_item_id);
    const unitPrice = sold?.unit_price_cents ?? 0;
    const taxRateId = sold?.tax_rate_id ?? null;
    return {
      name: item.name,
      amount: item.amount,
      unit_price_cents: unitPrice,
      discount_cents: Math.max(0, unitPrice * item.amount - item.net_line_cents),
      total_cents: item.net_line_cents,
      tax_code: taxRateId === null ? null : (codeOf.get(taxRateId) ?? null),
    };
  });
  const tenders = tendersOf(refund.payments);
  const discount = sum(lines.map((line) => line.discount_cents));
  return {
    kind: 'refund',
    receipt_no: refund.receipt_no,
    refund_of_receipt_no: order.receipt_no,
    ...common(context, refund.created_at),
    prices_include_tax: includesTax,
    lines,
    subtotal_cents: sum(lines.map((line) => line.total_cents)) + discount,
    discount_cents: discount,
    tax_cents: refund.tax_cents,
    rounding_cents: refund.rounding_cents,
    total_cents: refund.total_cents,
    due_cents: refund.total_cents + refund.rounding_cents,
    taxes: rows,
    tenders,
    change_cents: sum(tenders.map((t) => t.change_cents)),
    reason: refund.reason,
    barcode: String(refund.receipt_no),
  };
}
