import { z } from 'zod';

/** A calendar date that exists, as `YYYY-MM-DD`. */
export const shopDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the date format YYYY-MM-DD.')
  .refine((value) => {
    const [y = 0, m = 0, d = 0] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'This date does not exist.');

/** A 24-hour clock time, `HH:MM`. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use the 24-hour time format HH:MM.');

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
