import { Alert, Badge, Button, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { IconCashRegister, IconClockPause, IconLockOpen, IconUsers } from '@tabler/icons-react';

interface PosHeaderProps {
  /** Null until the registers are known. */
  registerName: string | null;
  drawerOpen: boolean;
  parkedCount: number;
  onOpenDrawer: () => void;
  onShowParked: () => void;
  /** Hands the till to the next person (the sale in progress is parked for its owner). */
  onSwitchUser: (() => void) | null;
  switching: boolean;
}

/**
 * The till's title with the register this desk sells on, the parked sales, and, while the
 * drawer is closed, why nothing can be paid yet and the way to open it.
 */
export function PosHeader({ registerName, drawerOpen, parkedCount, onOpenDrawer, onShowParked, onSwitchUser, switching }: PosHeaderProps) {
  return (
    <Stack gap="sm" mb="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} fz={26}>
            Point of sale
          </Title>
          <Text size="sm" c="dimmed" data-testid="pos-register" data-drawer={drawerOpen ? 'open' : 'closed'}>
            <IconCashRegister size={14} style={{ verticalAlign: -2 }} />{' '}
            {registerName === null ? (
              'Finding this desk’s register…'
            ) : (
              <>
                Selling on{' '}
                <Text span fw={650} c="var(--mantine-color-text)">
                  {registerName}
                </Text>
                {drawerOpen ? ' · drawer open' : ' · drawer closed'} · <Kbd size="xs">F2</Kbd> takes the payment
              </>
            )}
          </Text>
        </Stack>
        <Group gap="sm">
          {onSwitchUser ? (
            <Button
              variant="default"
              leftSection={<IconUsers size={16} />}
              rightSection={<Kbd size="xs">F9</Kbd>}
              onClick={onSwitchUser}
              loading={switching}
              data-testid="switch-user-button"
            >
              Switch user
            </Button>
          ) : null}
          <Button
            variant="default"
            leftSection={<IconClockPause size={16} />}
            rightSection={<Kbd size="xs">F3</Kbd>}
            onClick={onShowParked}
            data-testid="parked-sales-button"
          >
            Parked sales
            {parkedCount > 0 ? (
              <Badge ml={8} size="sm" circle data-testid="parked-count">
                {parkedCount}
              </Badge>
            ) : null}
          </Button>
        </Group>
      </Group>
      {registerName !== null && !drawerOpen ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconLockOpen />}
          title={`The drawer of ${registerName} is not open`}
          data-testid="drawer-closed"
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm">You can build the sale and park it; to take payment, open the drawer with its float.</Text>
            <Button size="xs" onClick={onOpenDrawer} data-testid="pos-open-drawer">
              Open drawer
            </Button>
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
