import { z } from 'zod';
import { ROLE_KEYS } from '../roles';

export const roleSettingsSchema = z
  .object({
    minimum_characters: z.number().int(),
    contain_upper_case: z.boolean(),
    contain_lower_case: z.boolean(),
    contain_special_case: z.boolean(),
    contain_number: z.boolean(),
    password_expiration: z.number().int(),
    max_failed_attempts: z.number().int(),
    max_discount_percent: z
      .number()
      .int()
      .meta({ description: 'The largest discount share of a sale (discount ÷ subtotal) the role gives without a manager’s approval.' }),
  })
  .meta({ id: 'RoleSettings' });
export type RoleSettingsDto = z.infer<typeof roleSettingsSchema>;

export const roleSchema = roleSettingsSchema
  .extend({
    id: z.number().int(),
    key: z.enum(ROLE_KEYS),
    name: z.string(),
  })
  .meta({ id: 'Role' });

/** Any subset; bounds keep a policy both usable and meaningful. */
export const patchRoleSettingsInput = z
  .strictObject({
    minimum_characters: z.number().int().min(4).max(128),
    contain_upper_case: z.boolean(),
    contain_lower_case: z.boolean(),
    contain_special_case: z.boolean(),
    contain_number: z.boolean(),
    password_expiration: z.number().int().min(0).max(3650),
    max_failed_attempts: z.number().int().min(1).max(100),
    max_discount_percent: z.number().int().min(0).max(100),
  })
  .partial();
export type PatchRoleSettingsInput = z.infer<typeof patchRoleSettingsInput>;

export const roleKeyParam = z.strictObject({ key: z.string().max(50) });
