import { z } from 'zod';
import { PIN_LENGTH, PIN_MESSAGE, PIN_PATTERN } from '../formats';
import { passwordInput } from './common';

export const resetChannelSchema = z.enum(['email', 'phone']);
export type ResetChannel = z.infer<typeof resetChannelSchema>;

export const resetRequestInput = z.strictObject({
  type: resetChannelSchema,
  value: z.string().trim().min(1, 'This field may not be blank.').max(254),
});

/** Seed 002 sends the PIN as a number or a string; either way it is six digits. */
export const pinSchema = z
  .union([z.string(), z.number().int()])
  .transform((v) => (typeof v === 'number' ? String(v).padStart(PIN_LENGTH, '0') : v.trim()))
  .pipe(z.string().regex(PIN_PATTERN, PIN_MESSAGE));

export const resetVerifyInput = resetRequestInput.extend({ pin: pinSchema });

export const resetConfirmInput = z.strictObject({
  reset_token: z.string().min(1, 'This field may not be blank.').max(200),
  password: passwordInput,
});

export const resetTokenResult = z.object({ reset_token: z.string() });

export const RESET_REQUEST_MESSAGE = 'If the account exists, a PIN has been sent.';
