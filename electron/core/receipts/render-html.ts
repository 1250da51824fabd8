import bwipjs from 'bwip-js/node';
import type { ReceiptDocument, ReceiptWidth } from '../../../shared/schemas/receipts';
import { receiptLayout } from './receipt-layout';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text of the receipt is the shop's or a product's: nothing in it may become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** The page runs nothing and fetches nothing: its styles are inline, its barcode is inline SVG. */
export const RECEIPT_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The paper a width prints on: 32 columns are a 58 mm roll, 48 an 80 mm one. */
const PAPER_MM = { 32: 58, 48: 80 } as const satisfies Record<ReceiptWidth, number>;

/** The receipt number as Code 128, the symbol a till's scanner reads at "Receipt no.". */
function barcodeSvg(text: string): string {
  return bwipjs.toSVG({ bcid: 'code128', text, height: 10, includetext: true, textxalign: 'center' });
}

function styles(width: ReceiptWidth): string {
  const paper = PAPER_MM[width];
  // 1.5 mm a column on both rolls (48 mm and 72 mm printable): a 2.5 mm monospaced font.
  return `@page { size: ${paper}mm auto; margin: 0 }
html { background: #eee }
body { margin: 0; padding: 16px 0; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; color: #000 }
.receipt { box-sizing: content-box; width: ${width}ch; margin: 0 auto; padding: 12px; background: #fff; font-size: 13px; line-height: 1.3 }
.receipt pre { margin: 0; font: inherit; white-space: pre }
.receipt .barcode { margin-top: 8px; text-align: center }
.receipt .barcode svg { width: 70%; height: auto }
@media print {
  html, body { background: none; padding: 0 }
  .receipt { width: ${paper}mm; box-sizing: border-box; padding: 2mm ${(paper - width * 1.5) / 2}mm; font-size: 2.5mm }
}`;
}

/**
 * The receipt as a standalone HTML page (screen and browser printing): the layout's lines in a
 * monospaced block, so columns line up as on paper, then the receipt number's barcode.
 */
export function renderReceiptHtml(doc: ReceiptDocument, width: ReceiptWidth): string {
  const lines = receiptLayout(doc, width)
    .map((line) => (line.bold ? `<strong>${escapeHtml(line.text)}</strong>` : escapeHtml(line.text)))
    .join('\n');
  const title = doc.kind === 'refund' ? `Refund receipt ${doc.receipt_no}` : `Receipt ${doc.receipt_no}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${RECEIPT_PAGE_POLICY}">
<title>${escapeHtml(`${title} · ${doc.shop.name}`)}</title>
<style>
${styles(width)}
</style>
</head>
<body>
<main class="receipt" data-receipt-no="${doc.receipt_no}">
<pre>${lines}</pre>
<div class="barcode" aria-label="${escapeHtml(`Receipt number ${doc.barcode}`)}">${barcodeSvg(doc.barcode)}</div>
</main>
</body>
</html>
`;
}
