import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconPrinter, IconPrinterOff } from '@tabler/icons-react';
import { errorMessageOf } from '../../lib/api-error';
import type { ReceiptPrinter } from './use-receipt-printer';

/**
 * What became of the receipt on the register's printer: sent, printed, or — printer off, out of
 * paper — a clear notice with Retry. The sale is saved whatever the printer does.
 */
export function PrinterNotice({ printer }: { printer: ReceiptPrinter }) {
  const failure = printer.printError ?? printer.retryError;
  if (failure)
    return (
      <Alert
        color="red"
        icon={<IconPrinterOff size={18} />}
        title="Not sent to the printer"
        data-testid="printer-notice"
        data-state="error"
      >
        {errorMessageOf(failure)}
      </Alert>
    );
  const job = printer.latest;
  if (!job) return null;
  if (job.status === 'printed')
    return (
      <Group gap={6} data-testid="printer-notice" data-state="printed">
        <IconPrinter size={16} color="var(--mantine-color-teal-7)" />
        <Text size="sm" c="teal.8">
          Printed on the receipt printer.
        </Text>
      </Group>
    );
  if (job.status === 'queued' && job.last_error === null)
    return (
      <Group gap={6} data-testid="printer-notice" data-state="sending">
        <Loader size={14} />
        <Text size="sm" c="dimmed">
          Sending the receipt to the printer…
        </Text>
      </Group>
    );
  const failed = job.status === 'failed';
  return (
    <Alert
      color={failed ? 'red' : 'orange'}
      icon={<IconPrinterOff size={18} />}
      title={failed ? 'The receipt was not printed' : 'The printer has not printed the receipt yet'}
      data-testid="printer-notice"
      data-state={failed ? 'failed' : 'waiting'}
      maw={460}
    >
      <Text size="sm">
        {job.last_error} The sale is saved{failed ? '.' : '; the printer is tried again by itself.'}
      </Text>
      <Button
        mt="sm"
        size="xs"
        variant="white"
        color={failed ? 'red' : 'orange'}
        onClick={() => printer.retry(job.id)}
        loading={printer.retrying}
        data-testid="printer-retry"
      >
        Retry now
      </Button>
    </Alert>
  );
}
