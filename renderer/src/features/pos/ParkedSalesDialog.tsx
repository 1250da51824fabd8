import { Alert, Group, Kbd, Loader, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { OrderDto } from '../../../../shared/schemas/orders';
import type { UserDto } from '../../../../shared/schemas/users';
import { formatMoney } from '../../lib/money';
import { fullName } from '../../lib/names';
import { formatWhen, itemCountOf } from '../orders/order-text';
import classes from './Pos.module.css';

interface ParkedSalesDialogProps {
  opened: boolean;
  user: UserDto;
  parked: readonly OrderDto[];
  loading: boolean;
  failed: boolean;
  onResume: (order: OrderDto) => void;
  onClose: () => void;
}

export const parkedBy = (order: OrderDto, user: UserDto) =>
  order.user_id === user.id ? 'You' : order.user ? fullName(order.user) || order.user.username : `User #${order.user_id}`;

/** ↑/↓ move between the rows (each a button: Enter or a click resumes it). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const rows = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-testid="parked-row"]'));
  const index = rows.findIndex((row) => row === document.activeElement);
  const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The open orders that can be taken back at this till: when, who, how much. */
export function ParkedSalesDialog({ opened, user, parked, loading, failed, onResume, onClose }: ParkedSalesDialogProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const firstId = parked[0]?.id;
  useEffect(() => {
    const list = listRef.current;
    if (!opened || firstId === undefined || !list) return;
    // Rows that arrive after the dialog opened (a re-read of the open orders) take the focus: F3 then Enter resumes.
    if (!list.contains(document.activeElement)) list.querySelector<HTMLButtonElement>('[data-testid="parked-row"]')?.focus();
  }, [opened, firstId, loading]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Parked sales"
      size="lg"
      centered
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="sm" data-testid="parked-dialog" onKeyDown={moveFocus} ref={listRef}>
        {failed ? (
          <Alert color="red" variant="light">
            The parked sales could not be loaded. Close this and try again.
          </Alert>
        ) : loading ? (
          <Group justify="center" py="lg">
            <Loader />
          </Group>
        ) : parked.length === 0 ? (
          <Text c="dimmed" py="lg" ta="center" data-testid="parked-empty">
            No parked sales. <Kbd size="xs">F4</Kbd> parks the sale on screen.
          </Text>
        ) : (
          parked.map((order, index) => (
            <UnstyledButton
              key={order.id}
              className={classes.result}
              onClick={() => onResume(order)}
              data-autofocus={index === 0 ? true : undefined}
              data-testid="parked-row"
              data-order-id={order.id}
              style={{ border: '1px solid var(--mantine-color-default-border)' }}
            >
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  #{order.id} · {parkedBy(order, user)}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {formatWhen(order.created_at)} · {itemCountOf(order) === 1 ? '1 item' : `${itemCountOf(order)} items`} ·{' '}
                  {order.items.map((item) => item.name).join(', ')}
                </Text>
              </Stack>
              <Text fw={650} className={classes.money}>
                {formatMoney(order.total_cents)}
              </Text>
            </UnstyledButton>
          ))
        )}
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> choose · <Kbd size="xs">Enter</Kbd> take it back · <Kbd size="xs">Esc</Kbd> close
        </Text>
      </Stack>
    </Modal>
  );
}
