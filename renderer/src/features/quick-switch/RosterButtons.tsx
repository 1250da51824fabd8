import { Avatar, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { SwitchRosterEntry } from '../../../../shared/schemas/pins';
import { RoleBadge } from '../../components/RoleBadge';
import { fullName, initials } from '../../lib/names';
import type { SwitchPerson } from './PinPad';
import { shiftTextOf } from './roster-text';

interface RosterButtonsProps {
  items: SwitchRosterEntry[];
  onChoose: (person: SwitchPerson) => void;
}

/** The people on shift, as large buttons; someone without a PIN is shown, but cannot be chosen. */
export function RosterButtons({ items, onChoose }: RosterButtonsProps) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" data-testid="switch-roster">
      {items.map((entry) => (
        <UnstyledButton
          key={entry.id}
          disabled={!entry.has_pin}
          onClick={() => onChoose({ username: entry.username, name: fullName(entry) })}
          data-testid={`switch-person-${entry.username}`}
          data-has-pin={entry.has_pin}
          aria-label={entry.has_pin ? `Sign in as ${fullName(entry)}` : `${fullName(entry)}: no PIN yet`}
          p="md"
          mih={92}
          style={{
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-md)',
            opacity: entry.has_pin ? 1 : 0.55,
            cursor: entry.has_pin ? 'pointer' : 'not-allowed',
          }}
        >
          <Group gap="md" wrap="nowrap" align="flex-start">
            <Avatar color="teal" radius="xl" size={48}>
              {initials(entry)}
            </Avatar>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text fw={700} size="lg" lh={1.2} truncate>
                {fullName(entry)}
              </Text>
              <Group gap={6}>
                <RoleBadge role={entry.role} size="sm" />
              </Group>
              <Text size="sm" c="dimmed" data-testid="switch-person-shift">
                {entry.has_pin ? shiftTextOf(entry) : 'No PIN yet — sign in with your password'}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
