import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { roles, type RoleRow } from '../../../db/schema';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { isRoleKey, type RoleKey } from '../../../shared/roles';
import type { PatchRoleSettingsInput, RoleSettingsDto } from '../../../shared/schemas/roles';
import { recordAudit } from '../audit/audit-log';
import { notFound } from '../errors';
import type { Actor } from '../actor';
import { requirePermission } from '../permissions';

export function toPolicy(row: RoleRow): PasswordPolicy {
  return {
    minimum_characters: row.minimumCharacters,
    contain_upper_case: row.containUpperCase,
    contain_lower_case: row.containLowerCase,
    contain_special_case: row.containSpecialCase,
    contain_number: row.containNumber,
    password_expiration: row.passwordExpiration,
    max_failed_attempts: row.maxFailedAttempts,
  };
}

/** The password policy and the discount limit: what `GET/PATCH /roles/{key}/settings` answer. */
export function toRoleSettings(row: RoleRow): RoleSettingsDto {
  return { ...toPolicy(row), max_discount_percent: row.maxDiscountPercent };
}

export function toRoleDto(row: RoleRow) {
  return { id: row.id, key: row.key as RoleKey, name: row.name, ...toRoleSettings(row) };
}

export function createRolesService(db: Db) {
  function findRow(key: string): RoleRow {
    const row = isRoleKey(key) ? db.select().from(roles).where(eq(roles.key, key)).get() : undefined;
    if (!row) throw notFound('Role');
    return row;
  }

  return {
    list() {
      return db.select().from(roles).orderBy(roles.id).all().map(toRoleDto);
    },

    policyOf(roleId: number): PasswordPolicy {
      const row = db.select().from(roles).where(eq(roles.id, roleId)).get();
      if (!row) throw new Error(`role ${roleId} missing`);
      return toPolicy(row);
    },

    getSettings(actor: Actor, key: string): RoleSettingsDto {
      requirePermission(actor, 'role_settings.read');
      return toRoleSettings(findRow(key));
    },

    updateSettings(actor: Actor, key: string, patch: PatchRoleSettingsInput, now = Date.now()): RoleSettingsDto {
      requirePermission(actor, 'role_settings.update');
      if (Object.values(patch).every((v) => v === undefined)) return toRoleSettings(findRow(key));
      return db.transaction((tx) => {
        const before = findRow(key);
        const updated = tx
          .update(roles)
          .set({
            minimumCharacters: patch.minimum_characters,
            containUpperCase: patch.contain_upper_case,
            containLowerCase: patch.contain_lower_case,
            containSpecialCase: patch.contain_special_case,
            containNumber: patch.contain_number,
            passwordExpiration: patch.password_expiration,
            maxFailedAttempts: patch.max_failed_attempts,
            maxDiscountPercent: patch.max_discount_percent,
            updatedAt: now,
          })
          .where(eq(roles.id, before.id))
          .returning()
          .get();
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'role.settings_updated',
          targetType: 'role',
          targetId: before.id,
          before: toRoleSettings(before),
          after: toRoleSettings(updated),
          now,
        });
        return toRoleSettings(updated);
      });
    },
  };
}

export type RolesService = ReturnType<typeof createRolesService>;
