import { z } from 'zod';
import { CLOCK_TIME_MESSAGE, CLOCK_TIME_PATTERN, isShopDate, SHOP_DATE_MESSAGE, SHOP_DATE_PATTERN } from '../formats';

/** A calendar date that exists, as `YYYY-MM-DD` (the rules in shared/formats.ts). */
export const shopDateSchema = z.string().regex(SHOP_DATE_PATTERN, SHOP_DATE_MESSAGE).refine(isShopDate, 'This date does not exist.');

/** A 24-hour clock time, `HH:MM`. */
export const clockTimeSchema = z.string().regex(CLOCK_TIME_PATTERN, CLOCK_TIME_MESSAGE);

export const setWorkingTimeInput = z
  .strictObject({ start_time: clockTimeSchema, end_time: clockTimeSchema })
  .refine((v) => v.start_time !== v.end_time, { path: ['end_time'], message: 'The end time must differ from the start time.' });

export const workingTimeParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  date: shopDateSchema,
});

export const workingTimesRangeQuery = z.strictObject({
  from: shopDateSchema.optional(),
  to: shopDateSchema.optional(),
});
