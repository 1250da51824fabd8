import { z } from 'zod';
import { isoTimestamp, pageQueryShape } from './common';
import { shopDateSchema } from './shifts';

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    actor: z.object({ id: z.number().int(), username: z.string(), first_name: z.string(), last_name: z.string() }).nullable(),
    action: z.string(),
    target_type: z.string(),
    target_id: z.number().int().nullable(),
    target_name: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    created_at: isoTimestamp,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const listAuditQuery = z.strictObject({
  actor_id: z.coerce.number().int().positive().optional(),
  user_id: z.coerce.number().int().positive().optional().meta({ description: 'Entries about this user' }),
  action: z.string().trim().max(60).optional().meta({ description: 'An action such as user.locked, or a prefix such as user.' }),
  from: shopDateSchema.optional(),
  to: shopDateSchema.optional(),
  ...pageQueryShape,
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
