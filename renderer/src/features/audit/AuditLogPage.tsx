import { Anchor, Avatar, Button, Card, Code, Collapse, EmptyState, Group, Select, Stack, Table, Text, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarOff, IconChevronDown, IconChevronRight, IconFilterOff, IconHistory, IconRobot } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { fullName, initials } from '../../lib/names';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { useCursorPages } from '../staff/use-cursor-pages';
import { ACTION_FILTERS, type AuditEntry, actorName, changedFields, describeEntry, fieldLabel, formatValue } from './audit-text';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';

const PAGE_SIZE = 50;

const whenFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Entries about": a searchable select over `users.list` (searched on the server as you type). */
function PersonFilter({ actor, value, onChange }: { actor: UserDto; value: UserDto | null; onChange: (user: UserDto | null) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  // While the box shows the chosen person's name, that name is no search.
  const query = value && search === optionLabel(value) ? '' : q;
  const people = useQuery({ ...trpc.users.list.queryOptions({ limit: 50, ...(query ? { q: query } : {}) }), placeholderData: keepPreviousData });
  // A manager reads entries about their workers, never about themself.
  const found = (people.data?.items ?? []).filter((u) => actor.role === 'super_admin' || u.id !== actor.id);
  const options = value && !found.some((u) => u.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      label="Person"
      placeholder={actor.role === 'super_admin' ? 'Anyone' : 'Any of your workers'}
      data={options.map((u) => ({ value: String(u.id), label: optionLabel(u) }))}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(options.find((u) => String(u.id) === id) ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched; the list shows what it found.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'Nobody matches'}
      w={240}
      data-testid="audit-person"
    />
  );
}

function optionLabel(user: UserDto): string {
  return `${fullName(user) || user.username} (${user.username})`;
}

function Diff({ entry, nameOf }: { entry: AuditEntry; nameOf: (id: number) => string | null }) {
  const changes = changedFields(entry);
  return (
    <Table withTableBorder fz="xs" verticalSpacing={4} horizontalSpacing="sm" maw={620} mt={6} data-testid="audit-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="34%">
            Field
          </Table.Th>
          <Table.Th scope="col">Before</Table.Th>
          <Table.Th scope="col">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td>{fieldLabel(change.field)}</Table.Td>
            <Table.Td c="dimmed" td={change.after !== undefined && change.before !== undefined ? 'line-through' : undefined}>
              {formatValue(change.field, change.before, nameOf)}
            </Table.Td>
            <Table.Td fw={500}>{formatValue(change.field, change.after, nameOf)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function EntryRow({ entry, nameOf }: { entry: AuditEntry; nameOf: (id: number) => string | null }) {
  const [open, setOpen] = useState(false);
  const changes = changedFields(entry).length;
  const at = new Date(entry.created_at);
  return (
    <Table.Tr data-testid="audit-row" data-action={entry.action} style={{ verticalAlign: 'top' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Tooltip label={entry.created_at} withArrow openDelay={400}>
          <Text size="sm" component="time" dateTime={entry.created_at}>
            {whenFormat.format(at)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {entry.actor ? (
            <Avatar size={28} radius="xl" color="indigo">
              {initials(entry.actor)}
            </Avatar>
          ) : (
            <ThemeIcon size={28} radius="xl" variant="light" color="gray" aria-hidden>
              <IconRobot size={16} />
            </ThemeIcon>
          )}
          <Text size="sm" truncate>
            {actorName(entry)}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" data-testid="audit-text">
            {describeEntry(entry)}
          </Text>
          <Group gap="sm">
            <Code fz={11}>{entry.action}</Code>
            {changes > 0 ? (
              <Anchor
                component="button"
                type="button"
                size="xs"
                fw={500}
                onClick={() => setOpen((v) => !v)}
                aria-expanded={open}
                data-testid="audit-toggle"
              >
                <Group gap={2} wrap="nowrap">
                  {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                  {open ? 'Hide changes' : changes === 1 ? 'Show 1 change' : `Show ${changes} changes`}
                </Group>
              </Anchor>
            ) : null}
          </Group>
          {changes > 0 ? (
            <Collapse expanded={open}>
              <Diff entry={entry} nameOf={nameOf} />
            </Collapse>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** The audit log: everything for the Super Admin, what concerns their workers for a manager. */
export default function AuditLogPage({ user: actor }: { user: UserDto }) {
  const trpc = useTRPC();
  const isAdmin = actor.role === 'super_admin';
  const [person, setPerson] = useState<UserDto | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const badRange = from !== '' && to !== '' && to < from;

  const client = useTRPCClient();
  const filters = {
    limit: PAGE_SIZE,
    ...(person ? { user_id: person.id } : {}),
    ...(action ? { action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const log = useCursorPages(trpc.audit.list.infiniteQueryKey(filters), (cursor) => client.audit.list.query({ ...filters, cursor }), !badRange);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  // Manager ids in the diffs: the Super Admin's list of managers, a manager's own name.
  const managers = useQuery({ ...trpc.users.list.queryOptions({ role: 'manager', limit: 200 }), enabled: isAdmin });
  const nameOf = (id: number) => {
    if (id === actor.id) return fullName(actor);
    const found = managers.data?.items.find((m) => m.id === id);
    return found ? fullName(found) : null;
  };

  const filtered = person !== null || action !== null || from !== '' || to !== '';
  const clear = () => {
    setPerson(null);
    setAction(null);
    setFrom('');
    setTo('');
  };

  return (
    <div data-testid="audit-page">
      <PageHeader
        title="Audit log"
        description={
          isAdmin
            ? 'Who changed what, and when: accounts, shifts, role policies and set-up. Newest first.'
            : 'What happened to your workers’ accounts and shifts, and who did it. Newest first.'
        }
      />
      <Card p={0}>
        <Group p="md" gap="sm" align="flex-start" wrap="wrap">
          <PersonFilter actor={actor} value={person} onChange={setPerson} />
          <Select
            label="Action"
            placeholder="Any action"
            data={isAdmin ? ACTION_FILTERS : ACTION_FILTERS.map((g) => ({ ...g, items: g.items.filter((i) => !/^(role|setup)\b/.test(i.value) && i.value !== 'user.registered') }))}
            value={action}
            onChange={setAction}
            clearable
            w={240}
            data-testid="audit-action"
          />
          <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} max={to || undefined} w={160} data-testid="audit-from" />
          <TextInput
            label="To"
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            min={from || undefined}
            error={badRange ? 'Before “From”.' : undefined}
            w={160}
            data-testid="audit-to"
          />
          {filtered ? (
            <Button variant="subtle" color="gray" mt={25} leftSection={<IconFilterOff size={16} />} onClick={clear} data-testid="audit-clear">
              Clear filters
            </Button>
          ) : null}
        </Group>
        {badRange ? (
          <EmptyState
            icon={<IconCalendarOff size={28} />}
            withIndicatorBackground
            title="No such date range"
            description="“To” is before “From”: change one of them."
            py="xl"
            data-testid="audit-bad-range"
          />
        ) : log.isPending ? (
          <PageLoader label="Loading the audit log…" />
        ) : log.isError ? (
          <Stack p="md">
            <PageError error={log.error} onRetry={() => void log.refetch()} />
          </Stack>
        ) : entries.length === 0 ? (
          <EmptyState
            icon={<IconHistory size={28} />}
            withIndicatorBackground
            title={filtered ? 'Nothing matches' : 'Nothing logged yet'}
            description={
              filtered
                ? 'Try another person, action or date range.'
                : isAdmin
                  ? 'Changes to accounts, shifts and policies appear here.'
                  : 'Changes to your workers’ accounts and shifts appear here.'
            }
            py="xl"
            data-testid="audit-empty"
          />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="audit-table" style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={210}>
                    When
                  </Table.Th>
                  <Table.Th scope="col" w={200}>
                    Who
                  </Table.Th>
                  <Table.Th scope="col">What</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} nameOf={nameOf} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMoreFooter countLabel={!badRange && log.data && entries.length > 0 ? (entries.length === 1 ? '1 entry' : `${entries.length} entries`) : null} pages={log} testIdPrefix="audit" moreHint="shown, older ones to load" errorText="The older entries could not be loaded. Try again." />
      </Card>
    </div>
  );
}
