import { Badge, Collapse, Group, Paper, Stack, Table, Text, ThemeIcon, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { maskPins } from '../../../../shared/formats';
import { DisclosureToggle } from '../../components/DisclosureToggle';
import { Missing } from '../../components/Missing';
import { Timestamp } from '../../components/Timestamp';
import { shopClockFormat } from '../../lib/dates';
import { pinFromText } from '../password-reset/contact';
import { ago, isPinExpired, OUTBOX_STATUS } from './outbox-text';
import { PinToRelay } from './PinToRelay';
import type { OutboxMessage } from './settings-text';

const whenFormat = () => shopClockFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function Recipient({ message }: { message: OutboxMessage }) {
  const isEmail = message.channel === 'email';
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Tooltip label={isEmail ? 'Email' : 'SMS'} withArrow>
        <ThemeIcon variant="light" color={isEmail ? 'indigo' : 'grape'} size={26} radius="xl" data-testid="outbox-channel">
          {isEmail ? <IconMail size={15} aria-hidden /> : <IconMessage size={15} aria-hidden />}
          <VisuallyHidden>{isEmail ? 'Email' : 'SMS'}</VisuallyHidden>
        </ThemeIcon>
      </Tooltip>
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="outbox-recipient">
          {message.recipient}
        </Text>
        <Text size="xs" c="dimmed" data-testid="outbox-subject">
          {message.subject}
        </Text>
      </Stack>
    </Group>
  );
}

function DeliveryStatus({ message }: { message: OutboxMessage }) {
  const status = OUTBOX_STATUS[message.status];
  return (
    <>
      <Tooltip label={status.hint} withArrow multiline w={240} openDelay={300}>
        <Badge
          color={status.color}
          variant="light"
          radius="sm"
          tt="none"
          fw={600}
          style={{ overflow: 'visible' }}
          data-testid="outbox-status"
        >
          {status.label}
        </Badge>
      </Tooltip>
      {message.sent_at ? (
        <Text size="xs" c="dimmed" mt={4}>
          {whenFormat().format(new Date(message.sent_at))}
        </Text>
      ) : null}
    </>
  );
}

/** The message as written; once it has left, with its PIN hidden. */
function MessageBody({ message }: { message: OutboxMessage }) {
  const waiting = message.status === 'outbox';
  return (
    <Paper withBorder bg="var(--mantine-color-gray-0)" p="sm" mb="sm" data-testid="outbox-body">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {waiting ? message.body : maskPins(message.body)}
      </Text>
      {waiting ? null : (
        <Text size="xs" c="dimmed" mt={6}>
          {message.status === 'pending'
            ? 'The PIN is hidden: this message is on its way to the person who asked.'
            : 'Once a message has left or been given up on, its PIN is no longer kept.'}
        </Text>
      )}
    </Paper>
  );
}

/** One message of the outbox, and below it the message itself, folded away once it has left. */
export function OutboxMessageRow({ message, now }: { message: OutboxMessage; now: number }) {
  const [open, setOpen] = useState(message.status === 'outbox');
  const pin = message.status === 'outbox' ? pinFromText(message.body) : null;
  return (
    <>
      <Table.Tr data-testid="outbox-row" data-status={message.status} data-channel={message.channel} style={{ verticalAlign: 'top' }}>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Timestamp iso={message.created_at} format={whenFormat()} />
          <Text size="xs" c="dimmed">
            {ago(message.created_at, now)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Recipient message={message} />
        </Table.Td>
        <Table.Td>
          <DeliveryStatus message={message} />
        </Table.Td>
        <Table.Td ta="center">
          <Text size="sm">{message.attempts}</Text>
        </Table.Td>
        <Table.Td>
          {message.last_error ? (
            <Tooltip label={message.last_error} withArrow multiline maw={360} openDelay={300}>
              <Text size="xs" c="red.8" lineClamp={3} style={{ overflowWrap: 'anywhere' }} data-testid="outbox-error">
                {message.last_error}
              </Text>
            </Tooltip>
          ) : (
            <Missing />
          )}
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            {pin ? <PinToRelay pin={pin} expired={isPinExpired(message, now)} /> : null}
            <DisclosureToggle open={open} onToggle={() => setOpen((v) => !v)} testId="outbox-toggle">
              {open ? 'Hide message' : 'Show message'}
            </DisclosureToggle>
          </Stack>
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={{ borderTop: 0 }} aria-hidden={!open}>
        <Table.Td colSpan={6} py={0} style={{ borderTop: 0 }}>
          <Collapse expanded={open}>
            <MessageBody message={message} />
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
