import { IconShieldLock, IconUserCircle, type TablerIcon } from '@tabler/icons-react';
import type { RoleKey } from '../../../../shared/roles';

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

/**
 * The navbar, by role. Staff, Shifts, Point of sale and Orders join here (with their `roles`)
 * as their screens are built; nothing is listed before it works.
 */
export const NAV_SECTIONS: NavSection[] = [
  { label: 'You', items: [{ to: '/profile', label: 'My profile', icon: IconUserCircle }] },
  { label: 'Shop', items: [{ to: '/roles', label: 'Role policies', icon: IconShieldLock }] },
];

export function sectionsFor(role: RoleKey): NavSection[] {
  return NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.roles || item.roles.includes(role)),
  })).filter((section) => section.items.length > 0);
}
