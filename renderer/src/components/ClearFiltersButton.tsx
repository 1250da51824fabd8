import { Button, type ButtonProps } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';

/** "Clear filters" at the end of a list's filter bar. */
export function ClearFiltersButton({
  onClick,
  testId,
  ...props
}: { onClick: () => void; testId?: string } & Omit<ButtonProps, 'children'>) {
  return (
    <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClick} data-testid={testId} {...props}>
      Clear filters
    </Button>
  );
}
