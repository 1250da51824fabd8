import { isRoleKey, ROLE_NAMES, roleKeyById, type RoleKey } from '../../../../shared/roles';
import { formatDay, shopClockFormat } from '../../lib/dates';
import { formatRateBp } from '../settings/tax-rate-percent';
import { isOvernight } from '../shifts/time';
import { type AuditEntry, actorName, asFields, changedFields, fieldLabel, asText } from './audit-entry';

export type { AuditEntry } from './audit-entry';

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

function shiftText(value: unknown): string | null {
  const shift = asFields(value);
  const start = asText(shift?.start_time);
  const end = asText(shift?.end_time);
  if (!start || !end) return null;
  return `${start}–${end}${isOvernight(start, end) ? ' (overnight)' : ''}`;
}

const formatClock = (iso: string) => shopClockFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** An entry's times as the audit row holds them (ISO instants), on the shop's clock: "08:00–16:30". */
function entrySpanText(value: unknown): string | null {
  const fields = asFields(value);
  const clockIn = asText(fields?.clock_in);
  if (!clockIn) return null;
  const clockOut = asText(fields?.clock_out);
  return `${formatClock(clockIn)}–${clockOut ? formatClock(clockOut) : '…'}`;
}

function roleNameOf(value: unknown): string | null {
  return typeof value === 'string' && isRoleKey(value) ? ROLE_NAMES[value] : null;
}

function roleOfTarget(entry: AuditEntry): RoleKey | null {
  if (entry.target_id === null) return null;
  try {
    return roleKeyById(entry.target_id);
  } catch {
    return null;
  }
}

/** A product entry's product: its name when the entry holds it, else its id. */
function productName(entry: AuditEntry): string {
  const name = asText(asFields(entry.after)?.name) ?? asText(asFields(entry.before)?.name);
  return name ?? `product #${entry.target_id ?? '?'}`;
}

/** A tax rate entry's rate: its name when the entry holds it, else its id. */
function taxRateName(entry: AuditEntry): string {
  return asText(asFields(entry.after)?.name) ?? asText(asFields(entry.before)?.name) ?? `#${entry.target_id ?? '?'}`;
}

/** A printer entry's printer: its name when the entry holds it, else its id. */
function printerName(entry: AuditEntry): string {
  return asText(asFields(entry.after)?.name) ?? asText(asFields(entry.before)?.name) ?? `#${entry.target_id ?? '?'}`;
}

