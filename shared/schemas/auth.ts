import { z } from 'zod';
import { ROLE_NAMES } from '../roles';
import { emailSchema, phoneSchema, userSchema, usernameSchema } from './users';
import { passwordInput } from './common';

export const loginInput = z.strictObject({
  username: z.string().trim().min(1, 'This field may not be blank.').max(150),
  password: passwordInput,
});

const roleNames = Object.values(ROLE_NAMES) as [string, ...string[]];

export const loginResult = z
  .object({
    access: z.string().optional(),
    refresh: z.string().optional(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    role: z.enum(roleNames),
    user: userSchema,
  })
  .meta({ id: 'LoginResult', description: 'In cookie mode `access` and `refresh` are cookies, not body fields.' });

export const refreshInput = z.strictObject({ refresh: z.string().min(1).max(4096).optional() });

export const refreshResult = z.object({
  access: z.string().optional(),
  refresh: z.string().optional(),
  expires_in: z.number().int(),
});

export const logoutInput = refreshInput;

export const registerInput = z.strictObject({
  username: usernameSchema,
  password: passwordInput,
  email: emailSchema.nullable().optional(),
  first_name: z.string().trim().max(150).optional(),
  last_name: z.string().trim().max(150).optional(),
  phone: phoneSchema.nullable().optional(),
});

export const setupInput = z.strictObject({
  username: usernameSchema,
  password: passwordInput,
  first_name: z.string().trim().min(1, 'This field may not be blank.').max(150),
  last_name: z.string().trim().min(1, 'This field may not be blank.').max(150),
  email: emailSchema.nullable().optional(),
});

export const changePasswordInput = z.strictObject({
  old_password: passwordInput,
  new_password: passwordInput,
});

export const healthResult = z.object({ status: z.literal('ok'), version: z.string() });
