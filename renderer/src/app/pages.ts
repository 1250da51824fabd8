import {
  IconBarcode,
  IconBuildingStore,
  IconCalendarWeek,
  IconCash,
  IconCashRegister,
  IconChartBar,
  IconClockHour4,
  IconHistory,
  IconMailbox,
  IconPackages,
  IconPrinter,
  IconReceipt,
  IconReportMoney,
  IconSettings,
  IconShieldLock,
  IconTruckDelivery,
  IconUserCircle,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { can, type PermissionAction } from '../../../shared/permissions';
import type { RoleKey } from '../../../shared/roles';
import type { UserDto } from '../../../shared/schemas/users';

/** What every page is given; a page that needs nothing of it ignores it. */
export interface PageProps {
  user: UserDto;
}

export const NAV_SECTIONS = ['Sales', 'You', 'Team', 'Shop', 'System'] as const;
export type NavSectionLabel = (typeof NAV_SECTIONS)[number];

export interface AppPage {
  path: `/${string}`;
  label: string;
  icon: TablerIcon;
  section: NavSectionLabel;
  /**
   * Who sees the page, in the navbar and the routes alike: the roles that may take this action
   * (shared/permissions.ts); everyone when absent.
   */
  permission?: PermissionAction;
  /** Each page is its own chunk, loaded when first opened. */
  component: LazyExoticComponent<ComponentType<PageProps>>;
}

const page = (load: () => Promise<{ default: ComponentType<PageProps> }>) => lazy(load);

/**
 * Every signed-in page, once: the navbar and the route table are both built from this list,
 * in this order. New screens join here as they are built; nothing is listed before it works.
 */
export const PAGES: readonly AppPage[] = [
  {
    path: '/pos',
    label: 'Point of sale',
    icon: IconCashRegister,
    section: 'Sales',
    // The till records finished sales.
    permission: 'orders.complete',
    component: page(() => import('../features/pos/PosPage')),
  },
  { path: '/orders', label: 'Orders', icon: IconReceipt, section: 'Sales', component: page(() => import('../features/orders/OrdersPage')) },
  {
    path: '/till',
    label: 'Cash drawer',
    icon: IconCash,
    section: 'Sales',
    // Whoever works a drawer: open it, move cash, read its X report, close it.
    permission: 'cash_sessions.work',
    component: page(() => import('../features/till/TillPage')),
  },
  {
    path: '/cash-sessions',
    label: 'Drawer sessions',
    icon: IconReportMoney,
    section: 'Sales',
    // Managers reach every session (their Z reports); others see the ones they opened.
    permission: 'cash_sessions.work',
    component: page(() => import('../features/till/CashSessionsPage')),
  },
  {
    path: '/print-jobs',
    label: 'Print jobs',
    icon: IconPrinter,
    section: 'Sales',
    // Managers watch the receipt printers' queue and send a stuck job again.
    permission: 'print_jobs.read',
    component: page(() => import('../features/printing/PrintJobsPage')),
  },
  // Only the dashboard chunk carries the charts.
  {
    path: '/dashboard',
    label: 'Dashboard',
    icon: IconChartBar,
    section: 'Sales',
    permission: 'sales_stats.read',
    component: page(() => import('../features/dashboard/DashboardPage')),
  },
  {
    path: '/products',
    label: 'Products',
    icon: IconPackages,
    section: 'Sales',
    component: page(() => import('../features/catalog/ProductsPage')),
  },
  {
    path: '/profile',
    label: 'My profile',
    icon: IconUserCircle,
    section: 'You',
    component: page(() => import('../features/profile/ProfilePage')),
  },
  {
    path: '/staff',
    label: 'Staff',
    icon: IconUsers,
    section: 'Team',
    permission: 'users.list',
    component: page(() => import('../features/staff/StaffPage')),
  },
  {
    path: '/shifts',
    label: 'Shifts',
    icon: IconCalendarWeek,
    section: 'Team',
    permission: 'working_times.plan',
    component: page(() => import('../features/shifts/ShiftPlannerPage')),
  },
  {
    path: '/timesheets',
    label: 'Timesheets',
    icon: IconClockHour4,
    section: 'Team',
    // Managers read their workers' clock-ins; the Super Admin everyone's.
    permission: 'time_entries.list',
    component: page(() => import('../features/time-clock/TimesheetPage')),
  },
  {
    path: '/roles',
    label: 'Role policies',
    icon: IconShieldLock,
    section: 'Shop',
    component: page(() => import('../features/roles/RolePoliciesPage')),
  },
  {
    path: '/stock-receipts',
    label: 'Goods receiving',
    icon: IconTruckDelivery,
    section: 'Shop',
    permission: 'stock.receive',
    component: page(() => import('../features/stock/ReceivingPage')),
  },
  {
    path: '/labels',
    label: 'Labels',
    icon: IconBarcode,
    section: 'Shop',
    permission: 'products.labels',
    component: page(() => import('../features/labels/LabelsPage')),
  },
  {
    path: '/audit',
    label: 'Audit log',
    icon: IconHistory,
    section: 'Shop',
    permission: 'audit.read',
    component: page(() => import('../features/audit/AuditLogPage')),
  },
  {
    path: '/settings',
    label: 'Settings',
    icon: IconSettings,
    section: 'System',
    permission: 'notify_settings.read',
    component: page(() => import('../features/settings/NotificationSettingsPage')),
  },
  {
    path: '/shop-settings',
    label: 'Shop',
    icon: IconBuildingStore,
    section: 'System',
    // Managers set up registers there; the shop's own settings are the Super Admin's (shop.update).
    permission: 'registers.manage',
    component: page(() => import('../features/settings/ShopSettingsPage')),
  },
  {
    path: '/outbox',
    label: 'Outbox',
    icon: IconMailbox,
    section: 'System',
    permission: 'outbox.read',
    component: page(() => import('../features/settings/OutboxPage')),
  },
];

/** The pages `role` may open: its navbar entries and its routes. */
export function pagesFor(role: RoleKey): AppPage[] {
  return PAGES.filter((p) => p.permission === undefined || can(role, p.permission));
}

/** The navbar of `role`: its pages by section, sections without any left out. */
export function navSectionsFor(role: RoleKey): { label: NavSectionLabel; pages: AppPage[] }[] {
  const visible = pagesFor(role);
  return NAV_SECTIONS.map((label) => ({ label, pages: visible.filter((p) => p.section === label) })).filter(
    (section) => section.pages.length > 0,
  );
}

/** Where the app opens: the till for those who sell at it, the profile for everyone else. */
export function landingPath(role: RoleKey): string {
  return role === 'cashier' || role === 'attendant' ? '/pos' : '/profile';
}
