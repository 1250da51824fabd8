import { z } from 'zod';
import { normalizePhone } from '../contact';
import { ROLE_KEYS } from '../roles';
import { isoTimestamp, optionalText, pageQueryShape, passwordInput } from './common';

export const roleKeySchema = z.enum(ROLE_KEYS);

export const usernameSchema = z
  .string()
  .trim()
  .min(1, 'This field may not be blank.')
  .max(150)
  .regex(/^[\w.@+-]+$/u, 'Letters, digits and @ . + - _ only.');

/** Digits with an optional leading `+`, 6–20 characters once spaces and dashes are dropped. */
export const phoneSchema = z
  .string()
  .transform(normalizePhone)
  .pipe(z.string().regex(/^\+?\d{6,20}$/, 'Enter a phone number: digits with an optional leading +.'));

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.').max(254));

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
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersQuery = z.strictObject({
  role: roleKeySchema.optional(),
  is_active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQueryShape,
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const assignRoleInput = z.strictObject({ role: roleKeySchema });

export { optionalText };
