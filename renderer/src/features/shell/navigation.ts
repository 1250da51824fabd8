import { IconCalendarWeek, IconCashRegister, IconChartBar, IconHistory, IconMailbox, IconPackages, IconReceipt, IconSettings, IconShieldLock, IconUserCircle, IconUsers, type TablerIcon } from '@tabler/icons-react';
import { STAFF_ROLES, type RoleKey } from '../../../../shared/roles';

export interface NavItem {
  to: string;
  label: string;
  icon: TablerIcon;
  /** Who sees the item; everyone when absent. */
  roles?: readonly RoleKey[];
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

/** Those who manage people: the Super Admin and managers (API.md, Roles). */
export const MANAGING_ROLES = ['super_admin', 'manager'] as const satisfies readonly RoleKey[];

/** The shop's settings and the outbox (where unsent PINs can be read): the Super Admin only. */
export const ADMIN_ROLES = ['super_admin'] as const satisfies readonly RoleKey[];

/**
 * The navbar, by role. New screens join here (with their `roles`) as they are built; nothing
 * is listed before it works.
 */
export const NAV_SECTIONS: NavSection[] = [
  {
    label: 'Sales',
    items: [
      { to: '/pos', label: 'Point of sale', icon: IconCashRegister, roles: STAFF_ROLES },
      { to: '/orders', label: 'Orders', icon: IconReceipt },
      { to: '/dashboard', label: 'Dashboard', icon: IconChartBar, roles: MANAGING_ROLES },
      { to: '/products', label: 'Products', icon: IconPackages },
    ],
  },
  { label: 'You', items: [{ to: '/profile', label: 'My profile', icon: IconUserCircle }] },
  {
    label: 'Team',
    items: [
      { to: '/staff', label: 'Staff', icon: IconUsers, roles: MANAGING_ROLES },
      { to: '/shifts', label: 'Shifts', icon: IconCalendarWeek, roles: MANAGING_ROLES },
    ],
  },
  {
    label: 'Shop',
    items: [
      { to: '/roles', label: 'Role policies', icon: IconShieldLock },
      { to: '/audit', label: 'Audit log', icon: IconHistory, roles: MANAGING_ROLES },
    ],
  },
  {
    label: 'System',
    items: [
      { to: '/settings', label: 'Settings', icon: IconSettings, roles: ADMIN_ROLES },
      { to: '/outbox', label: 'Outbox', icon: IconMailbox, roles: ADMIN_ROLES },
    ],
  },
];

export function sectionsFor(role: RoleKey): NavSection[] {
  return NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.roles || item.roles.includes(role)),
  })).filter((section) => section.items.length > 0);
}

/** Whether `role` may open the page at `to` (the route table uses the same rule as the navbar). */
export function mayVisit(role: RoleKey, to: string): boolean {
  const item = NAV_SECTIONS.flatMap((section) => section.items).find((i) => i.to === to);
  return item !== undefined && (!item.roles || item.roles.includes(role));
}

/** Where the app opens: the till for those who sell at it, the profile for everyone else. */
export function landingPath(role: RoleKey): string {
  return role === 'cashier' || role === 'attendant' ? '/pos' : '/profile';
}
