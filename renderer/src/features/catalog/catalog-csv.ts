import Papa from 'papaparse';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { centsFromDecimal, decimalFromCents } from '../../lib/money';

/** The columns of an import file; `barcode`, `stock` and `active` may be left out. */
export const CSV_COLUMNS = ['sku', 'barcode', 'name', 'price', 'stock'] as const;
const REQUIRED_COLUMNS = ['sku', 'name', 'price'] as const;

/**
 * What `catalog.importRows` takes for one row; the server validates it again. A field left out
 * keeps the stored value of an existing product (docs/api.md, CSV import).
 */
export interface ImportProduct {
  sku: string;
  /** Absent without a barcode column; null for an empty cell (no barcode). */
  barcode?: string | null;
  name: string;
  price_cents: number;
  /** Absent without a stock column or for an empty cell: the stock on hand stays. */
  stock?: number;
  is_active?: boolean;
}

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  product: ImportProduct;
}

export interface RejectedRow {
  line: number;
  sku: string;
  reason: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  /** Rows refused before sending (no price, a price with letters…). */
  rejected: RejectedRow[];
  /** Set when the file as a whole cannot be imported (no header, missing columns). */
  fatal: string | null;
}

/** Export writes `'=…` for cells a spreadsheet would run as a formula; import undoes it. */
const unescapeFormula = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);
const cell = (record: Record<string, string | undefined>, key: string) => unescapeFormula((record[key] ?? '').trim());

const TRUE_WORDS = new Set(['true', 'yes', '1', 'y', 'active']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'n', 'inactive']);

function rowOf(record: Record<string, string | undefined>, line: number, columns: ReadonlySet<string>): ImportRow | RejectedRow {
  const sku = cell(record, 'sku');
  const problems: string[] = [];
  const priceText = cell(record, 'price');
  const price = centsFromDecimal(priceText);
  if (priceText === '') problems.push('price: missing');
  else if (price === null) problems.push(`price: “${priceText}” is not an amount like 12.50`);
  const stockText = cell(record, 'stock');
  const stock = stockText === '' ? undefined : Number(stockText);
  if (stock !== undefined && (!Number.isInteger(stock) || stock < 0))
    problems.push(`stock: “${stockText}” is not a whole number of 0 or more`);
  const activeText = cell(record, 'active').toLowerCase();
  let active: boolean | undefined;
  if (activeText !== '') {
    if (TRUE_WORDS.has(activeText)) active = true;
    else if (FALSE_WORDS.has(activeText)) active = false;
    else problems.push(`active: “${activeText}” is not true or false`);
  }
  if (problems.length > 0 || price === null) return { line, sku, reason: problems.join('; ') };
  const barcode = cell(record, 'barcode');
  return {
    line,
    product: {
      sku,
      ...(columns.has('barcode') ? { barcode: barcode === '' ? null : barcode } : {}),
      name: cell(record, 'name'),
      price_cents: price,
      ...(stock === undefined ? {} : { stock }),
      ...(active === undefined ? {} : { is_active: active }),
    },
  };
}

/**
 * Reads an import file: a header row naming the columns (any order, any case), then one product
 * a row. Prices are decimals in the shop currency. Every row keeps its line number for the report.
 */
export function parseCatalogCsv(text: string): ParsedImport {
  const result = Papa.parse<Record<string, string | undefined>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const columns = result.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      rejected: [],
      fatal:
        columns.length === 0
          ? 'The file is empty.'
          : `The first row must name the columns ${CSV_COLUMNS.join(',')}; missing: ${missing.join(', ')}.`,
    };
  }
  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  // Papa numbers data rows from 0; a row that spans lines (a quoted line break) is rare in a catalog.
  const present = new Set(columns);
  result.data.forEach((record, index) => {
    const row = rowOf(record, index + 2, present);
    if ('product' in row) rows.push(row);
    else rejected.push(row);
  });
  // Rows Papa could not split (an unclosed quote, too many fields) are rejected with its reason.
  for (const error of result.errors) {
    if (error.row === undefined || error.code === 'UndetectableDelimiter') continue;
    const line = error.row + 2;
    if (error.code === 'TooManyFields' || error.code === 'MissingQuotes') {
      const at = rows.findIndex((r) => r.line === line);
      if (at >= 0) rows.splice(at, 1);
      if (!rejected.some((r) => r.line === line)) rejected.push({ line, sku: '', reason: error.message });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, fatal: null };
}

/** Every product as a CSV the import reads back (prices as decimals; `active` last). */
export function catalogToCsv(products: readonly ProductDto[]): string {
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS, 'active'],
      data: products.map((p) => [
        p.sku,
        p.barcode ?? '',
        p.name,
        decimalFromCents(p.price_cents),
        String(p.stock),
        p.is_active ? 'true' : 'false',
      ]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}
