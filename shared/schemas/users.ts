import { z } from 'zod';
import { normalizePhone } from '../contact';
import { ROLE_KEYS } from '../roles';
import {
  EMAIL_MAX_LENGTH,
  EMAIL_MESSAGE,
  EMAIL_PATTERN,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  USERNAME_MAX_LENGTH,
  USERNAME_MESSAGE,
  USERNAME_PATTERN,
} from '../user-rules';
import { isoTimestamp, optionalText, pageQueryShape, passwordInput } from './common';

export const roleKeySchema = z.enum(ROLE_KEYS);

export const usernameSchema = z
  .string()
  .trim()
  .min(1, 'This field may not be blank.')
  .max(USERNAME_MAX_LENGTH)
  .regex(USERNAME_PATTERN, USERNAME_MESSAGE);

/** The rules live in shared/user-rules.ts, which the UI checks too. */
export const phoneSchema = z.string().transform(normalizePhone).pipe(z.string().regex(PHONE_PATTERN, PHONE_MESSAGE));

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ pattern: EMAIL_PATTERN, error: EMAIL_MESSAGE }).max(EMAIL_MAX_LENGTH));

const nameSchema = z.string().trim().max(150);

export const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: roleKeySchema,
    is_active: z.boolean(),
    is_locked: z.boolean(),
    has_pin: z.boolean().meta({ description: 'Whether the account has a till PIN (never the PIN or its hash).' }),
    manager_id: z.number().int().nullable(),
    created_at: isoTimestamp,
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

export const createUserInput = z.strictObject({
  username: usernameSchema,
  password: passwordInput,
  first_name: nameSchema.min(1, 'This field may not be blank.'),
  last_name: nameSchema.min(1, 'This field may not be blank.'),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  role: roleKeySchema,
  manager_id: z.number().int().positive().nullable().optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.strictObject({
  username: z.string().optional(),
  first_name: nameSchema.min(1, 'This field may not be blank.').optional(),
  last_name: nameSchema.min(1, 'This field may not be blank.').optional(),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  is_active: z.boolean().optional(),
  manager_id: z.number().int().positive().nullable().optional(),
  password: passwordInput.optional(),
  current_password: passwordInput
    .describe('Your own current password: required when you change your own email or phone (the reset PIN goes there).')
    .optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersQuery = z.strictObject({
  role: roleKeySchema.optional(),
  is_active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQueryShape,
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const assignRoleInput = z.strictObject({ role: roleKeySchema });

export { optionalText };
