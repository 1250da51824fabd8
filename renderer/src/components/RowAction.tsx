import { ActionIcon, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

interface RowActionProps {
  /** Shown on hover: "Edit". */
  tooltip: string;
  /** Read out, naming the row: "Edit Carl Cash". */
  label: string;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
  color?: 'gray' | 'teal' | 'red';
  loading?: boolean;
  /** What the button does, where one test id serves two actions (deactivate, activate). */
  action?: string;
}

/** An icon button at the end of a list row. */
export function RowAction({ tooltip, label, icon, onClick, testId, color = 'gray', loading, action }: RowActionProps) {
  return (
    <Tooltip label={tooltip} withArrow>
      <ActionIcon
        variant="subtle"
        color={color}
        onClick={onClick}
        loading={loading}
        aria-label={label}
        data-testid={testId}
        data-action={action}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}
