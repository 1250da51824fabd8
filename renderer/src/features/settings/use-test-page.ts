import { useMutation } from '@tanstack/react-query';
import type { PrintJobDto } from '../../../../shared/schemas/printing';
import { notifyFailure, notifySuccess, notifyWarning } from '../../lib/notify';
import { useTRPC, useTRPCClient } from '../../trpc/client';

/** How long the notice waits for the printer before saying the job is still queued. */
const WATCH_MS = 6_000;
const POLL_MS = 400;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Test page button: queues a test page, then follows its job briefly so the notice says
 * what happened: printed, or still queued (or failed) with the printer's error.
 */
export function useTestPage(printerName: (id: number) => string, onSettled: () => Promise<unknown>) {
  const trpc = useTRPC();
  const client = useTRPCClient();

  async function watch(jobId: number): Promise<PrintJobDto> {
    const until = Date.now() + WATCH_MS;
    for (;;) {
      const job = await client.printing.job.query({ id: jobId });
      // A first attempt that failed is news enough: the queue goes on retrying by itself.
      if (job.status !== 'queued' || job.attempts > 0 || Date.now() > until) return job;
      await pause(POLL_MS);
    }
  }

  return useMutation({
    ...trpc.printing.testPage.mutationOptions(),
    onSuccess: async ({ job_id }, { id }) => {
      const job = await watch(job_id);
      if (job.status === 'printed') notifySuccess(`${printerName(id)} printed the test page.`, 'Test page printed');
      else {
        const state = job.status === 'failed' ? 'failed' : 'is still queued and will be tried again';
        notifyWarning(
          `The test page (job #${job.id}) ${state}${job.last_error ? `: ${job.last_error}` : '.'} See Print jobs.`,
          `${printerName(id)} did not print yet`,
        );
      }
      await onSettled();
    },
    onError: (err) => notifyFailure(err, 'Could not print a test page'),
  });
}
