import { Button, Group, Kbd, Stack, Text } from '@mantine/core';
import { IconPrinter, IconReceipt, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { createPortal } from 'react-dom';
import { PageError, PageLoader } from '../../components/PageStates';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { usePeopleNames } from '../../lib/use-people-names';
import { useTRPC } from '../../trpc/client';
import classes from './CashReport.module.css';
import { ReportBody } from './ReportBody';

/**
 * The X report of an open drawer, or the Z report of a closed one (`cashSessions.report`), with
 * Print: only the report goes to paper (a copy at the end of <body>, the one thing the print
 * stylesheet keeps while it is there).
 */
export function CashReport({ sessionId, focusPrint = false }: { sessionId: number; focusPrint?: boolean }) {
  const trpc = useTRPC();
  // An X report is read afresh each time it is shown; a Z report never changes.
  const report = useQuery({ ...trpc.cashSessions.report.queryOptions({ id: sessionId }), refetchOnMount: 'always' });
  const registers = useQuery(trpc.registers.list.queryOptions());
  // On the register's receipt printer, through the print queue: the core prints the same figures.
  const onPrinter = useMutation(
    trpc.printing.printCashSessionReport.mutationOptions({
      onSuccess: () => notifySuccess('The report is on its way to the receipt printer.', 'Report queued'),
      onError: (error) => notifyFailure(error, 'The report was not queued'),
    }),
  );
  const data = report.data;
  const cashierNames = new Map(data?.cashiers.map((c) => [c.user_id, c.name]) ?? []);
  const people = data ? [data.session.opened_by, ...(data.session.closed_by === null ? [] : [data.session.closed_by])] : [];
  const lookUp = usePeopleNames(
    [],
    people.filter((id) => !cashierNames.has(id)),
  );

  if (report.isPending) return <PageLoader label="Reading the drawer's figures…" />;
  if (report.isError)
    return <PageError error={report.error} onRetry={() => void report.refetch()} title="The report could not be loaded" />;

  const { session } = report.data;
  const context = {
    registerName: registers.data?.find((r) => r.id === session.register_id)?.name ?? `Register #${session.register_id}`,
    nameOf: (userId: number) => cashierNames.get(userId) ?? lookUp(userId) ?? `User #${userId}`,
    readAt: new Date(report.dataUpdatedAt),
  };
  const running = session.status === 'open';
  const hasPrinter = registers.data?.find((r) => r.id === session.register_id)?.printer_id != null;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">P</Kbd> prints the report alone
        </Text>
        <Group gap="sm" wrap="nowrap">
          {running ? (
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              onClick={() => void report.refetch()}
              loading={report.isFetching}
              data-testid="report-refresh"
            >
              Refresh
            </Button>
          ) : null}
          {hasPrinter ? (
            <Button
              variant="default"
              leftSection={<IconReceipt size={16} />}
              onClick={() => onPrinter.mutate({ session_id: sessionId })}
              loading={onPrinter.isPending}
              data-testid="report-print-receipt-printer"
            >
              Receipt printer
            </Button>
          ) : null}
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} autoFocus={focusPrint} data-testid="report-print">
            Print
          </Button>
        </Group>
      </Group>
      <ReportBody report={report.data} testIds {...context} />
      {createPortal(
        <div className={classes.printCopy} aria-hidden>
          <ReportBody report={report.data} testIds={false} {...context} />
        </div>,
        document.body,
      )}
    </Stack>
  );
}
