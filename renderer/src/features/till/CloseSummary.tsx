import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { formatMoney } from '../../lib/money';
import { varianceColor, varianceText } from './till-text';

// The difference may wrap ("Short by" over "€27.00") rather than overflow its box.
const figure: CSSProperties = { fontVariantNumeric: 'tabular-nums', lineHeight: 1.25 };

function Figure({
  label,
  value,
  color,
  testId,
  cents,
}: {
  label: string;
  value: string;
  color?: string;
  testId: string;
  cents: number | null;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={20} fw={700} c={color} style={figure} data-testid={testId} data-cents={cents ?? undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/** Expected, counted and the difference, side by side: what the person confirms before closing. */
export function CloseSummary({ expectedCents, countedCents }: { expectedCents: number | null; countedCents: number | null }) {
  const variance = expectedCents === null || countedCents === null ? null : countedCents - expectedCents;
  return (
    <SimpleGrid cols={3} spacing="sm">
      <Figure
        label="Expected"
        value={expectedCents === null ? '…' : formatMoney(expectedCents)}
        testId="close-expected"
        cents={expectedCents}
      />
      <Figure label="Counted" value={countedCents === null ? '—' : formatMoney(countedCents)} testId="close-counted" cents={countedCents} />
      <Figure
        label="Difference"
        value={variance === null ? '—' : varianceText(variance)}
        color={variance === null ? undefined : varianceColor(variance)}
        testId="close-variance"
        cents={variance}
      />
    </SimpleGrid>
  );
}
