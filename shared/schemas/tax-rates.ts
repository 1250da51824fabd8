import { z } from 'zod';

/** 10000 bp = 100 %: no rate taxes more than the price itself. */
export const MAX_RATE_BP = 10_000;
export const MAX_TAX_RATE_NAME = 60;

const taxRateName = z
  .string()
  .trim()
  .min(1, 'This field may not be blank.')
  .max(MAX_TAX_RATE_NAME)
  .refine((text) => !/\p{Cc}/u.test(text), 'No control characters or line breaks.');

export const taxRateSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    rate_bp: z.number().int().meta({ description: 'Basis points: 2000 = 20 %, 550 = 5.5 %. Never changes.' }),
    is_active: z.boolean(),
  })
  .meta({ id: 'TaxRate' });
export type TaxRateDto = z.infer<typeof taxRateSchema>;

export const listTaxRatesQuery = z.strictObject({
  include_inactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListTaxRatesQuery = z.infer<typeof listTaxRatesQuery>;

export const createTaxRateInput = z.strictObject({
  name: taxRateName,
  rate_bp: z.number().int('A rate is in whole basis points (5.5 % = 550).').min(0).max(MAX_RATE_BP),
});
export type CreateTaxRateInput = z.infer<typeof createTaxRateInput>;

/** No `rate_bp`: a rate never changes (old receipts stay true), so sending one is 400 naming it. */
export const updateTaxRateInput = z.strictObject({
  name: taxRateName.optional(),
  is_active: z.boolean().optional(),
});
export type UpdateTaxRateInput = z.infer<typeof updateTaxRateInput>;
