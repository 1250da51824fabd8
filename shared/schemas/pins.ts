import { z } from 'zod';
import { passwordInput } from './common';
import { clockTimeSchema } from './shifts';
import { roleKeySchema } from './users';

/** A PIN as sent: any short string (a non-string is `validation_failed`); the rule is the core's (400 `pin_policy`). */
export const pinInput = z.string().max(64).meta({ description: '4–8 digits, not one digit repeated, not a run (1234, 4321).' });

const username = z.string().trim().min(1, 'This field may not be blank.').max(150);

export const setPinInput = z.strictObject({ password: passwordInput, pin: pinInput });
export type SetPinInput = z.infer<typeof setPinInput>;

export const pinLoginInput = z.strictObject({
  username,
  pin: pinInput,
  register_id: z.number().int().positive().optional(),
});
export type PinLoginInput = z.infer<typeof pinLoginInput>;

/** A manager's or super admin's consent, given at the till with their PIN. */
export const approvalInput = z
  .strictObject({ username, pin: pinInput })
  .meta({ description: 'The username and PIN of a manager or super admin who approves this action.' });
export type ApprovalInput = z.infer<typeof approvalInput>;

export const deviceTokenResult = z
  .object({ device_token: z.string() })
  .meta({ id: 'DeviceToken', description: 'Shown once: only a hash is kept. A new one replaces the old.' });
export type DeviceTokenResult = z.infer<typeof deviceTokenResult>;

/**
 * One person on the till's quick-switch screen, shown before anyone signs in: names and role,
 * whether a PIN is set (so the screen can say "sign in with your password"), today's plan.
 */
export const switchRosterEntrySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  role: roleKeySchema,
  has_pin: z.boolean(),
  planned: z
    .object({ start_time: clockTimeSchema, end_time: clockTimeSchema })
    .nullable()
    .meta({ description: 'Today’s planned shift (or last night’s, still running); null when only clocked in.' }),
  clocked_in: z.boolean(),
});
export type SwitchRosterEntry = z.infer<typeof switchRosterEntrySchema>;

export const switchRosterSchema = z.object({ items: z.array(switchRosterEntrySchema) });
export type SwitchRoster = z.infer<typeof switchRosterSchema>;
