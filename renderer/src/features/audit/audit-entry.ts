/** Reading an audit entry: its before/after fields, what changed, and who did it. */
import { isRoleKey, ROLE_NAMES } from '../../../../shared/roles';
import type { AuditEntryDto } from '../../../../shared/schemas/audit';
import { formatDay } from '../../lib/dates';
import { fullName } from '../../lib/names';

type Fields = Record<string, unknown>;

/** An entry as it arrives over tRPC (`before`/`after` may be absent rather than null). */
export type AuditEntry = Omit<AuditEntryDto, 'before' | 'after'> & { before?: unknown; after?: unknown };

/** The fields of a `before`/`after` object, or null when it holds none. */
export function asFields(value: unknown): Fields | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null;
}

export const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const FIELD_LABELS: Record<string, string> = {
  username: 'Username',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
  role: 'Role',
  is_active: 'Active',
  is_locked: 'Locked',
  manager_id: 'Manager',
  date: 'Day',
  start_time: 'Start',
  end_time: 'End',
  failed_attempts: 'Failed sign-ins in a row',
  minimum_characters: 'Minimum length',
  contain_upper_case: 'Needs an upper-case letter',
  contain_lower_case: 'Needs a lower-case letter',
  contain_number: 'Needs a digit',
  contain_special_case: 'Needs a special character',
  password_expiration: 'Expires after (days)',
  max_failed_attempts: 'Lock after failed sign-ins',
  sku: 'SKU',
  barcode: 'Barcode',
  name: 'Name',
  price_cents: 'Price (cents)',
  stock: 'Stock',
  delta: 'Change',
  reason: 'Reason',
  status: 'Status',
  expiry_hours: 'Expires after (hours)',
  smtp_url: 'SMTP server',
  mail_from: 'Sender address',
  sms_webhook_url: 'SMS gateway',
  cert: 'Certificate file',
  key: 'Private key file',
  registration: 'Self-registration',
  customer_order_expiry_hours: 'Customers’ open orders expire after (hours)',
  printer_id: 'Receipt printer',
  kind: 'Kind',
  address: 'Address',
  width: 'Paper width (columns)',
  auto_print: 'Prints after each sale',
  open_drawer_on_cash: 'Opens the drawer on cash sales',
  cut: 'Cuts the paper',
};

/** Bookkeeping, not a change anyone made. */
const META_FIELDS = new Set(['id', 'created_at', 'created_date', 'created_by', 'updated_at']);

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields that differ between `before` and `after` (all of one side when the other is absent). */
export function changedFields(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = asFields(entry.before);
  const after = asFields(entry.after);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !META_FIELDS.has(k));
  return keys
    .map((field) => ({ field, before: before?.[field], after: after?.[field] }))
    .filter((c) => JSON.stringify(c.before ?? null) !== JSON.stringify(c.after ?? null));
}

/** A value of the diff for a person: names for ids, Yes/No, role names. */
export function formatValue(field: string, value: unknown, nameOf: (id: number) => string | null): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field === 'role' && typeof value === 'string' && isRoleKey(value)) return ROLE_NAMES[value];
  if (field === 'manager_id' && typeof value === 'number') return nameOf(value) ?? `User #${value}`;
  if (field === 'date' && typeof value === 'string') return formatDay(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  // What is left comes from JSON: objects and arrays.
  return JSON.stringify(value) ?? '—';
}

/** Who did it: a person, or ShopDesk itself (a lockout). */
export function actorName(entry: AuditEntry): string {
  return entry.actor ? fullName(entry.actor) || entry.actor.username : 'ShopDesk';
}
