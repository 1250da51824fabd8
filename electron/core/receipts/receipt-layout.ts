import { moneyFormatOf } from '../../../shared/money';
import type { PaymentMethod } from '../../../shared/schemas/orders';
import type { ReceiptDocument, ReceiptWidth } from '../../../shared/schemas/receipts';

/**
 * The receipt's columns, one layout for every rendering: plain text is these lines, the HTML
 * shows them in a monospaced block and ESC/POS prints them (bold where marked). No line is wider
 * than the paper: long names and labels wrap, amounts stay right-aligned, with the rate's
 * letter after a line's amount. Widths count code points: the printers' fonts are monospaced
 * and the shop's texts are refused with control characters in them (shared/schemas/shop.ts).
 */
export interface LayoutLine {
  text: string;
  /** The shop's name, the receipt number and the totals: printed bold. */
  bold: boolean;
}

const METHOD_LABELS = { cash: 'Cash', card: 'Card', other: 'Other' } as const satisfies Record<PaymentMethod, string>;

const columns = (text: string) => [...text].length;
const sliceColumns = (text: string, start: number, end?: number) => [...text].slice(start, end).join('');
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - columns(text))) + text;
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columns(text)));

/** Cents with the currency's sign ("€12.50"); an ASCII minus, which every printer has. */
export function formatReceiptMoney(cents: number, currency: string): string {
  return `${cents < 0 ? '-' : ''}${moneyFormatOf(currency).format(Math.abs(cents))}`;
}

/** Cents without the currency's sign ("12.50"), for the tax table's narrow columns. */
export function formatReceiptNumber(cents: number, currency: string): string {
  return `${cents < 0 ? '-' : ''}${moneyFormatOf(currency).plain(Math.abs(cents))}`;
}

