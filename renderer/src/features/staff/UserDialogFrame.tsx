import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };

/** The modal both account forms open in. */
export function UserDialogFrame({
  opened,
  onClose,
  title,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered styles={titleStyles}>
      <div data-testid="user-dialog">{children}</div>
    </Modal>
  );
}
