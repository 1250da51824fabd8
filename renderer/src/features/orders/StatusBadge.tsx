import { Badge, type BadgeProps } from '@mantine/core';
import { STATUS_COLORS, STATUS_LABELS, type OrderStatus } from './order-text';

export function StatusBadge({ status, ...props }: { status: OrderStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge variant="light" radius="sm" color={STATUS_COLORS[status]} data-status={status} {...props}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
