/**
 * Action filters: whole kinds (a prefix) first, then single actions. Every action the core
 * audits (electron/core, `action: '…'`) has a label here and a sentence in `describeEntry`.
 */
export const ACTION_FILTERS = [
  {
    group: 'Everything of a kind',
    items: [
      { value: 'user', label: 'Accounts (user.*)' },
      { value: 'working_time', label: 'Shifts (working_time.*)' },
      { value: 'time_entry', label: 'Clock-in corrections (time_entry.*)' },
      { value: 'password_reset', label: 'Password resets (password_reset.*)' },
      { value: 'product', label: 'Products (product.*)' },
      { value: 'stock_receipt', label: 'Goods received (stock_receipt.*)' },
      { value: 'order', label: 'Orders (order.*)' },
      { value: 'refund', label: 'Refunds (refund.*)' },
      { value: 'receipt', label: 'Receipts sent (receipt.*)' },
      { value: 'role', label: 'Role policies (role.*)' },
      { value: 'settings', label: 'Settings (settings.*)' },
      { value: 'shop', label: 'Shop settings (shop.*)' },
      { value: 'register', label: 'Registers (register.*)' },
      { value: 'tax_rate', label: 'Tax rates (tax_rate.*)' },
      { value: 'printer', label: 'Printers (printer.*)' },
      { value: 'backup', label: 'Backups (backup.*)' },
      { value: 'cash_session', label: 'Cash sessions (cash_session.*)' },
      { value: 'setup', label: 'Set-up (setup.*)' },
    ],
  },
  {
    group: 'Accounts',
    items: [
      { value: 'user.created', label: 'Account created' },
      { value: 'user.updated', label: 'Account edited or (de)activated' },
      { value: 'user.password_set', label: 'Temporary password set' },
      { value: 'user.password_changed', label: 'Password changed' },
      { value: 'user.password_reset', label: 'Password reset with a PIN' },
      { value: 'user.pin_set', label: 'Staff PIN set' },
      { value: 'user.pin_cleared', label: 'Staff PIN cleared' },
      { value: 'user.role_assigned', label: 'Role changed' },
      { value: 'user.locked', label: 'Account locked' },
      { value: 'user.unlocked', label: 'Account unlocked' },
      { value: 'user.recovered_unlock', label: 'Unlocked by the recovery command' },
      { value: 'user.recovered_password', label: 'One-time password by the recovery command' },
      { value: 'user.deleted', label: 'Account deleted' },
      { value: 'user.registered', label: 'Customer registered' },
    ],
  },
  {
    group: 'Shifts',
    items: [
      { value: 'working_time.set', label: 'Shift added' },
      { value: 'working_time.changed', label: 'Shift changed' },
      { value: 'working_time.cleared', label: 'Shift cleared' },
    ],
  },
  {
    group: 'Clock-in',
    items: [{ value: 'time_entry.corrected', label: 'Clock-in or clock-out corrected' }],
  },
  {
    group: 'Password resets',
    items: [
      { value: 'password_reset.requested', label: 'Reset PIN requested' },
      { value: 'password_reset.blocked', label: 'Resets blocked after wrong PINs' },
    ],
  },
  {
    group: 'Products',
    items: [
      { value: 'product.created', label: 'Product added' },
      { value: 'product.updated', label: 'Product edited' },
      { value: 'product.deactivated', label: 'Product deactivated' },
      { value: 'product.stock_adjusted', label: 'Stock adjusted' },
      { value: 'product.imported', label: 'Product updated by a CSV import' },
      { value: 'stock_receipt.created', label: 'Goods received' },
    ],
  },
  {
    group: 'Orders',
    items: [
      { value: 'order.completed', label: 'Order completed' },
      { value: 'order.cancelled', label: 'Order cancelled' },
      { value: 'order.expired', label: 'Customer order expired' },
      { value: 'order.discount_approved', label: 'Discount approved by a manager' },
      { value: 'refund.created', label: 'Sale refunded' },
      { value: 'receipt.emailed', label: 'Receipt sent by e-mail' },
    ],
  },
  {
    group: 'The till',
    items: [
      { value: 'register.created', label: 'Register added' },
      { value: 'register.updated', label: 'Register changed' },
      { value: 'register.device_token_issued', label: 'Register device token issued' },
      { value: 'cash_session.opened', label: 'Cash session opened' },
      { value: 'cash_session.closed', label: 'Cash session closed' },
    ],
  },
  {
    group: 'Shop',
    items: [
      { value: 'role.settings_updated', label: 'Password policy or discount limit changed' },
      { value: 'settings.notifications_updated', label: 'Mail and SMS settings changed' },
      { value: 'settings.network_updated', label: 'HTTPS settings changed' },
      { value: 'settings.customers_updated', label: 'Customer settings changed' },
      { value: 'shop.updated', label: 'Shop settings changed' },
      { value: 'settings.backups_updated', label: 'Backup settings changed' },
      { value: 'backup.restored', label: 'Backup restored' },
      { value: 'tax_rate.created', label: 'Tax rate added' },
      { value: 'tax_rate.updated', label: 'Tax rate renamed or (de)activated' },
      { value: 'printer.created', label: 'Printer added' },
      { value: 'printer.updated', label: 'Printer changed' },
      { value: 'printer.deleted', label: 'Printer deleted' },
      { value: 'setup.owner_created', label: 'ShopDesk set up' },
    ],
  },
];

/** What a narrower log (a manager's: entries about their workers' accounts) can hold. */
const ABOUT_WORKERS = /^(user|working_time|time_entry|password_reset)\b/;

/** A manager's log is about their workers: no products, orders, settings, set-up or customers to filter by. */
export function actionFiltersFor(readsWholeLog: boolean): typeof ACTION_FILTERS {
  if (readsWholeLog) return ACTION_FILTERS;
  return ACTION_FILTERS.map((group) => ({
    ...group,
    items: group.items.filter((i) => ABOUT_WORKERS.test(i.value) && i.value !== 'user.registered'),
  })).filter((group) => group.items.length > 0);
}
