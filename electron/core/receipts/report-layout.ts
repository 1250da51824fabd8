import type { CashReportDto } from '../../../shared/schemas/cash';
import type { ReceiptWidth } from '../../../shared/schemas/receipts';
import { amountRow, centred, formatRate, formatReceiptMoney, formatReceiptNumber, wrapText, type LayoutLine } from './receipt-layout';

/** What a printed X or Z report says besides the report itself. */
export interface ReportContext {
  shopName: string;
  currency: string;
  registerName: string | null;
  /** A moment on the shop's clock, `YYYY-MM-DD HH:mm`. */
  localTime(iso: string): string;
}

const METHOD_LABELS: Readonly<Record<string, string>> = { cash: 'Cash', card: 'Card', other: 'Other' };

/**
 * An X report (open session) or Z report (closed) on paper, in the receipt's columns: the same
 * figures as the screen's report (`GET /cash-sessions/{id}/report`), never recomputed here.
 */
export function cashReportLayout(
  report: CashReportDto,
  context: ReportContext,
  width: ReceiptWidth,
  options: { currencySign?: boolean } = {},
): LayoutLine[] {
  const out: LayoutLine[] = [];
  const add = (lines: readonly string[], bold = false) => lines.forEach((text) => out.push({ text: text.replace(/\p{Cc}/gu, ' '), bold }));
  const money = (cents: number) =>
    options.currencySign === false ? formatReceiptNumber(cents, context.currency) : formatReceiptMoney(cents, context.currency);
  const row = (label: string, cents: number, bold = false) => add(amountRow(label, money(cents), width), bold);
  const rule = () => add(['-'.repeat(width)]);
  const { session } = report;
  const closed = session.status === 'closed';

  add(centred(context.shopName, width), true);
  add(centred(closed ? 'Z REPORT' : 'X REPORT (session open)', width), true);
  rule();
  if (context.registerName !== null) add(wrapText(`Register: ${context.registerName}`, width));
  add(wrapText(`Session ${session.id}`, width));
  add(wrapText(`Opened ${context.localTime(session.opened_at)}`, width));
  if (session.closed_at !== null) add(wrapText(`Closed ${context.localTime(session.closed_at)}`, width));
  if (report.first_receipt_no !== null && report.last_receipt_no !== null)
    add(wrapText(`Receipts ${report.first_receipt_no} to ${report.last_receipt_no}`, width));
  rule();

  add(wrapText(`Sales: ${report.sales.count}`, width), true);
  row('  Subtotal', report.sales.subtotal_cents);
  if (report.sales.discount_cents !== 0) row('  Discounts', -report.sales.discount_cents);
  row('  Tax', report.sales.tax_cents);
  row('  Total', report.sales.total_cents, true);
  add(wrapText(`Refunds: ${report.refunds.count}`, width), true);
  row('  Total', -report.refunds.total_cents);
  row('  Tax', -report.refunds.tax_cents);

  if (report.tenders.length > 0 || report.refund_tenders.length > 0) {
    rule();
    for (const tender of report.tenders) row(`${METHOD_LABELS[tender.method] ?? tender.method} (${tender.count})`, tender.amount_cents);
    for (const tender of report.refund_tenders)
      row(`${METHOD_LABELS[tender.method] ?? tender.method} back (${tender.count})`, -tender.amount_cents);
  }

  if (report.taxes.length > 0) {
    rule();
    add(wrapText('Tax by rate', width), true);
    for (const tax of report.taxes) {
      add(wrapText(formatRate(tax.rate_bp), width));
      row('  Taxable', tax.taxable_cents);
      row('  Tax', tax.tax_cents);
    }
  }

  rule();
  add(wrapText('Cash drawer', width), true);
  row('  Float', report.cash.opening_float_cents);
  row('  Cash sales', report.cash.sales_cents);
  if (report.cash.refunds_cents !== 0) row('  Cash refunds', -report.cash.refunds_cents);
  if (report.cash.in_cents !== 0) row('  Paid in', report.cash.in_cents);
  if (report.cash.out_cents !== 0) row('  Paid out', -report.cash.out_cents);
  row('  Expected', report.cash.expected_cents, true);
  if (session.counted_cash_cents !== null) row('  Counted', session.counted_cash_cents);
  if (session.variance_cents !== null) row('  Variance', session.variance_cents, true);
  if (session.note !== null && session.note !== '') add(wrapText(`Note: ${session.note}`, width));

  if (report.cashiers.length > 0) {
    rule();
    add(wrapText('By cashier', width), true);
    for (const cashier of report.cashiers) row(`  ${cashier.name} (${cashier.count})`, cashier.total_cents);
  }
  return out;
}