/** One sentence for a person, e.g. "Maria Manning set Carl Cash’s shift on Mon, Nov 23: 08:00–16:00". */
export function describeEntry(entry: AuditEntry): string {
  const who = actorName(entry);
  const self = entry.actor !== null && entry.target_type === 'user' && entry.actor.id === entry.target_id;
  const target = entry.target_name ?? (entry.target_id === null ? 'someone' : `user #${entry.target_id}`);
  const whose = self ? 'their own' : `${target}’s`;
  const before = asFields(entry.before);
  const after = asFields(entry.after);
  const day = asText(after?.date) ?? asText(before?.date);
  const onDay = day ? ` on ${formatDay(day)}` : '';

  switch (entry.action) {
    case 'user.created': {
      const role = roleNameOf(after?.role);
      return `${who} created ${whose} account${role ? ` (${role})` : ''}`;
    }
    case 'user.updated': {
      if (before?.is_active === true && after?.is_active === false) return `${who} deactivated ${self ? 'their own account' : target}`;
      if (before?.is_active === false && after?.is_active === true) return `${who} activated ${self ? 'their own account' : target}`;
      const fields = changedFields(entry).map((c) => fieldLabel(c.field).toLowerCase());
      return fields.length > 0 ? `${who} changed ${whose} ${list(fields)}` : `${who} saved ${whose} details without changes`;
    }
    case 'user.password_set': {
      const also = changedFields(entry).map((c) => fieldLabel(c.field).toLowerCase());
      return `${who} set a temporary password for ${target}${also.length > 0 ? ` and changed their ${list(also)}` : ''}`;
    }
    case 'user.password_changed':
      return `${self ? who : target} changed their password`;
    case 'user.role_assigned': {
      const from = roleNameOf(before?.role);
      const to = roleNameOf(after?.role);
      return from && to ? `${who} changed ${whose} role from ${from} to ${to}` : `${who} changed ${whose} role`;
    }
    case 'user.locked': {
      const attempts = typeof after?.failed_attempts === 'number' ? after.failed_attempts : null;
      return `${target}’s account was locked after ${attempts === null ? 'too many' : attempts} failed sign-ins`;
    }
    case 'user.pin_set':
      return `${self ? who : target} set ${self ? 'their' : 'a'} staff PIN`;
    case 'user.pin_cleared':
      return `${who} cleared ${whose} staff PIN`;
    case 'user.unlocked':
      return `${who} unlocked ${target}`;
    case 'user.deleted':
      return `${who} deleted ${whose} account`;
    case 'user.registered':
      return `${target} registered as a customer`;
    case 'setup.owner_created':
      return `${target} set up ShopDesk and became its Super Admin`;
    case 'working_time.set': {
      const times = shiftText(entry.after);
      return `${who} set ${whose} shift${onDay}${times ? `: ${times}` : ''}`;
    }
    case 'working_time.changed': {
      const from = shiftText(entry.before);
      const to = shiftText(entry.after);
      return `${who} changed ${whose} shift${onDay}${from && to ? `: ${from} → ${to}` : ''}`;
    }
    case 'working_time.cleared': {
      const times = shiftText(entry.before);
      return `${who} cleared ${whose} shift${onDay}${times ? ` (was ${times})` : ''}`;
    }
    case 'time_entry.corrected': {
      const from = entrySpanText(entry.before);
      const to = entrySpanText(entry.after);
      const reason = asText(after?.reason);
      return `${who} corrected ${whose} clock-in${onDay}${from && to ? `: ${from} → ${to}` : ''}${reason ? ` (“${reason}”)` : ''}`;
    }
    case 'role.settings_updated': {
      const role = entry.target_type === 'role' ? roleOfTarget(entry) : null;
      const roleName = role ? ROLE_NAMES[role] : 'role';
      const limitBefore = before?.max_discount_percent;
      const limitAfter = after?.max_discount_percent;
      const limitChanged = typeof limitAfter === 'number' && limitBefore !== limitAfter;
      const policyChanged = Object.keys(after ?? {}).some((key) => key !== 'max_discount_percent' && before?.[key] !== after?.[key]);
      const parts = [
        policyChanged || !limitChanged ? 'password policy' : null,
        limitChanged ? `discount limit to ${limitAfter} %` : null,
      ].filter((part) => part !== null);
      return `${who} changed the ${roleName} ${list(parts)}`;
    }
    case 'user.password_reset':
      return `${target} reset their password with a PIN`;
    case 'user.recovered_unlock':
      return `${target} was unlocked with the recovery command on the shop computer`;
    case 'user.recovered_password':
      return `${target} got a one-time password from the recovery command on the shop computer`;
    case 'password_reset.requested': {
      const by = after?.type === 'phone' ? 'SMS' : 'email';
      const account = entry.target_id === null ? 'an unknown account' : target;
      return `A password-reset PIN by ${by} was asked for ${account}${after?.sent === false ? ' (none sent)' : ''}`;
    }
    case 'password_reset.blocked': {
      const pins = typeof after?.wrong_pins === 'number' ? `${after.wrong_pins} ` : '';
      return `Password resets for ${target} were blocked after ${pins}wrong PINs`;
    }
    case 'product.created':
      return `${who} added the product ${productName(entry)}`;
    case 'product.updated': {
      const fields = changedFields(entry).map((c) => fieldLabel(c.field).toLowerCase());
      return `${who} changed ${productName(entry)}${fields.length > 0 ? `: ${list(fields)}` : ''}`;
    }
    case 'product.deactivated':
      return `${who} deactivated ${productName(entry)}`;
    case 'product.stock_adjusted': {
      const delta = typeof after?.delta === 'number' ? after.delta : null;
      const reason = asText(after?.reason);
      const by = delta === null ? '' : ` by ${delta > 0 ? '+' : ''}${delta}`;
      return `${who} adjusted the stock of ${productName(entry)}${by}${reason ? ` (${reason})` : ''}`;
    }
    case 'product.imported':
      return `${who} updated ${productName(entry)} by a CSV import`;
    case 'stock_receipt.created': {
      const units = typeof after?.units === 'number' ? ` (${after.units} units)` : '';
      const supplier = asText(after?.supplier);
      return `${who} received goods #${entry.target_id ?? '?'}${supplier ? ` from ${supplier}` : ''}${units}`;
    }
    case 'order.completed': {
      const receipt = typeof after?.receipt_no === 'number' ? ` as receipt ${after.receipt_no}` : '';
      return `${who} completed order #${entry.target_id ?? '?'}${receipt}`;
    }
    case 'order.cancelled':
      return `${who} cancelled order #${entry.target_id ?? '?'}`;
    case 'order.discount_approved': {
      const approver = asText(after?.approved_by_username);
      return `${who} gave a discount on order #${entry.target_id ?? '?'}, approved by ${approver ?? 'a manager'}`;
    }
    case 'refund.created': {
      const receipt = typeof after?.receipt_no === 'number' ? ` as receipt ${after.receipt_no}` : '';
      const order = typeof after?.order_id === 'number' ? ` of order #${after.order_id}` : '';
      const approver = asText(after?.approved_by_username);
      return `${who} refunded${order}${receipt}${approver ? `, approved by ${approver}` : ''}`;
    }
    case 'receipt.emailed': {
      const what = after?.kind === 'refund' ? 'refund receipt' : 'receipt';
      const number = typeof after?.receipt_no === 'number' ? ` ${after.receipt_no}` : '';
      const to = asText(after?.to);
      const kept = after?.status === 'outbox' ? ' (kept in the outbox: no mail server)' : '';
      return `${who} sent ${what}${number} by e-mail${to ? ` to ${to}` : ''}${kept}`;
    }
    case 'order.expired': {
      const hours = typeof after?.expiry_hours === 'number' ? ` after ${after.expiry_hours} hours` : '';
      return `Customer order #${entry.target_id ?? '?'} expired${hours} and was cancelled`;
    }
    case 'settings.notifications_updated':
      return `${who} changed the mail and SMS settings`;
    case 'settings.network_updated':
      return `${who} changed the HTTPS settings`;
    case 'settings.customers_updated':
      return `${who} changed the customer settings`;
    case 'settings.backups_updated':
      return `${who} changed the backup settings`;
    case 'backup.restored':
      // From the command line at the shop's computer: nobody signed in.
      return `${entry.actor ? who : 'Someone at the shop computer'} restored the backup${typeof after?.file === 'string' ? ` ${after.file}` : ''}`;
    case 'register.created':
      return `${who} added the register ${entry.target_name ?? `#${entry.target_id ?? '?'}`}`;
    case 'register.updated': {
      const fields = changedFields(entry).map((c) => fieldLabel(c.field).toLowerCase());
      return `${who} changed the register ${entry.target_name ?? `#${entry.target_id ?? '?'}`}${fields.length > 0 ? `: ${list(fields)}` : ''}`;
    }
    case 'register.device_token_issued':
      return `${who} issued a new device token for the register ${entry.target_name ?? `#${entry.target_id ?? '?'}`}`;
    case 'cash_session.opened':
      return `${who} opened cash session #${entry.target_id ?? '?'}`;
    case 'cash_session.closed': {
      const approver = asText(after?.approved_by_username);
      return `${who} closed cash session #${entry.target_id ?? '?'}${approver ? `, approved by ${approver}` : ''}`;
    }
    case 'tax_rate.created': {
      const bp = after?.rate_bp;
      return `${who} added the tax rate ${taxRateName(entry)}${typeof bp === 'number' ? ` (${formatRateBp(bp)})` : ''}`;
    }
    case 'tax_rate.updated': {
      const renamed = asText(before?.name) !== asText(after?.name) ? ` to ${asText(after?.name) ?? '?'}` : '';
      const active = after?.is_active === false ? 'deactivated' : after?.is_active === true ? 'reactivated' : null;
      const what = [renamed ? `renamed${renamed}` : null, active].filter((part) => part !== null);
      return `${who} changed the tax rate ${asText(before?.name) ?? taxRateName(entry)}${what.length > 0 ? `: ${list(what)}` : ''}`;
    }
    case 'printer.created':
      return `${who} added the printer ${printerName(entry)}`;
    case 'printer.updated': {
      const fields = changedFields(entry).map((c) => fieldLabel(c.field).toLowerCase());
      return `${who} changed the printer ${asText(before?.name) ?? printerName(entry)}${fields.length > 0 ? `: ${list(fields)}` : ''}`;
    }
    case 'printer.deleted':
      return `${who} deleted the printer ${printerName(entry)}`;
    case 'shop.updated': {
      const fields = changedFields(entry).map((c) => fieldLabel(c.field).toLowerCase());
      return `${who} changed the shop settings${fields.length > 0 ? `: ${list(fields)}` : ''}`;
    }
    default:
      return `${who}: ${entry.action}${entry.target_name ? ` (${entry.target_name})` : ''}`;
  }
}
