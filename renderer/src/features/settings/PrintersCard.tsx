import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconPrinter, IconTestPipe, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PrinterDto } from '../../../../shared/schemas/printing';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageError, PageLoader } from '../../components/PageStates';
import { RowAction } from '../../components/RowAction';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { paperOf, PRINTER_KIND_LABELS, PRINTER_KIND_SHORT } from '../printing/print-text';
import { PrinterDialog } from './PrinterDialog';
import { SettingsHeading } from './SettingsCard';
import { useTestPage } from './use-test-page';

function useRefreshPrinters() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.printing.list.queryKey() }),
      // A deleted printer leaves its registers with none.
      queryClient.invalidateQueries({ queryKey: trpc.registers.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.printing.jobs.queryKey() }),
    ]);
}

function PrinterBadges({ printer }: { printer: PrinterDto }) {
  const badges = [
    printer.auto_print ? { key: 'auto', text: 'Auto print' } : { key: 'auto', text: 'On request', dim: true },
    ...(printer.open_drawer_on_cash ? [{ key: 'drawer', text: 'Opens drawer' }] : []),
    ...(printer.cut ? [{ key: 'cut', text: 'Cuts' }] : []),
  ];
  return (
    <Group gap={4}>
      {badges.map((b) => (
        <Badge
          key={b.key}
          size="sm"
          variant={b.dim ? 'outline' : 'light'}
          color={b.dim ? 'gray' : undefined}
          tt="none"
          data-testid={`printer-badge-${b.key}`}
        >
          {b.text}
        </Badge>
      ))}
    </Group>
  );
}

function PrinterRows({
  printers,
  onEdit,
  onDelete,
}: {
  printers: PrinterDto[];
  onEdit: (p: PrinterDto) => void;
  onDelete: (p: PrinterDto) => void;
}) {
  const refresh = useRefreshPrinters();
  const nameOf = (id: number) => printers.find((p) => p.id === id)?.name ?? `Printer #${id}`;
  const testPage = useTestPage(nameOf, refresh);
  if (printers.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="printers-empty">
        No printer yet: receipts open in the browser’s print dialog. Add a network receipt printer, or one of this computer’s.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="xs" data-testid="printers-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Printer</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Address</Table.Th>
          <Table.Th>Paper</Table.Th>
          <Table.Th>After a sale</Table.Th>
          <Table.Th aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {printers.map((printer) => (
          <Table.Tr key={printer.id} data-testid="printer-row" data-printer-id={printer.id}>
            <Table.Td>
              <Text size="sm" fw={500} data-testid="printer-row-name">
                {printer.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" title={PRINTER_KIND_LABELS[printer.kind]} style={{ whiteSpace: 'nowrap' }}>
                {PRINTER_KIND_SHORT[printer.kind]}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace" data-testid="printer-row-address">
                {printer.address ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {paperOf(printer.width)}
              </Text>
            </Table.Td>
            <Table.Td>
              <PrinterBadges printer={printer} />
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {printer.kind === 'browser' ? null : (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconTestPipe size={14} />}
                    loading={testPage.isPending && testPage.variables.id === printer.id}
                    onClick={() => testPage.mutate({ id: printer.id })}
                    aria-label={`Print a test page on ${printer.name}`}
                    data-testid="printer-test"
                  >
                    Test page
                  </Button>
                )}
                <RowAction
                  tooltip="Edit"
                  label={`Edit ${printer.name}`}
                  icon={<IconPencil size={16} />}
                  onClick={() => onEdit(printer)}
                  testId="printer-edit"
                />
                <RowAction
                  tooltip="Delete"
                  label={`Delete ${printer.name}`}
                  icon={<IconTrash size={16} />}
                  color="red"
                  onClick={() => onDelete(printer)}
                  testId="printer-delete"
                />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The shop's receipt printers (managers): the browser's print dialog, a network printer taking
 * ESC/POS, or one of the desktop's own; per printer the paper, auto print, the drawer and the cut.
 */
export function PrintersCard() {
  const trpc = useTRPC();
  const printers = useQuery(trpc.printing.list.queryOptions());
  const refresh = useRefreshPrinters();
  const [editing, setEditing] = useState<PrinterDto | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<PrinterDto | null>(null);
  const remove = useMutation(
    trpc.printing.remove.mutationOptions({
      onSuccess: async () => {
        notifySuccess(`${deleting?.name ?? 'The printer'} is deleted. Registers that printed on it have none now.`, 'Printer deleted');
        setDeleting(null);
        await refresh();
      },
      onError: (err) => notifyFailure(err, 'Could not delete the printer'),
    }),
  );
  const closeDialog = () => {
    setAdding(false);
    setEditing(null);
  };

  return (
    <Card data-testid="printers-card">
      <Stack gap="md">
        <SettingsHeading
          icon={<IconPrinter size={20} aria-hidden />}
          title="Printers"
          description="Receipt printers. Choose each register’s printer under Registers; a test page shows a printer is reachable."
          status={
            <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setAdding(true)} data-testid="printer-add">
              Add printer
            </Button>
          }
        />
        {printers.isPending ? (
          <PageLoader label="Loading the printers…" />
        ) : printers.isError ? (
          <PageError error={printers.error} onRetry={() => void printers.refetch()} />
        ) : (
          <PrinterRows printers={printers.data} onEdit={setEditing} onDelete={setDeleting} />
        )}
      </Stack>
      <PrinterDialog printer={editing} opened={adding || editing !== null} onClose={closeDialog} refresh={refresh} />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'the printer'}?`}
        confirmLabel="Delete printer"
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
        }}
      >
        Registers that print on it fall back to having no printer. Its print jobs stay in the list.
      </ConfirmDialog>
    </Card>
  );
}
