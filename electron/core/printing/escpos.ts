import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptDocument, ReceiptWidth } from '../../../shared/schemas/receipts';
import { receiptLayout, type LayoutLine } from '../receipts/receipt-layout';

export interface EscPosOptions {
  /** Columns of the paper: 32 (58 mm) or 48 (80 mm). */
  width: ReceiptWidth;
  cut: boolean;
  /** Kick the cash drawer (the printer's `open_drawer_on_cash` and a sale paid at least partly in cash). */
  openDrawer: boolean;
}

/** A printer's stored width as the paper it takes (48 columns unless it is the 58 mm roll). */
export function receiptWidthOf(columns: number): ReceiptWidth {
  return columns === 32 ? 32 : 48;
}

function encoderFor(width: number): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({ language: 'esc-pos', columns: width, newline: '\n' });
}

/** The drawer opens before the cut, so the cashier has it while the paper is torn. */
function finish(encoder: ReceiptPrinterEncoder, options: Omit<EscPosOptions, 'width'>): Uint8Array {
  if (options.openDrawer) encoder.pulse();
  if (options.cut) encoder.cut();
  return encoder.encode();
}

/** Only plain ASCII goes into a barcode: Code 128 cannot carry the rest. */
function barcodeValue(value: string): string | null {
  return /^[\x20-\x7e]{1,40}$/.test(value) ? value : null;
}

function printLines(encoder: ReceiptPrinterEncoder, lines: readonly LayoutLine[]): ReceiptPrinterEncoder {
  for (const line of lines) {
    if (line.bold) encoder.bold(true).line(line.text).bold(false);
    else encoder.line(line.text);
  }
  return encoder;
}

/** Laid-out lines (an X or Z report) as raw ESC/POS: never a drawer kick. */
export function renderLinesEscPos(lines: readonly LayoutLine[], options: Omit<EscPosOptions, 'openDrawer'>): Uint8Array {
  const encoder = printLines(encoderFor(options.width).initialize(), lines).newline(2);
  return finish(encoder, { cut: options.cut, openDrawer: false });
}

/** Printer commands start with control bytes: none may come from the shop's data. */
const printable = (text: string) => text.replace(/\p{Cc}/gu, ' ');

/**
 * A sale's or refund's receipt as raw ESC/POS for a network printer: the receipt's one layout
 * (the lines the text and HTML receipts show), bold where it says, amounts without the
 * currency's sign (the total names the currency), then the barcode of its number.
 */
export function renderReceiptEscPos(doc: ReceiptDocument, options: EscPosOptions): Uint8Array {
  const encoder = printLines(encoderFor(options.width).initialize(), receiptLayout(doc, options.width, { currencySign: false }));
  const barcode = barcodeValue(doc.barcode);
  if (barcode !== null) encoder.newline().align('center').barcode(barcode, 'code128', { height: 60, text: 'below' }).align('left');
  encoder.newline(2);
  return finish(encoder, options);
}

export interface TestPage {
  printerName: string;
  shopName: string;
  /** When it was asked for, on the shop's clock. */
  localTime: string;
}

/** `1234567890` repeated to the paper's width. */
export function testRuler(width: number): string {
  return Array.from({ length: width }, (_, i) => String((i + 1) % 10)).join('');
}

/** What a test page says, line by line, on any printer. */
export function testPageLines(page: TestPage, width: number): string[] {
  return ['ShopDesk test page', page.shopName, page.printerName, page.localTime, testRuler(width), `${width} columns`].map(printable);
}

/**
 * A test page: the printer's name, a ruler of its width (a wrong width shows as a broken
 * ruler) and the cut. It never kicks the drawer: a test must not open the till.
 */
export function renderTestPageEscPos(page: TestPage, options: Omit<EscPosOptions, 'openDrawer'>): Uint8Array {
  const encoder = encoderFor(options.width).initialize();
  const [title = '', ...rest] = testPageLines(page, options.width);
  encoder.bold(true).line(title).bold(false);
  for (const line of rest) encoder.line(line);
  encoder.line('-'.repeat(options.width)).newline(2);
  return finish(encoder, { cut: options.cut, openDrawer: false });
}
