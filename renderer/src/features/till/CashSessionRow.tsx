import { Badge, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { CashSessionDto } from '../../../../shared/schemas/cash';
import { formatMoney } from '../../lib/money';
import { formatWhen, varianceColor, varianceText } from './till-text';

interface CashSessionRowProps {
  session: CashSessionDto;
  registerName: string;
  openedBy: string;
  onOpen: () => void;
}

const money: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/** One drawer session of the list; the whole row opens its report, with the mouse or Enter and Space. */
export function CashSessionRow({ session, registerName, openedBy, onOpen }: CashSessionRowProps) {
  const closed = session.status === 'closed';
  return (
    <Table.Tr
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen();
        }
      }}
      aria-label={`Drawer session ${session.id} on ${registerName}, ${closed ? 'closed' : 'open'}: open its report`}
      data-testid={`cash-session-row-${session.id}`}
      data-status={session.status}
    >
      <Table.Td fw={600}>#{session.id}</Table.Td>
      <Table.Td>{registerName}</Table.Td>
      <Table.Td>
        <Text size="sm" component="time" dateTime={session.opened_at} style={{ whiteSpace: 'nowrap' }}>
          {formatWhen(session.opened_at)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate maw={200}>
          {openedBy}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={money}>
        {formatMoney(session.expected_cash_cents)}
      </Table.Td>
      <Table.Td ta="right" style={money}>
        {session.counted_cash_cents === null ? '—' : formatMoney(session.counted_cash_cents)}
      </Table.Td>
      <Table.Td>
        {session.variance_cents === null ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Text
            size="sm"
            c={varianceColor(session.variance_cents)}
            fw={600}
            style={money}
            data-testid={`cash-session-variance-${session.id}`}
          >
            {varianceText(session.variance_cents)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="dot" color={closed ? 'gray' : 'teal'} radius="sm" tt="none" fw={500} miw={76}>
          {closed ? 'Closed' : 'Open'}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}
