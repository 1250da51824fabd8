import { z } from 'zod';
import { isoTimestamp, optionalText, pageQueryShape } from './common';
import { shopDateSchema } from './shifts';
import { approvalInput } from './pins';

/** More cash than any drawer holds: a typo, not a float. */
export const MAX_DRAWER_CENTS = 100_000_000;

const cents = z.number().int('Money is in whole cents.');
const registerName = z
  .string()
  .trim()
  .min(1, 'This field may not be blank.')
  .max(100)
  .refine((text) => !/\p{Cc}/u.test(text), 'No control characters or line breaks.');

export const registerSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    is_default: z.boolean(),
    open_session_id: z.number().int().nullable(),
    printer_id: z.number().int().nullable(),
  })
  .meta({ id: 'Register' });
export type RegisterDto = z.infer<typeof registerSchema>;

export const createRegisterInput = z.strictObject({ name: registerName });
export type CreateRegisterInput = z.infer<typeof createRegisterInput>;

/**
 * `{is_default: true}` moves the default here; `false` on the default is refused (there is always one).
 * `printer_id` is the register's receipt printer (one that is not deleted), `null` for none.
 */
export const updateRegisterInput = z.strictObject({
  name: registerName.optional(),
  is_default: z.boolean().optional(),
  printer_id: z.number().int().positive().nullable().optional(),
});
export type UpdateRegisterInput = z.infer<typeof updateRegisterInput>;

export const CASH_SESSION_STATUSES = ['open', 'closed'] as const;

export const cashSessionSchema = z
  .object({
    id: z.number().int(),
    register_id: z.number().int(),
    status: z.enum(CASH_SESSION_STATUSES),
    opened_by: z.number().int(),
    opened_at: isoTimestamp,
    opening_float_cents: cents,
    expected_cash_cents: cents.meta({ description: 'Running while open; frozen at the close.' }),
    closed_by: z.number().int().nullable(),
    closed_at: isoTimestamp.nullable(),
    counted_cash_cents: cents.nullable(),
    variance_cents: cents.nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'CashSession' });
export type CashSessionDto = z.infer<typeof cashSessionSchema>;

export const openCashSessionInput = z.strictObject({
  register_id: z.number().int().positive(),
  opening_float_cents: cents.min(0).max(MAX_DRAWER_CENTS),
});
export type OpenCashSessionInput = z.infer<typeof openCashSessionInput>;

export const listCashSessionsQuery = z.strictObject({
  register_id: z.coerce.number().int().positive().optional(),
  status: z.enum(CASH_SESSION_STATUSES).optional(),
  from: shopDateSchema.optional(),
  to: shopDateSchema.optional(),
  ...pageQueryShape,
});
export type ListCashSessionsQuery = z.infer<typeof listCashSessionsQuery>;

export const CASH_MOVEMENT_TYPES = ['in', 'out'] as const;

export const cashMovementInput = z.strictObject({
  type: z.enum(CASH_MOVEMENT_TYPES),
  amount_cents: cents.positive().max(MAX_DRAWER_CENTS),
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the cash moved.')
    .max(200)
    .refine((text) => !/\p{Cc}/u.test(text), 'No control characters or line breaks.'),
});
export type CashMovementInput = z.infer<typeof cashMovementInput>;

export const cashMovementSchema = z
  .object({
    id: z.number().int(),
    cash_session_id: z.number().int(),
    type: z.enum(CASH_MOVEMENT_TYPES),
    amount_cents: cents,
    reason: z.string(),
    user_id: z.number().int(),
    created_at: isoTimestamp,
  })
  .meta({ id: 'CashMovement' });
export type CashMovementDto = z.infer<typeof cashMovementSchema>;

export const closeCashSessionInput = z.strictObject({
  counted_cash_cents: cents.min(0).max(MAX_DRAWER_CENTS),
  note: optionalText(500),
  /** A manager's PIN, for a cashier or attendant closing beyond `variance_approval_cents`. */
  approval: approvalInput.optional(),
});
export type CloseCashSessionInput = z.infer<typeof closeCashSessionInput>;

const tenderLine = z.object({ method: z.string(), count: z.number().int(), amount_cents: cents });

/** The X report while open, the Z report once closed: from the session's own rows only. */
export const cashReportSchema = z
  .object({
    session: cashSessionSchema,
    sales: z.object({ count: z.number().int(), subtotal_cents: cents, discount_cents: cents, tax_cents: cents, total_cents: cents }),
    refunds: z.object({ count: z.number().int(), total_cents: cents, tax_cents: cents }),
    taxes: z.array(z.object({ rate_bp: z.number().int(), taxable_cents: cents, tax_cents: cents })),
    tenders: z.array(tenderLine),
    refund_tenders: z.array(tenderLine),
    cash: z.object({
      opening_float_cents: cents,
      sales_cents: cents,
      refunds_cents: cents,
      in_cents: cents,
      out_cents: cents,
      expected_cents: cents,
    }),
    cashiers: z.array(z.object({ user_id: z.number().int(), name: z.string(), count: z.number().int(), total_cents: cents })),
    first_receipt_no: z.number().int().nullable(),
    last_receipt_no: z.number().int().nullable(),
  })
  .meta({ id: 'CashReport' });
export type CashReportDto = z.infer<typeof cashReportSchema>;
