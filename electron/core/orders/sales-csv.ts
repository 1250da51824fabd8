import { spreadByWeight } from '../../../shared/pricing/spread';
import { wallClock } from '../../../shared/shop-date';

export const SALES_CSV_COLUMNS = [
  'receipt_no',
  'completed_at',
  'cashier',
  'product_id',
  'product',
  'amount',
  'unit_price_cents',
  'gross_cents',
  'discount_cents',
  'net_cents',
  'tax_name',
  'rate_bp',
  'tax_cents',
] as const;

/** One sold line with what its sale stored (names, prices and rates as at the time of sale). */
export interface SoldLine {
  orderId: number;
  receiptNo: number | null;
  completedAt: number;
  cashier: string;
  productId: number;
  name: string;
  amount: number;
  unitPriceCents: number;
  lineTotalCents: number;
  discountCents: number;
  netLineCents: number;
  taxRateId: number | null;
  taxName: string | null;
  rateBp: number | null;
}

/** A sale's tax at one rate (its `order_taxes` row). */
export interface SoldTax {
  orderId: number;
  taxRateId: number;
  taxCents: number;
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula: such a cell gets a
 * leading `'`, as the products export and the timesheet do.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const pad = (value: number) => String(value).padStart(2, '0');

function shopTime(at: number, timeZone: string): string {
  const c = wallClock(at, timeZone);
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}

const key = (orderId: number, taxRateId: number) => `${orderId}:${taxRateId}`;

/**
 * Each line's part of its sale's tax at its rate: the stored tax of the rate spread over the
 * sale's lines at it by net, the rule the refunds use (shared/pricing), so a sale's line taxes
 * add up to its `order_taxes` exactly and the export agrees with the receipts and the Z report.
 */
function lineTaxes(lines: readonly SoldLine[], taxes: readonly SoldTax[]): number[] {
  const parts = lines.map(() => 0);
  const linesOf = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (line.taxRateId === null) return;
    const group = linesOf.get(key(line.orderId, line.taxRateId));
    if (group) group.push(index);
    else linesOf.set(key(line.orderId, line.taxRateId), [index]);
  });
  for (const tax of taxes) {
    const indexes = linesOf.get(key(tax.orderId, tax.taxRateId)) ?? [];
    const weights = indexes.map((index) => lines[index]?.netLineCents ?? 0);
    // A rate whose lines were all given away has no tax to spread.
    if (weights.every((weight) => weight === 0)) continue;
    const spread = spreadByWeight(tax.taxCents, weights);
    indexes.forEach((lineIndex, part) => (parts[lineIndex] = spread[part] ?? 0));
  }
  return parts;
}

/** The accountant's sales lines, UTF-8 CSV with CRLF line ends; money in cents, rates in basis points. */
export function salesCsv(lines: readonly SoldLine[], taxes: readonly SoldTax[], timeZone: string): string {
  const taxOfLine = lineTaxes(lines, taxes);
  const rows = [SALES_CSV_COLUMNS.join(',')];
  lines.forEach((line, index) => {
    const cells: (string | number)[] = [
      line.receiptNo ?? '',
      shopTime(line.completedAt, timeZone),
      line.cashier,
      line.productId,
      line.name,
      line.amount,
      line.unitPriceCents,
      line.lineTotalCents,
      line.discountCents,
      line.netLineCents,
      line.taxName ?? '',
      line.rateBp ?? '',
      line.taxRateId === null ? '' : (taxOfLine[index] ?? 0),
    ];
    rows.push(cells.map(csvCell).join(','));
  });
  return `${rows.join('\r\n')}\r\n`;
}