/** Basis points as a percent without trailing zeros: 2000 → "20%", 550 → "5.5%", 725 → "7.25%". */
export function formatRate(rateBp: number): string {
  const whole = Math.floor(rateBp / 100);
  const fraction = rateBp % 100;
  return fraction === 0 ? `${whole}%` : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}%`;
}

/** Words to lines of at most `width`; a word longer than a line is cut. An empty text is no line. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (columns(rest) > width) {
      if (line !== '') lines.push(line);
      line = '';
      lines.push(sliceColumns(rest, 0, width));
      rest = sliceColumns(rest, width);
    }
    if (line === '') line = rest;
    else if (columns(line) + 1 + columns(rest) <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Each line of a text (the address, the footer) wrapped and centred; its blank lines stay. */
export function centred(text: string, width: number): string[] {
  if (text.trim() === '') return [];
  return text
    .split('\n')
    .flatMap((part) => (part.trim() === '' ? [''] : wrapText(part, width)))
    .map((line) => (line === '' ? '' : ' '.repeat(Math.floor((width - columns(line)) / 2)) + line));
}

/**
 * The columns the rates' letters take after the amounts: none on a receipt without a taxed
 * line, else the longest letter and its space, so every amount ends in the same column.
 */
function codeColumns(doc: ReceiptDocument): number {
  const longest = Math.max(0, ...doc.lines.map((line) => columns(line.tax_code ?? '')));
  return longest === 0 ? 0 : longest + 1;
}

/** A label on the left, an amount on the right (then the rate's letter); a long label wraps above it. */
export function amountRow(label: string, amount: string, width: number, codeWidth = 0, code: string | null = null): string[] {
  const room = width - codeWidth;
  const suffix = code === null ? '' : padEnd(` ${code}`, codeWidth);
  // An indented label ("  Change") keeps its indent on every line it wraps to.
  const indent = /^ */.exec(label)?.[0] ?? '';
  const labels = wrapText(label, width - indent.length).map((line) => indent + line);
  const last = labels.pop() ?? indent;
  const fits = columns(last) + 1 + columns(amount) <= room;
  const row = (left: string) => `${padEnd(left, room - columns(amount))}${amount}${suffix}`.trimEnd();
  return fits ? [...labels, row(last)] : [...labels, last, row('')].filter((line) => line.trim() !== '');
}

const TAX_COLUMN = 9;

/** The per-rate table: one row per rate when its columns fit the paper, else a small block per rate. */
function taxTableLines(doc: ReceiptDocument, width: number, codeWidth: number, money: (cents: number) => string): string[] {
  if (doc.taxes.length === 0) return [];
  const number = (cents: number) => formatReceiptNumber(cents, doc.currency);
  const header = ['Rate', 'Net', 'Tax', 'Gross'];
  const rows = doc.taxes.map((tax) => [
    `${tax.code} ${formatRate(tax.rate_bp)}`,
    number(tax.net_cents),
    number(tax.tax_cents),
    number(tax.gross_cents),
  ]);
  const widths = header.map((title, index) => Math.max(columns(title), ...rows.map((row) => columns(row[index] ?? ''))));
  const [first = 0, ...natural] = widths;
  const columnsOf = (amounts: number[]) => amounts.reduce((total, w) => total + w + 1, 0);
  // Roomy columns on wide paper, the narrowest that hold the figures on narrow paper.
  const roomy = natural.map((w) => Math.max(w, TAX_COLUMN));
  const amounts = first + columnsOf(roomy) <= width ? roomy : natural;
  const amountColumns = columnsOf(amounts);
  if (first + amountColumns <= width) {
    const line = (cells: string[]) =>
      padEnd(cells[0] ?? '', width - amountColumns) +
      cells
        .slice(1)
        .map((cell, index) => ` ${padStart(cell, amounts[index] ?? 0)}`)
        .join('');
    return [line(header), ...rows.map(line)];
  }
  return doc.taxes.flatMap((tax) => [
    ...wrapText(`${tax.code} ${formatRate(tax.rate_bp)} ${tax.name}`, width),
    ...amountRow('  Net', money(tax.net_cents), width, codeWidth),
    ...amountRow('  Tax', money(tax.tax_cents), width, codeWidth),
    ...amountRow('  Gross', money(tax.gross_cents), width, codeWidth),
  ]);
}

export interface LayoutOptions {
  /**
   * Amounts with the currency's sign ("€12.50", the default) or without ("12.50", the total
   * naming the currency): a thermal printer's code page may have no sign for it.
   */
  currencySign?: boolean;
}

/** Every line of the receipt, in order, at most `width` columns each. */
export function receiptLayout(doc: ReceiptDocument, width: ReceiptWidth, options: LayoutOptions = {}): LayoutLine[] {
  const signed = options.currencySign !== false;
  const out: LayoutLine[] = [];
  // Older data may hold control characters: on paper they would be printer commands.
  const add = (lines: readonly string[], bold = false) => lines.forEach((text) => out.push({ text: text.replace(/\p{Cc}/gu, ' '), bold }));
  const rule = () => add(['-'.repeat(width)]);
  const money = (cents: number) => (signed ? formatReceiptMoney(cents, doc.currency) : formatReceiptNumber(cents, doc.currency));
  const codeWidth = codeColumns(doc);
  const row = (label: string, cents: number, bold = false) => add(amountRow(label, money(cents), width, codeWidth), bold);
  const isRefund = doc.kind === 'refund';

  add(centred(doc.shop.name, width), true);
  add(centred(doc.shop.address, width));
  if (doc.shop.tax_id !== '') add(centred(`Tax id ${doc.shop.tax_id}`, width));
  rule();
  if (isRefund) add(wrapText(doc.refund_of_receipt_no === null ? 'Refund' : `Refund of receipt ${doc.refund_of_receipt_no}`, width), true);
  add(wrapText(`Receipt ${doc.receipt_no}`, width), !isRefund);
  add(wrapText(doc.local_time, width));
  if (doc.cashier !== null) add(wrapText(`Cashier: ${doc.cashier}`, width));
  if (doc.register !== null) add(wrapText(`Register: ${doc.register}`, width));
  rule();

  for (const line of doc.lines) {
    add(wrapText(line.name, width));
    const before = line.total_cents + line.discount_cents;
    add(amountRow(`  ${line.amount} x ${money(line.unit_price_cents)}`, money(before), width, codeWidth, line.tax_code));
    if (line.discount_cents > 0) row('  Discount', -line.discount_cents);
  }
  rule();

  row('Subtotal', doc.subtotal_cents);
  if (doc.discount_cents > 0) row('Discount', -doc.discount_cents);
  if (!doc.prices_include_tax && doc.tax_cents !== 0) row('Tax', doc.tax_cents);
  row(`${isRefund ? 'REFUND TOTAL' : 'TOTAL'}${signed ? '' : ` ${doc.currency}`}`, doc.total_cents, true);
  if (doc.rounding_cents !== 0) {
    row('Cash rounding', doc.rounding_cents);
    row(isRefund ? 'PAID BACK' : 'DUE', doc.due_cents, true);
  }

  if (doc.taxes.length > 0) {
    rule();
    if (doc.prices_include_tax) add(wrapText('Prices include tax', width));
    add(taxTableLines(doc, width, codeWidth, money));
  }

  if (doc.tenders.length > 0) {
    rule();
    if (isRefund) add(wrapText('Paid back', width));
    for (const tender of doc.tenders) {
      row(METHOD_LABELS[tender.method], tender.amount_cents);
      if (tender.tendered_cents !== tender.amount_cents) row('  Tendered', tender.tendered_cents);
      if (tender.change_cents !== 0) row('  Change', tender.change_cents);
    }
  }

  if (doc.reason !== null) {
    rule();
    add(wrapText(`Reason: ${doc.reason}`, width));
  }
  if (doc.footer !== '') {
    rule();
    add(centred(doc.footer, width));
  }
  return out;
}

/** The receipt's lines as plain text lines (no trailing spaces). */
export function receiptTextLines(doc: ReceiptDocument, width: ReceiptWidth, options: LayoutOptions = {}): string[] {
  return receiptLayout(doc, width, options).map((line) => line.text);
}
