import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PrintJobDto } from '../../../../shared/schemas/printing';
import { useTRPC } from '../../trpc/client';
import type { ReceiptTarget } from './receipt-target';

/** While a job waits, the till looks again this often (ms). */
const FOLLOW_INTERVAL_MS = 1_500;

/**
 * The receipt printer of the register a sale (or refund) was made on: whether there is one,
 * the newest job of this receipt (the till follows it: printed, waiting with an error, failed),
 * printing again on it, and the till's own Retry.
 */
export function useReceiptPrinter(target: ReceiptTarget, registerId: number | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const registers = useQuery(trpc.registers.list.queryOptions());
  const hasPrinter = registerId !== null && registers.data?.find((register) => register.id === registerId)?.printer_id != null;
  const jobsQuery = trpc.printing.receiptJobs.queryOptions(hasPrinter ? { type: target.kind, id: target.id } : skipToken);
  const jobs = useQuery({
    ...jobsQuery,
    refetchInterval: (query) => (query.state.data?.some((job) => job.status === 'queued') ? FOLLOW_INTERVAL_MS : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.printing.receiptJobs.pathKey() });
  const printOrder = useMutation(trpc.printing.printOrderReceipt.mutationOptions({ onSuccess: refresh }));
  const printRefund = useMutation(trpc.printing.printRefundReceipt.mutationOptions({ onSuccess: refresh }));
  const retry = useMutation(trpc.printing.retryJob.mutationOptions({ onSuccess: refresh }));
  const print = target.kind === 'order' ? printOrder : printRefund;
  const latest: PrintJobDto | null = jobs.data?.[0] ?? null;
  return {
    hasPrinter,
    latest,
    print: () => (target.kind === 'order' ? printOrder.mutate({ order_id: target.id }) : printRefund.mutate({ refund_id: target.id })),
    printing: print.isPending,
    printError: print.error,
    retry: (jobId: number) => retry.mutate({ id: jobId }),
    retrying: retry.isPending,
    retryError: retry.error,
  };
}

export type ReceiptPrinter = ReturnType<typeof useReceiptPrinter>;
