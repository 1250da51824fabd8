import { Anchor, Group } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface DisclosureToggleProps {
  open: boolean;
  onToggle: () => void;
  testId: string;
  /** "Show 2 changes" or "Hide changes": what a click does. */
  children: ReactNode;
}

/** The small link in a list row that folds its details open and shut. */
export function DisclosureToggle({ open, onToggle, testId, children }: DisclosureToggleProps) {
  return (
    <Anchor component="button" type="button" size="xs" fw={500} onClick={onToggle} aria-expanded={open} data-testid={testId}>
      <Group gap={2} wrap="nowrap">
        {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        {children}
      </Group>
    </Anchor>
  );
}
