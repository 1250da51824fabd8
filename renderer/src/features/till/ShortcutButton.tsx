import { Button, Kbd, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface ShortcutButtonProps extends Pick<ButtonProps, 'variant' | 'color' | 'leftSection' | 'disabled'> {
  /** The key that does the same, shown on the button. */
  shortcut: string;
  onClick: () => void;
  testId: string;
  autoFocus?: boolean;
  children: ReactNode;
}

/** A page action with its keyboard shortcut on it. */
export function ShortcutButton({ shortcut, onClick, testId, autoFocus, children, ...rest }: ShortcutButtonProps) {
  return (
    <Button
      size="md"
      rightSection={<Kbd size="xs">{shortcut}</Kbd>}
      onClick={onClick}
      autoFocus={autoFocus}
      aria-keyshortcuts={shortcut}
      data-testid={testId}
      {...rest}
    >
      {children}
    </Button>
  );
}
