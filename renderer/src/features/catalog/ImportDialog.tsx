import { Button, Group, Modal, Stack } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { parseCatalogCsv } from './catalog-csv';
import { ImportFileStep, type ChosenFile } from './ImportFileStep';
import { ImportReport } from './ImportReport';
import { ImportRunning } from './ImportRunning';
import { useCatalogImport } from './use-catalog-import';
import { useRefreshCatalog } from './use-refresh-catalog';

const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };
const count = new Intl.NumberFormat();

/**
 * CSV import: choose a file, check it, send it in chunks with a progress bar, then the per-row
 * report. Rows with a known SKU update that product; bad rows are rejected with their reason.
 */
export function ImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const refresh = useRefreshCatalog();
  const { progress, start, stop, reset } = useCatalogImport();
  const [file, setFile] = useState<ChosenFile | null>(null);
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

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Import products from CSV"
      size="xl"
      centered
      styles={titleStyles}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
      withCloseButton={!running}
    >
      <Stack gap="md" data-testid="import-dialog">
        {progress.status === 'idle' ? (
          <ImportFileStep file={file} reading={reading} onChoose={(chosen) => void choose(chosen)} />
        ) : running ? (
          <ImportRunning progress={progress} />
        ) : (
          <ImportReport
            report={progress.report}
            counts={progress.counts}
            elapsedMs={progress.elapsedMs}
            status={progress.status}
            error={progress.error}
          />
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
