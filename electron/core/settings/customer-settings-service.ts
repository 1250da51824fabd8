import type { Db } from '../../../db/client';
import type { CustomerSettingsDto, CustomerSettingsInput } from '../../../shared/schemas/settings';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../errors';
import { requirePermission } from '../permissions';
import type { SettingsService } from './settings-service';

/**
 * The customer-accounts card of the settings screen (Super Admin): self-registration on or
 * off, and how many hours a customer's open order holds its stock. SHOPDESK_REGISTRATION,
 * when set, wins; changing the switch then is refused rather than stored to no effect.
 */
export function createCustomerSettingsService(db: Db, settings: SettingsService) {
  function view(): CustomerSettingsDto {
    return {
      registration: settings.isRegistrationOpen() ? 'on' : 'off',
      registration_from_environment: settings.isRegistrationFixedByEnvironment(),
      customer_order_expiry_hours: settings.customerOrderExpiryHours(),
    };
  }

  return {
    get(actor: Actor): CustomerSettingsDto {
      requirePermission(actor, 'customer_settings.read');
      return view();
    },

    update(actor: Actor, input: CustomerSettingsInput, now = Date.now()): CustomerSettingsDto {
      requirePermission(actor, 'customer_settings.update');
      const before = view();
      if (input.registration !== undefined && before.registration_from_environment) {
        throw new DomainError(
          'invalid_state',
          'Self-registration is fixed by SHOPDESK_REGISTRATION in the server’s environment; change it there and restart.',
        );
      }
      db.transaction((tx) => {
        if (input.registration !== undefined) settings.write('registration', input.registration, now, tx);
        if (input.customer_order_expiry_hours !== undefined)
          settings.write('customer_order_expiry_hours', input.customer_order_expiry_hours, now, tx);
        const after = view();
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          recordAudit(tx, {
            actorId: actor.user.id,
            action: 'settings.customers_updated',
            targetType: 'settings',
            targetId: null,
            before,
            after,
            now,
          });
        }
      });
      return view();
    },
  };
}

export type CustomerSettingsService = ReturnType<typeof createCustomerSettingsService>;
