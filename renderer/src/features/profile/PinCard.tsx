import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDialpad, IconDialpadOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isOneOf, MANAGER_ROLES } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { hasPinOf } from '../../lib/pin-state';
import { useTRPC } from '../../trpc/client';
import { SetPinDialog } from './SetPinDialog';

/** "Till PIN" on My profile: set or change one's own PIN, or clear it. */
export function PinCard({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [setting, setSetting] = useState(false);
  const [clearing, setClearing] = useState(false);
  const hasPin = hasPinOf(user);
  const approves = isOneOf(MANAGER_ROLES, user.role);

  const clear = useMutation(
    trpc.users.clearPin.mutationOptions({
      onSuccess: async () => {
        notifySuccess('Your till PIN is cleared: sign in with your password until you set a new one.', 'PIN cleared');
        setClearing(false);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.auth.state.queryKey() }),
        ]);
      },
      onError: (err) => notifyFailure(err, 'Could not clear your PIN'),
    }),
  );

  return (
    <Card data-testid="pin-card" data-has-pin={hasPin}>
      <SetPinDialog opened={setting} onClose={() => setSetting(false)} />
      <ConfirmDialog
        opened={clearing}
        title="Clear your till PIN?"
        confirmLabel="Clear PIN"
        loading={clear.isPending}
        onCancel={() => setClearing(false)}
        onConfirm={() => clear.mutate({ id: user.id })}
      >
        Your PIN stops working at once{approves ? ', for the quick switch and for approvals' : ''}. You can set a new one at any time.
      </ConfirmDialog>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} fz={16}>
            Till PIN
          </Title>
          <Badge color={hasPin ? 'teal' : 'gray'} variant="light" radius="sm" data-testid="pin-state">
            {hasPin ? 'Set' : 'Not set'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          A short code of 4 to 8 digits to switch to your account at the till without your password.
          {approves ? ' Managers also approve with it what a cashier may not do alone, like closing a drawer far off the count.' : ''}
        </Text>
        <Group gap="sm">
          <Button leftSection={<IconDialpad size={16} />} onClick={() => setSetting(true)} data-testid="pin-set">
            {hasPin ? 'Change PIN' : 'Set PIN'}
          </Button>
          {!hasPin ? null : (
            <Button variant="default" leftSection={<IconDialpadOff size={16} />} onClick={() => setClearing(true)} data-testid="pin-clear">
              Clear my PIN
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
