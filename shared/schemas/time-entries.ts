import { z } from 'zod';
import { isoTimestamp } from './common';
import { clockTimeSchema, shopDateSchema } from './shifts';

/** The planned shift of the entry's shop date; an overnight one ends the next day. */
export const plannedShiftSchema = z
  .object({
    date: shopDateSchema,
    start_time: clockTimeSchema,
    end_time: clockTimeSchema,
    planned_minutes: z.number().int(),
  })
  .meta({ description: 'The planned shift of the shop date of the clock-in.' });
export type PlannedShiftDto = z.infer<typeof plannedShiftSchema>;

export const timeEntrySchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    date: shopDateSchema.meta({ description: 'The shop date of the clock-in: the day the entry counts for.' }),
    clock_in: isoTimestamp,
    clock_out: isoTimestamp.nullable(),
    worked_minutes: z.number().int().nullable().meta({ description: 'Whole minutes, floored; null while clocked in.' }),
    planned: plannedShiftSchema.nullable(),
  })
  .meta({ id: 'TimeEntry' });
export type TimeEntryDto = z.infer<typeof timeEntrySchema>;

/** The signed-in person's clock, for the Clock in / Clock out button. */
export const clockStatusSchema = z.object({
  // The TimeEntry shape inline: a nullable $ref is not valid OpenAPI 3.0.
  entry: z
    .object(timeEntrySchema.shape)
    .nullable()
    .meta({ description: 'The open entry (clocked in, not out, even since yesterday); null when not clocked in.' }),
  planned_today: z
    .object({ start_time: clockTimeSchema, end_time: clockTimeSchema, planned_minutes: z.number().int() })
    .nullable()
    .meta({ description: 'Today’s planned shift (shop date), null when none is planned.' }),
});
export type ClockStatus = z.infer<typeof clockStatusSchema>;

/** Shop dates, inclusive; both optional (docs/api.md, Clock-in: this month up to today). */
export const timeEntriesRangeQuery = z.strictObject({
  from: shopDateSchema.optional(),
  to: shopDateSchema.optional(),
});
export type TimeEntriesRange = z.infer<typeof timeEntriesRangeQuery>;

export const listTimeEntriesQuery = timeEntriesRangeQuery.extend({
  user_id: z.coerce.number().int().positive().optional(),
});
export type ListTimeEntriesQuery = z.infer<typeof listTimeEntriesQuery>;

const instant = z.iso.datetime({ offset: true, message: 'An ISO 8601 date and time, e.g. 2030-01-15T09:00:00Z.' });

/** A correction never reopens an entry: `clock_out` is a time, not null (docs/api.md). */
export const correctTimeEntryInput = z
  .strictObject({
    clock_in: instant.optional(),
    clock_out: instant.optional(),
    reason: z.string().trim().min(1, 'Say why the times are corrected.').max(200),
  })
  .refine((v) => v.clock_in !== undefined || v.clock_out !== undefined, {
    path: ['clock_in'],
    message: 'Give the corrected clock_in, clock_out or both.',
  });
export type CorrectTimeEntryInput = z.infer<typeof correctTimeEntryInput>;
