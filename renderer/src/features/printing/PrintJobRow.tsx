import { Badge, Button, Table, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { PrintJobDto } from '../../../../shared/schemas/printing';
import { formatWhen } from '../till/till-text';
import { PRINT_JOB_STATUS_COLORS, PRINT_JOB_STATUS_LABELS, printJobSubject } from './print-text';

interface PrintJobRowProps {
  job: PrintJobDto;
  printerName: string;
  retrying: boolean;
  onRetry: () => void;
}

/** One print job: where, what, how it went; a job not printed yet can be sent again now. */
export function PrintJobRow({ job, printerName, retrying, onRetry }: PrintJobRowProps) {
  const subject = printJobSubject(job);
  return (
    <Table.Tr data-testid={`print-job-row-${job.id}`} data-status={job.status}>
      <Table.Td>
        <Text size="sm" component="time" dateTime={job.created_at} style={{ whiteSpace: 'nowrap' }}>
          {formatWhen(job.created_at)}
        </Text>
      </Table.Td>
      <Table.Td>{printerName}</Table.Td>
      <Table.Td data-testid="print-job-subject">{subject}</Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" tt="none" color={PRINT_JOB_STATUS_COLORS[job.status]} data-testid="print-job-status">
          {PRINT_JOB_STATUS_LABELS[job.status]}
        </Badge>
      </Table.Td>
      <Table.Td ta="center" data-testid="print-job-attempts">
        {job.attempts}
      </Table.Td>
      <Table.Td>
        {job.last_error ? (
          <Tooltip label={job.last_error} multiline maw={420} withArrow openDelay={300}>
            <Text size="sm" c="red.8" lineClamp={2} data-testid="print-job-error">
              {job.last_error}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {job.status === 'printed' ? null : (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconRefresh size={14} />}
            loading={retrying}
            onClick={onRetry}
            aria-label={`Retry ${subject} on ${printerName}`}
            data-testid="print-job-retry"
          >
            Retry
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
