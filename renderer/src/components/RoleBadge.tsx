import { Badge, type BadgeProps } from '@mantine/core';
import { ROLE_NAMES, type RoleKey } from '../../../shared/roles';

const ROLE_COLORS = {
  super_admin: 'grape',
  manager: 'indigo',
  attendant: 'cyan',
  cashier: 'teal',
  customer: 'gray',
} as const satisfies Record<RoleKey, string>;

export function RoleBadge({ role, ...props }: { role: RoleKey } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} radius="sm" {...props}>
      {ROLE_NAMES[role]}
    </Badge>
  );
}
