import { Badge, Card, DataList, Group, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconLock, IconReportMoney } from '@tabler/icons-react';
import type { CashSessionDto } from '../../../../shared/schemas/cash';
import { formatMoney } from '../../lib/money';
import { ShortcutButton } from './ShortcutButton';
import { DRAWER_KEYS, formatWhen } from './till-text';

interface OpenDrawerCardProps {
  session: CashSessionDto;
  registerName: string;
  openedBy: string;
  onCashIn: () => void;
  onCashOut: () => void;
  onXReport: () => void;
  onClose: () => void;
}

/** The open drawer at this desk: who opened it, when, its float and the cash it should hold now. */
export function OpenDrawerCard({ session, registerName, openedBy, onCashIn, onCashOut, onXReport, onClose }: OpenDrawerCardProps) {
  return (
    <Card padding="lg" data-testid="till-open-session" data-session-id={session.id}>
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={650} size="lg">
            {registerName}
          </Text>
          <Badge color="teal" variant="light" size="lg">
            Drawer open
          </Badge>
        </Group>
        <Group align="flex-start" justify="space-between" gap="xl">
          <DataList size="sm" labelWidth={130} withDivider miw={320}>
            <DataList.Item>
              <DataList.ItemLabel>Opened by</DataList.ItemLabel>
              <DataList.ItemValue data-testid="till-opened-by">{openedBy}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Opened</DataList.ItemLabel>
              <DataList.ItemValue>{formatWhen(session.opened_at)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Opening float</DataList.ItemLabel>
              <DataList.ItemValue data-testid="till-float">{formatMoney(session.opening_float_cents)}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
          <Stack gap={0} align="flex-end">
            <Text size="sm" c="dimmed">
              Expected in the drawer now
            </Text>
            <Text
              fz={34}
              fw={750}
              style={{ fontVariantNumeric: 'tabular-nums' }}
              data-testid="till-expected"
              data-cents={session.expected_cash_cents}
            >
              {formatMoney(session.expected_cash_cents)}
            </Text>
          </Stack>
        </Group>
        <Group gap="sm">
          <ShortcutButton
            shortcut={DRAWER_KEYS.cashIn}
            variant="default"
            leftSection={<IconArrowDownRight size={18} />}
            onClick={onCashIn}
            testId="till-cash-in"
          >
            Cash in
          </ShortcutButton>
          <ShortcutButton
            shortcut={DRAWER_KEYS.cashOut}
            variant="default"
            leftSection={<IconArrowUpRight size={18} />}
            onClick={onCashOut}
            testId="till-cash-out"
          >
            Cash out
          </ShortcutButton>
          <ShortcutButton
            shortcut={DRAWER_KEYS.xReport}
            variant="default"
            leftSection={<IconReportMoney size={18} />}
            onClick={onXReport}
            testId="till-x-report"
          >
            X report
          </ShortcutButton>
          <ShortcutButton
            shortcut={DRAWER_KEYS.close}
            color="red"
            leftSection={<IconLock size={18} />}
            onClick={onClose}
            testId="till-close"
          >
            Close drawer
          </ShortcutButton>
        </Group>
      </Stack>
    </Card>
  );
}
