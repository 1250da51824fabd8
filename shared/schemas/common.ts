import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../errors';

const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorBodySchema = z
  .object({
    error: z.enum(errorCodes),
    message: z.string(),
    code: z.number().int().optional(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    details: z.array(z.unknown()).optional(),
    change_token: z.string().optional(),
  })
  .meta({ id: 'Error' });

export const messageSchema = z.object({ message: z.string() });

export const idParamSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
});

/** `limit` and `cursor` of every list (docs/contract/API.md Conventions). */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
};

export const isoTimestamp = z.string().meta({ format: 'date-time', example: '2026-11-22T09:30:00.000Z' });

/** Trims, and treats an empty string as "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const passwordInput = z.string().min(1, 'This field may not be blank.').max(1024);
