import { Avatar, Code, Collapse, Group, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import { DisclosureToggle } from '../../components/DisclosureToggle';
import { Timestamp } from '../../components/Timestamp';
import { shopClockFormat } from '../../lib/dates';
import { initials } from '../../lib/names';
import { type AuditEntry, actorName, changedFields, fieldLabel, formatValue } from './audit-entry';
import { describeEntry } from './audit-text';

const whenFormat = () =>
  shopClockFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

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
  return (
    <Table.Tr data-testid="audit-row" data-action={entry.action} style={{ verticalAlign: 'top' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Timestamp iso={entry.created_at} format={whenFormat()} />
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
              <DisclosureToggle open={open} onToggle={() => setOpen((v) => !v)} testId="audit-toggle">
                {open ? 'Hide changes' : changes === 1 ? 'Show 1 change' : `Show ${changes} changes`}
              </DisclosureToggle>
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
