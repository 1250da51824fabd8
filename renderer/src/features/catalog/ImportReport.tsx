import { Alert, Badge, Button, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload } from '@tabler/icons-react';
import Papa from 'papaparse';
import { useState } from 'react';
import { todayShopDate } from '../../lib/dates';
import { downloadText } from '../../lib/download';
import type { ImportProgress, ReportLine } from './use-catalog-import';

const count = new Intl.NumberFormat();
/** A report table longer than this is a download, not a page. */
const SHOWN_LINES = 200;

const RESULT_BADGE: Record<ReportLine['result'], { color: string; label: string }> = {
  created: { color: 'teal', label: 'Created' },
  updated: { color: 'blue', label: 'Updated' },
  rejected: { color: 'red', label: 'Rejected' },
  not_sent: { color: 'gray', label: 'Not sent' },
};

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function Stat({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  return (
    <Stack
      gap={0}
      align="center"
      p="sm"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Text fz={26} fw={700} c={color} data-testid={testId}>
        {count.format(value)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** After the import: what was created, updated and rejected, row by row. */
export function ImportReport({
  report,
  counts,
  elapsedMs,
  status,
  error,
}: Pick<ImportProgress, 'report' | 'counts' | 'elapsedMs' | 'status' | 'error'>) {
  const problems = report.filter((r) => r.result === 'rejected' || r.result === 'not_sent');
  const [view, setView] = useState<'problems' | 'all'>(problems.length > 0 ? 'problems' : 'all');
  const lines = view === 'problems' ? problems : report;
  const download = () =>
    downloadText(
      Papa.unparse(
        { fields: ['line', 'sku', 'result', 'reason'], data: report.map((r) => [r.line, r.sku, r.result, r.reason]) },
        { escapeFormulae: true, newline: '\r\n' },
      ),
      `product-import-report-${todayShopDate()}.csv`,
    );
  return (
    <Stack gap="md" data-testid="import-report" data-status={status}>
      {status === 'failed' ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The import stopped" role="alert">
          {error} The rows sent before stay imported; import the file again to finish (rows with a known SKU are updated, not doubled).
        </Alert>
      ) : status === 'stopped' ? (
        <Alert color="orange" variant="light" title="Import stopped">
          The rows sent before you stopped are imported; the rest were not sent.
        </Alert>
      ) : (
        <Group gap="xs">
          <ThemeIcon color={counts.rejected > 0 ? 'orange' : 'teal'} radius="xl" size={24} aria-hidden>
            {counts.rejected > 0 ? <IconAlertTriangle size={14} /> : <IconCheck size={14} />}
          </ThemeIcon>
          <Text size="sm">
            Import finished in {seconds(elapsedMs)}.{' '}
            {counts.rejected > 0 ? 'The rejected rows were left out; the others are saved.' : 'Every row was saved.'}
          </Text>
        </Group>
      )}
      <SimpleGrid cols={3} spacing="sm">
        <Stat label="created" value={counts.created} color="teal" testId="import-created" />
        <Stat label="updated" value={counts.updated} color="blue" testId="import-updated" />
        <Stat label="rejected" value={counts.rejected} color={counts.rejected > 0 ? 'red' : 'dimmed'} testId="import-rejected" />
      </SimpleGrid>
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v === 'problems' ? 'problems' : 'all')}
          data={[
            { value: 'problems', label: `Problems (${count.format(problems.length)})` },
            { value: 'all', label: `All rows (${count.format(report.length)})` },
          ]}
          aria-label="Rows shown"
        />
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={download}
          data-testid="import-report-download"
        >
          Download report
        </Button>
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md">
          No problems: nothing was rejected.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480} maxHeight={320}>
          <Table stickyHeader verticalSpacing={6} fz="sm" data-testid="import-report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Line</Table.Th>
                <Table.Th w={140}>SKU</Table.Th>
                <Table.Th w={100}>Result</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.slice(0, SHOWN_LINES).map((r) => (
                <Table.Tr key={r.line} data-testid={`import-line-${r.line}`} data-result={r.result}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={130}>
                      {r.sku || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" radius="sm" color={RESULT_BADGE[r.result].color}>
                      {RESULT_BADGE[r.result].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={r.reason ? undefined : 'dimmed'}>
                      {r.reason || '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {lines.length > SHOWN_LINES ? (
        <Text size="xs" c="dimmed">
          The first {SHOWN_LINES} of {count.format(lines.length)} rows are shown; “Download report” has them all.
        </Text>
      ) : null}
    </Stack>
  );
}
