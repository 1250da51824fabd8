import type { ProductDto } from '../../../../shared/schemas/catalog';
import { DEFAULT_LABEL_SIZE, MAX_LABEL_COPIES, MAX_LABELS_PER_SHEET, type LabelSheetInput } from '../../../../shared/schemas/labels';

/** One product to label, as the form holds it (the copies input may be mid-typing). */
export interface LabelLine {
  product: ProductDto;
  copies: string | number;
}

export type LabelLayoutChoice = 'a4_sheet' | 'label_printer';

export const LAYOUT_CHOICES: readonly { value: LabelLayoutChoice; label: string }[] = [
  { value: 'a4_sheet', label: 'A4 sheet (3 × 8)' },
  { value: 'label_printer', label: `Label printer ${DEFAULT_LABEL_SIZE.width_mm} × ${DEFAULT_LABEL_SIZE.height_mm} mm` },
];

export const isLayoutChoice = (value: string): value is LabelLayoutChoice => LAYOUT_CHOICES.some((choice) => choice.value === value);

/** A scan adds the product with one label, or one more label on its line (one line per product). */
export function addScanned(lines: readonly LabelLine[], product: ProductDto): LabelLine[] {
  const existing = lines.find((line) => line.product.id === product.id);
  if (!existing) return [...lines, { product, copies: 1 }];
  return lines.map((line) => (line === existing ? { ...line, copies: Math.min(MAX_LABEL_COPIES, (Number(line.copies) || 0) + 1) } : line));
}

export const isValidCopies = (copies: string | number) =>
  Number.isInteger(Number(copies)) && Number(copies) >= 1 && Number(copies) <= MAX_LABEL_COPIES;

export const labelCountOf = (lines: readonly LabelLine[]) => lines.reduce((sum, line) => sum + (Number(line.copies) || 0), 0);

/** Every line valid, and the sheet within the core's limit. */
export const isPrintable = (lines: readonly LabelLine[]) =>
  lines.length > 0 && lines.every((line) => isValidCopies(line.copies)) && labelCountOf(lines) <= MAX_LABELS_PER_SHEET;

/** What `labels.sheet` takes; call it only when `isPrintable`. */
export function sheetInputOf(lines: readonly LabelLine[], layout: LabelLayoutChoice): LabelSheetInput {
  return {
    items: lines.map((line) => ({ product_id: line.product.id, copies: Number(line.copies) })),
    layout: layout === 'a4_sheet' ? { kind: 'a4_sheet' } : { kind: 'label_printer', ...DEFAULT_LABEL_SIZE },
  };
}
