import { Select, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PRINT_JOB_STATUSES, type PrintJobStatus } from '../../../../shared/schemas/printing';
import { ClearFiltersButton } from '../../components/ClearFiltersButton';
import { ListPage, type ListColumn } from '../../components/ListPage';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { PrintJobRow } from './PrintJobRow';
import { anyQueued, PRINT_JOB_STATUS_LABELS, printerNameOf } from './print-text';

/** The newest jobs the page shows (the queue keeps every job; older ones matter little). */
const JOB_LIMIT = 100;
/** While a job is still being tried, how often the list looks again. */
const REFRESH_MS = 3_000;

const COLUMNS: ListColumn[] = [
  { label: 'When', minWidth: 150 },
  { label: 'Printer' },
  { label: 'What' },
  { label: 'Status', width: 100 },
  { label: 'Attempts', width: 82, align: 'center' },
  { label: 'Last error', minWidth: 200 },
  { label: '', width: 100 },
];

const STATUS_OPTIONS = PRINT_JOB_STATUSES.map((value) => ({ value, label: PRINT_JOB_STATUS_LABELS[value] }));
const statusOf = (value: string | null): PrintJobStatus | null => PRINT_JOB_STATUSES.find((s) => s === value) ?? null;

/** The print queue for managers: what was sent to which printer and how it went; a stuck job can be retried. */
export default function PrintJobsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<PrintJobStatus | null>(null);
  const filters = { limit: JOB_LIMIT, ...(status === null ? {} : { status }) };
  const jobs = useQuery({
    ...trpc.printing.jobs.queryOptions(filters),
    staleTime: 0,
    // A queued job changes on its own (printed, or failed after its retries): follow it while one is.
    refetchInterval: (query) => (anyQueued(query.state.data) ? REFRESH_MS : false),
  });
  const printers = useQuery(trpc.printing.list.queryOptions());
  const retry = useMutation(
    trpc.printing.retryJob.mutationOptions({
      onSuccess: async () => {
        notifySuccess('The job is sent to its printer again.', 'Retrying');
        await queryClient.invalidateQueries({ queryKey: trpc.printing.jobs.queryKey() });
      },
      onError: (err) => notifyFailure(err, 'Could not retry the job'),
    }),
  );
  const items = jobs.data ?? [];

  return (
    <ListPage
      name="print-jobs"
      title="Print jobs"
      description="Receipts and test pages sent to the shop’s printers, newest first. A printer that is off never holds up a sale: its jobs wait here and are tried again."
      actions={
        anyQueued(jobs.data) ? (
          <Text size="xs" c="dimmed" data-testid="print-jobs-refreshing">
            Jobs are waiting: refreshes every {REFRESH_MS / 1000} s
          </Text>
        ) : null
      }
      filters={
        <>
          <Select
            label="Status"
            placeholder="Any status"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) => setStatus(statusOf(value))}
            clearable
            w={180}
            data-testid="print-jobs-status"
          />
          {status !== null ? <ClearFiltersButton onClick={() => setStatus(null)} /> : null}
        </>
      }
      query={jobs}
      items={items}
      loadingLabel="Loading print jobs…"
      empty={{
        icon: <IconPrinter size={28} />,
        title: status === null ? 'Nothing printed yet' : 'No job has this status',
        description:
          status === null ? 'Receipts sent to a network or desktop printer, and test pages, are listed here.' : 'Try another status.',
      }}
      columns={COLUMNS}
      minWidth={900}
      highlightOnHover={false}
      renderRow={(job) => (
        <PrintJobRow
          key={job.id}
          job={job}
          printerName={printerNameOf(printers.data, job.printer_id)}
          retrying={retry.isPending && retry.variables.id === job.id}
          onRetry={() => retry.mutate({ id: job.id })}
        />
      )}
      countLabel={(count) => (count === 1 ? '1 job' : `${count} jobs`)}
    />
  );
}
