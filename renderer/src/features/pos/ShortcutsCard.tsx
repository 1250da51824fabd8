import { Card, Group, Kbd, Table, Text } from '@mantine/core';

const SHORTCUTS: [string[], string][] = [
  [['/'], 'Search'],
  [['↑', '↓'], 'Choose a cart line'],
  [['+', '−'], 'Quantity of the line'],
  [['Del'], 'Remove the line'],
  [['%'], 'Discount the line'],
  [['F5'], 'Discount the sale'],
  [['F2'], 'Pay (or Ctrl+Enter)'],
  [['F6', 'F7', 'F8'], 'Cash, card, other'],
  [['F4'], 'Park the sale'],
  [['F3'], 'Parked sales'],
  [['F9'], 'Switch user'],
];

/** The till's keyboard shortcuts, beside the total. */
export function ShortcutsCard() {
  return (
    <Card padding="md">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
        Keyboard
      </Text>
      <Table withRowBorders={false} verticalSpacing={3} fz="sm">
        <Table.Tbody>
          {SHORTCUTS.map(([keys, label]) => (
            <Table.Tr key={label}>
              <Table.Td w={110}>
                <Group gap={4}>
                  {keys.map((key) => (
                    <Kbd key={key} size="xs">
                      {key}
                    </Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td c="dimmed">{label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
