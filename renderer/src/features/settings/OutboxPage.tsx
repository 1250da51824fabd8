import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Card,
  Code,
  Collapse,
  CopyButton,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconCheck,
  IconChevronDown,
  IconChevronRight,
  IconCopy,
  IconInfoCircle,
  IconMail,
  IconMailbox,
  IconMessage,
  IconRefresh,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { useTRPC } from '../../trpc/client';
import { pinFromText } from '../password-reset/contact';
import type { OutboxMessage } from './settings-text';

const REFRESH_MS = 10_000;
/** A PIN lives 10 minutes (docs/contract/API.md, Auth). */
const PIN_LIFETIME_MS = 10 * 60 * 1000;

const whenFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const STATUS: Record<OutboxMessage['status'], { label: string; color: string; hint: string }> = {
  outbox: {
    label: 'Not sent — relay by hand',
    color: 'orange',
    hint: 'No mail server or SMS gateway was set up: pass this message on yourself.',
  },
  pending: { label: 'Pending', color: 'blue', hint: 'Being sent; failed attempts are retried.' },
  sent: { label: 'Sent', color: 'teal', hint: 'Delivered to the mail server or SMS gateway.' },
  failed: { label: 'Failed', color: 'red', hint: 'Every attempt failed; ShopDesk gave up. The person can ask for a new PIN.' },
};

/** Only a message waiting to be relayed by hand shows its PIN; one on its way keeps it hidden. */
function maskPins(text: string): string {
  return text.replace(/(?<!\d)\d{6}(?!\d)/gu, '••••••');
}

