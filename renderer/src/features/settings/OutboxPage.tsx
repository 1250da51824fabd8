import { ActionIcon, Alert, Anchor, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconMailbox, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ListPage, type ListColumn } from '../../components/ListPage';
import { countLabel } from '../../lib/cursor-pages';
import { useTRPC } from '../../trpc/client';
import { OutboxMessageRow } from './OutboxMessageRow';
import { pinsWaiting } from './outbox-text';

const REFRESH_MS = 10_000;
/** What `notifications.outbox` answers at most: the newest messages. */
const OUTBOX_LIMIT = 100;

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const COLUMNS: ListColumn[] = [
  { label: 'When', width: 130 },
  { label: 'Recipient and subject', minWidth: 170 },
  { label: 'Status', width: 240 },
  { label: 'Attempts', width: 82, align: 'center' },
  { label: 'Last error' },
  { label: 'Message', width: 128 },
];

function WaitingNotice({ waiting }: { waiting: number }) {
  return (
    <Alert color="orange" variant="light" icon={<IconInfoCircle />} mb="lg" data-testid="outbox-waiting">
      {waiting === 1 ? 'One PIN is' : `${waiting} PINs are`} waiting to be passed on by hand. Before you read a PIN out, make sure you are
      talking to the account’s owner. To send PINs automatically, set up mail or SMS in{' '}
      <Anchor component={Link} to="/settings" size="sm" fw={500}>
        Settings
      </Anchor>
      .
    </Alert>
  );
}

/** The outbox and delivery log: only the Super Admin reads it (PINs waiting to be relayed). */
export default function OutboxPage() {
  const trpc = useTRPC();
  const outbox = useQuery({ ...trpc.notifications.outbox.queryOptions(), refetchInterval: REFRESH_MS, staleTime: 0 });
  const messages = outbox.data ?? [];
  const now = outbox.dataUpdatedAt;
  const waiting = pinsWaiting(messages, now);

  return (
    <ListPage
      name="outbox"
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
      notice={waiting > 0 ? <WaitingNotice waiting={waiting} /> : null}
      query={outbox}
      items={messages}
      loadingLabel="Loading the outbox…"
      empty={{
        icon: <IconMailbox size={28} />,
        title: 'The outbox is empty',
        description:
          'When someone asks for a password-reset PIN, the message is listed here with what became of it. If no mail server or SMS gateway is set up in Settings, the message stays here instead: you can read the PIN to the person who asked.',
      }}
      columns={COLUMNS}
      minWidth={900}
      highlightOnHover={false}
      renderRow={(message) => <OutboxMessageRow key={message.id} message={message} now={now} />}
      countLabel={(count) => `${countLabel(count, 'message')}${count >= OUTBOX_LIMIT ? ` (the newest ${OUTBOX_LIMIT})` : ''}`}
    />
  );
}
