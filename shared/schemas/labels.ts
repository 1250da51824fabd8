import { z } from 'zod';

export const MAX_LABEL_COPIES = 500;
/** One sheet's labels at most: a bigger print run is several sheets (and a responsive preview). */
export const MAX_LABELS_PER_SHEET = 2000;
/** The label printer's default roll: 50 × 30 mm. */
export const DEFAULT_LABEL_SIZE = { width_mm: 50, height_mm: 30 } as const;

const labelItemInput = z.strictObject({
  product_id: z.number().int().positive(),
  copies: z.number().int('Copies are a whole number.').min(1, 'At least one copy.').max(MAX_LABEL_COPIES),
});

/** Labels in a 3 × 8 grid on A4 paper, or one label per page of a label printer's size. */
export const labelLayoutSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('a4_sheet') }),
    z.strictObject({
      kind: z.literal('label_printer'),
      width_mm: z.number().int().min(20).max(150),
      height_mm: z.number().int().min(15).max(150),
    }),
  ])
  .meta({ id: 'LabelLayout' });
export type LabelLayout = z.infer<typeof labelLayoutSchema>;

export const labelSheetInput = z.strictObject({
  items: z.array(labelItemInput).min(1, 'Add at least one product.').max(500),
  layout: labelLayoutSchema.default({ kind: 'a4_sheet' }),
});
export type LabelSheetInput = z.infer<typeof labelSheetInput>;

/** The printable sheet (a standalone HTML document) and how many labels it holds. */
export const labelSheetSchema = z.object({ html: z.string(), count: z.number().int() }).meta({ id: 'LabelSheet' });
export type LabelSheetDto = z.infer<typeof labelSheetSchema>;
