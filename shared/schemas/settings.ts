import { z } from 'zod';
import { MAX_ORDER_EXPIRY_HOURS } from '../settings-limits';

export const registrationSwitch = z.enum(['on', 'off']);

/** Customer accounts (Super Admin): self-registration and how long their open orders hold stock. */
export const customerSettingsSchema = z.object({
  registration: registrationSwitch,
  /** SHOPDESK_REGISTRATION is set: it wins, and the stored switch cannot be changed. */
  registration_from_environment: z.boolean(),
  customer_order_expiry_hours: z.number().int(),
});
export type CustomerSettingsDto = z.infer<typeof customerSettingsSchema>;

export const customerSettingsInput = z.strictObject({
  registration: registrationSwitch.optional(),
  customer_order_expiry_hours: z
    .number()
    .int('Whole hours only.')
    .min(0)
    .max(MAX_ORDER_EXPIRY_HOURS, `At most ${MAX_ORDER_EXPIRY_HOURS} hours (30 days).`)
    .optional(),
});
export type CustomerSettingsInput = z.infer<typeof customerSettingsInput>;
