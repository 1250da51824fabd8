import { Alert, Badge, Button, Code, FileButton, Group, Modal, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import Papa from 'papaparse';
import { useState } from 'react';
import { todayShopDate } from '../../lib/dates';
import { CSV_COLUMNS, downloadText, parseCatalogCsv, type ParsedImport } from './catalog-csv';
import { useCatalogImport, type ReportLine } from './use-catalog-import';
import { useRefreshCatalog } from './use-refresh-catalog';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };
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
    <Stack gap={0} align="center" p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}>
      <Text fz={26} fw={700} c={color} data-testid={testId}>
        {count.format(value)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function Report({ report, counts, elapsedMs, status, error }: Pick<ReturnType<typeof useCatalogImport>['progress'], 'report' | 'counts' | 'elapsedMs' | 'status' | 'error'>) {
  const problems = report.filter((r) => r.result === 'rejected' || r.result === 'not_sent');
  const [view, setView] = useState<'problems' | 'all'>(problems.length > 0 ? 'problems' : 'all');
  const lines = view === 'problems' ? problems : report;
  const download = () =>
    downloadText(
      Papa.unparse({ fields: ['line', 'sku', 'result', 'reason'], data: report.map((r) => [r.line, r.sku, r.result, r.reason]) }, { escapeFormulae: true, newline: '\r\n' }),
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
          onChange={(v) => setView(v as 'problems' | 'all')}
          data={[
            { value: 'problems', label: `Problems (${count.format(problems.length)})` },
            { value: 'all', label: `All rows (${count.format(report.length)})` },
          ]}
          aria-label="Rows shown"
        />
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={download} data-testid="import-report-download">
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

/**
 * CSV import: choose a file, check it, send it in chunks with a progress bar, then the per-row
 * report. Rows with a known SKU update that product; bad rows are rejected with their reason.
 */
export function ImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const refresh = useRefreshCatalog();
  const { progress, start, stop, reset } = useCatalogImport();
  const [file, setFile] = useState<{ name: string; parsed: ParsedImport } | null>(null);
  const [reading, setReading] = useState(false);
  const running = progress.status === 'running';
  const finished = progress.status !== 'idle' && !running;

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    setReading(true);
    try {
      setFile({ name: chosen.name, parsed: parseCatalogCsv(await chosen.text()) });
    } finally {
      setReading(false);
    }
  };
  const close = () => {
    if (running) return;
    if (finished) void refresh();
    setFile(null);
    reset();
    onClose();
  };
  const begin = async () => {
    if (!file) return;
    await start(file.parsed.rows, file.parsed.rejected);
    void refresh();
  };

  const parsed = file?.parsed;
  const percent = progress.total === 0 ? 100 : (progress.sent / progress.total) * 100;

  return (
    <Modal opened={opened} onClose={close} title="Import products from CSV" size="xl" centered styles={titleStyles} closeOnEscape={!running} closeOnClickOutside={!running} withCloseButton={!running}>
      <Stack gap="md" data-testid="import-dialog">
        {progress.status === 'idle' ? (
          <>
            <Text size="sm">
              The first row names the columns: <Code>{CSV_COLUMNS.join(',')}</Code>. Prices are decimals in the shop currency (<Code>2.49</Code>). A row whose SKU
              exists updates that product, the others are created; an empty stock cell, or a file without the barcode or stock column, keeps what is
              stored (an empty barcode cell removes the barcode).
            </Text>
            <Code block fz="xs">
              {'sku,barcode,name,price,stock\nMILK-1L,4006381333931,Whole milk 1 l,1.19,48\nBREAD-500,,Sourdough bread 500 g,3.50,12'}
            </Code>
            <Group gap="sm">
              <FileButton onChange={(f) => void choose(f)} accept=".csv,text/csv" inputProps={{ 'data-testid': 'import-file' } as object}>
                {(props) => (
                  <Button {...props} variant={file ? 'default' : 'filled'} leftSection={<IconFileSpreadsheet size={18} />} loading={reading} data-autofocus>
                    {file ? 'Choose another file' : 'Choose a CSV file'}
                  </Button>
                )}
              </FileButton>
              {file ? (
                <Text size="sm" fw={500} data-testid="import-file-name">
                  {file.name}
                </Text>
              ) : null}
            </Group>
            {parsed?.fatal ? (
              <Alert color="red" variant="light" role="alert" title="This file cannot be imported">
                {parsed.fatal}
              </Alert>
            ) : parsed ? (
              <Alert color={parsed.rejected.length > 0 ? 'orange' : 'teal'} variant="light" data-testid="import-summary">
                {count.format(parsed.rows.length)} {parsed.rows.length === 1 ? 'row is' : 'rows are'} ready to import
                {parsed.rejected.length > 0 ? `; ${count.format(parsed.rejected.length)} will be rejected (the report says why)` : ''}.
              </Alert>
            ) : null}
          </>
        ) : running ? (
          <Stack gap="xs" py="md">
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                Importing… {count.format(progress.sent)} of {count.format(progress.total)} rows
              </Text>
              <Text size="sm" c="dimmed">
                {Math.floor(percent)}%
              </Text>
            </Group>
            <Progress value={percent} size="lg" striped animated aria-label="Import progress" data-testid="import-progress" data-sent={progress.sent} data-total={progress.total} />
            <Text size="xs" c="dimmed">
              {progress.counts.created + progress.counts.updated} saved, {progress.counts.rejected} rejected so far. Keep this window open.
            </Text>
          </Stack>
        ) : (
          <Report report={progress.report} counts={progress.counts} elapsedMs={progress.elapsedMs} status={progress.status} error={progress.error} />
        )}
        <Group justify="flex-end" gap="sm">
          {running ? (
            <Button variant="default" color="red" onClick={stop} data-testid="import-stop">
              Stop
            </Button>
          ) : finished ? (
            <Button onClick={close} data-testid="import-close">
              Done
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                leftSection={<IconUpload size={18} />}
                disabled={!parsed || parsed.fatal !== null || parsed.rows.length + parsed.rejected.length === 0}
                onClick={() => void begin()}
                data-testid="import-start"
              >
                {parsed && parsed.rows.length > 0 ? `Import ${count.format(parsed.rows.length)} rows` : 'Import'}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
