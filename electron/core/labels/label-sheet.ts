import type { LabelLayout } from '../../../shared/schemas/labels';

/** One printed label, its texts ready (the price already in the shop's currency). */
export interface LabelContent {
  productId: number;
  name: string;
  price: string;
  code: string;
  /** The bars, from barcode.ts; null: the code is printed as text only. */
  barcodeSvg: string | null;
}

/** The usual A4 label sheet: 3 × 8 labels of 70 × 37.125 mm, edge to edge. */
const A4 = { widthMm: 210, heightMm: 297, columns: 3, rows: 8 } as const;

interface PageGeometry {
  pageWidthMm: number;
  pageHeightMm: number;
  columns: number;
  rows: number;
}

function geometryOf(layout: LabelLayout): PageGeometry {
  if (layout.kind === 'a4_sheet') return { pageWidthMm: A4.widthMm, pageHeightMm: A4.heightMm, columns: A4.columns, rows: A4.rows };
  return { pageWidthMm: layout.width_mm, pageHeightMm: layout.height_mm, columns: 1, rows: 1 };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

const mm = (value: number) => `${Number(value.toFixed(3))}mm`;

/** Type sizes follow the label: what reads on a 30 mm label is lost on a 37 mm one's neighbour. */
function styleOf(g: PageGeometry): string {
  const labelWidth = g.pageWidthMm / g.columns;
  const labelHeight = g.pageHeightMm / g.rows;
  const base = Math.min(labelHeight, labelWidth * 0.6);
  return `
@page { size: ${mm(g.pageWidthMm)} ${mm(g.pageHeightMm)}; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: Arial, Helvetica, sans-serif; color: #000; background: #fff; }
.page { width: ${mm(g.pageWidthMm)}; height: ${mm(g.pageHeightMm)}; display: grid; overflow: hidden;
  grid-template-columns: repeat(${g.columns}, ${mm(labelWidth)}); grid-template-rows: repeat(${g.rows}, ${mm(labelHeight)});
  break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.label { display: flex; flex-direction: column; overflow: hidden; padding: ${mm(base * 0.06)} ${mm(base * 0.08)}; }
.name { font-size: ${mm(base * 0.1)}; line-height: 1.25; max-height: 2.5em; overflow: hidden; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; }
.price { font-size: ${mm(base * 0.14)}; font-weight: 700; line-height: 1.2; }
.bars { flex: 1 1 auto; min-height: 0; padding: ${mm(base * 0.03)} ${mm(base * 0.06)} 0; }
.bars svg { display: block; width: 100%; height: 100%; }
.code { font-family: 'Courier New', monospace; font-size: ${mm(base * 0.07)}; text-align: center; line-height: 1.2; }
@media screen {
  body { background: #e9ecef; padding: 4mm; }
  .page { background: #fff; margin: 0 auto 4mm; box-shadow: 0 0 2mm rgba(0, 0, 0, 0.25); }
  .label { outline: 0.2mm dashed #ced4da; outline-offset: -0.1mm; }
}`;
}

function labelHtml(label: LabelContent): string {
  // The bars stretch to the label's box: every bar widens alike, so the code still scans.
  const bars = label.barcodeSvg?.replace('<svg ', '<svg preserveAspectRatio="none" aria-hidden="true" ') ?? '';
  return (
    `<div class="label" data-product-id="${label.productId}">` +
    `<div class="name">${escapeHtml(label.name)}</div>` +
    `<div class="price">${escapeHtml(label.price)}</div>` +
    `<div class="bars">${bars}</div>` +
    `<div class="code">${escapeHtml(label.code)}</div>` +
    `</div>`
  );
}

/**
 * A printable, standalone HTML document (inline CSS, no scripts, nothing fetched): the labels
 * in order, page after page, `@page` sized to the sheet or to the printer's label.
 */
export function renderLabelSheet(labels: readonly LabelContent[], layout: LabelLayout): string {
  const g = geometryOf(layout);
  const perPage = g.columns * g.rows;
  const pages: string[] = [];
  for (let start = 0; start < labels.length; start += perPage)
    pages.push(
      `<section class="page">${labels
        .slice(start, start + perPage)
        .map(labelHtml)
        .join('')}</section>`,
    );
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Labels</title>` +
    `<style>${styleOf(g)}\n</style></head>\n<body>\n${pages.join('\n')}\n</body></html>\n`
  );
}
