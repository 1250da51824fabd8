import { Anchor, Avatar, Code, Collapse, Group, Stack, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import { initials } from '../../lib/names';
import { type AuditEntry, actorName, changedFields, describeEntry, fieldLabel, formatValue } from './audit-text';

const whenFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Field by field, before and after. */
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

/** One audit entry: when, who, what, and its changes folded away. */
export function AuditEntryRow({ entry, nameOf }: { entry: AuditEntry; nameOf: (id: number) => string | null }) {
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