function ago(iso: string, now: number): string {
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

function Missing() {
  return (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
}

/** The PIN of a message still waiting to be relayed, large enough to read out, with a copy button. */
function PinToRelay({ pin, expired }: { pin: string; expired: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Code
        fz="md"
        fw={700}
        px={8}
        py={2}
        c={expired ? 'dimmed' : undefined}
        td={expired ? 'line-through' : undefined}
        style={{ letterSpacing: '0.12em' }}
        data-testid="outbox-pin"
      >
        {pin}
      </Code>
      <CopyButton value={pin} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the PIN'} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label="Copy the PIN">
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      {expired ? (
        <Text size="xs" c="dimmed">
          expired
        </Text>
      ) : null}
    </Group>
  );
}

function MessageRow({ message, now }: { message: OutboxMessage; now: number }) {
  const [open, setOpen] = useState(message.status === 'outbox');
  const status = STATUS[message.status];
  const pin = message.status === 'outbox' ? pinFromText(message.body) : null;
  const expired = now - new Date(message.created_at).getTime() > PIN_LIFETIME_MS;
  const isEmail = message.channel === 'email';
  return (
    <>
      <Table.Tr data-testid="outbox-row" data-status={message.status} data-channel={message.channel} style={{ verticalAlign: 'top' }}>
        <Table.Td pl="md" style={{ whiteSpace: 'nowrap' }}>
          <Tooltip label={message.created_at} withArrow openDelay={400}>
            <Text size="sm" component="time" dateTime={message.created_at}>
              {whenFormat.format(new Date(message.created_at))}
            </Text>
          </Tooltip>
          <Text size="xs" c="dimmed">
            {ago(message.created_at, now)}
          </Text>
        </Table.Td>
        <Table.Td>
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
        </Table.Td>
        <Table.Td>
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
              {whenFormat.format(new Date(message.sent_at))}
            </Text>
          ) : null}
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
        <Table.Td pr="md">
          <Stack gap={4} align="flex-start">
            {pin ? <PinToRelay pin={pin} expired={expired} /> : null}
            <Anchor
              component="button"
              type="button"
              size="xs"
              fw={500}
              onClick={() => setOpen((v) => !v)}
              aria-expanded={open}
              data-testid="outbox-toggle"
            >
              <Group gap={2} wrap="nowrap">
                {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                {open ? 'Hide message' : 'Show message'}
              </Group>
            </Anchor>
          </Stack>
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={{ borderTop: 0 }} aria-hidden={!open}>
        <Table.Td colSpan={6} py={0} px="md" style={{ borderTop: 0 }}>
          <Collapse expanded={open}>
            <Paper withBorder bg="var(--mantine-color-gray-0)" p="sm" mb="sm" data-testid="outbox-body">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {message.status === 'outbox' ? message.body : maskPins(message.body)}
              </Text>
              {message.status !== 'outbox' ? (
                <Text size="xs" c="dimmed" mt={6}>
                  {message.status === 'pending'
                    ? 'The PIN is hidden: this message is on its way to the person who asked.'
                    : 'Once a message has left or been given up on, its PIN is no longer kept.'}
                </Text>
              ) : null}
            </Paper>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}

/** The outbox and delivery log: only the Super Admin reads it (PINs waiting to be relayed). */
export default function OutboxPage() {
  const trpc = useTRPC();
  const outbox = useQuery({ ...trpc.notifications.outbox.queryOptions(), refetchInterval: REFRESH_MS, staleTime: 0 });
  const messages = outbox.data ?? [];
  const now = outbox.dataUpdatedAt;
  const waiting = messages.filter((m) => m.status === 'outbox' && now - new Date(m.created_at).getTime() <= PIN_LIFETIME_MS).length;

  return (
    <div data-testid="outbox-page">
      <PageHeader
        title="Outbox"
        description="Messages ShopDesk sends to people — password-reset PINs — and what became of them. Newest first."
        actions={
          outbox.data ? (
            <Group gap="xs">
              <Text size="xs" c="dimmed" data-testid="outbox-updated">
                Updated {clockFormat.format(new Date(outbox.dataUpdatedAt))} · refreshes every 10 s
              </Text>
              <Tooltip label="Refresh now" withArrow>
                <ActionIcon variant="default" onClick={() => void outbox.refetch()} aria-label="Refresh now" data-testid="outbox-refresh">
                  {outbox.isFetching ? <Loader size={14} /> : <IconRefresh size={16} />}
                </ActionIcon>
              </Tooltip>
            </Group>
          ) : null
        }
      />
      {waiting > 0 ? (
        <Alert color="orange" variant="light" icon={<IconInfoCircle />} mb="lg" data-testid="outbox-waiting">
          {waiting === 1 ? 'One PIN is' : `${waiting} PINs are`} waiting to be passed on by hand. Before you read a PIN out, make sure you
          are talking to the account’s owner. To send PINs automatically, set up mail or SMS in{' '}
          <Anchor component={Link} to="/settings" size="sm" fw={500}>
            Settings
          </Anchor>
          .
        </Alert>
      ) : null}
      <Card p={0}>
        {outbox.isPending ? (
          <PageLoader label="Loading the outbox…" />
        ) : outbox.isError ? (
          <Stack p="md">
            <PageError error={outbox.error} onRetry={() => void outbox.refetch()} />
          </Stack>
        ) : messages.length === 0 ? (
          <EmptyState
            icon={<IconMailbox size={28} />}
            withIndicatorBackground
            title="The outbox is empty"
            description={
              <>
                When someone asks for a password-reset PIN, the message is listed here with what became of it. If no mail server or SMS
                gateway is set up in Settings, the message stays here instead: you can read the PIN to the person who asked.
              </>
            }
            py="xl"
            data-testid="outbox-empty"
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="xs" data-testid="outbox-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={130} pl="md">
                    When
                  </Table.Th>
                  <Table.Th scope="col" miw={170}>
                    Recipient and subject
                  </Table.Th>
                  <Table.Th scope="col" w={214}>
                    Status
                  </Table.Th>
                  <Table.Th scope="col" w={82} ta="center">
                    Attempts
                  </Table.Th>
                  <Table.Th scope="col">Last error</Table.Th>
                  <Table.Th scope="col" w={128} pr="md">
                    Message
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.map((message) => (
                  <MessageRow key={message.id} message={message} now={now} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {messages.length > 0 ? (
          <Group p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed" data-testid="outbox-count">
              {messages.length === 1 ? '1 message' : `${messages.length} messages`}
              {messages.length >= 100 ? ' (the newest 100)' : ''}
            </Text>
          </Group>
        ) : null}
      </Card>
    </div>
  );
}
