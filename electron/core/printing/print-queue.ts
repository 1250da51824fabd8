import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { printers, printJobs } from '../../../db/schema';
import type { ListPrintJobsQuery, PrintJobDto } from '../../../shared/schemas/printing';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import type { Log } from '../notify/notifier';
import { requirePermission } from '../permissions';
import { parsePrinterAddress } from './printer-address';
import { sendToNetworkPrinter } from './network-printer';
import type { SystemPrint } from './system-printer';

type PrintJobRow = typeof printJobs.$inferSelect;
type PrinterRow = typeof printers.$inferSelect;

export interface PrintQueueOptions {
  /** Milliseconds before each retry of a failed job; after the last, the job is `failed`. */
  retryDelaysMs?: readonly number[];
  pollIntervalMs?: number;
  /** How long a network printer has to take a job. */
  sendTimeoutMs?: number;
  /** Send to loopback printers only (the tests: nothing they create may reach another machine). */
  loopbackOnly?: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export interface PrintQueueDeps extends PrintQueueOptions {
  systemPrint: SystemPrint;
  log: Log;
}

export interface NewPrintJob {
  printer: PrinterRow;
  refType: PrintJobRow['refType'];
  refId: number | null;
  /** ESC/POS for a network printer, the page's HTML (UTF-8) for a system printer. */
  payload: Uint8Array;
  createdBy: number | null;
}

const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000];
const DEFAULT_POLL_INTERVAL_MS = 2_000;
const DEFAULT_SEND_TIMEOUT_MS = 5_000;

export const printJobNotFound = () => new DomainError('not_found', 'No PrintJob matches the given query.');

function toPrintJobDto(row: PrintJobRow): PrintJobDto {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id,
    printer_id: row.printerId,
    status: row.status,
    attempts: row.attempts,
    last_error: row.lastError,
    created_at: new Date(row.createdAt).toISOString(),
    ref_type: row.refType,
    ref_id: row.refId,
    next_attempt_at: row.status === 'queued' ? iso(row.nextAttemptAt) : null,
    printed_at: iso(row.printedAt),
  };
}

/**
 * The print queue, like the mail outbox: a job is written (its bytes rendered already) and
 * answered at once; a background pass sends it, retrying with backoff, so a printer that is
 * off never blocks or fails a sale. After the last retry the job is `failed`; a manager can
 * send it again.
 */
export function createPrintQueue(db: Db, deps: PrintQueueDeps) {
  const retryDelaysMs = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sendTimeoutMs = deps.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let passWanted = false;
  let stopped = false;

  async function send(printer: PrinterRow, payload: Buffer): Promise<void> {
    if (printer.deletedAt !== null) throw new Error('The printer was deleted.');
    if (printer.kind === 'network') {
      const endpoint = parsePrinterAddress(printer.address ?? '');
      if (!endpoint) throw new Error(`The printer's address "${printer.address ?? ''}" is not host:port.`);
      if (deps.loopbackOnly && !LOOPBACK_HOSTS.has(endpoint.host))
        throw new Error(`Only loopback printers here: ${endpoint.host} is not one.`);
      await sendToNetworkPrinter(endpoint, payload, sendTimeoutMs);
      return;
    }
    if (printer.kind === 'system') {
      await deps.systemPrint(printer.address ?? '', payload.toString('utf8'));
      return;
    }
    throw new Error('The browser prints its own receipts: nothing is sent to it.');
  }

  async function sendDue(now = Date.now()): Promise<void> {
    const due = db
      .select({ job: printJobs, printer: printers })
      .from(printJobs)
      .innerJoin(printers, eq(printers.id, printJobs.printerId))
      .where(and(eq(printJobs.status, 'queued'), lte(printJobs.nextAttemptAt, now)))
      .orderBy(asc(printJobs.id))
      .limit(20)
      .all();
    for (const { job, printer } of due) {
      // Closing waits for this pass: it ends after the send in flight (at most sendTimeoutMs).
      if (stopped) return;
      const attempts = job.attempts + 1;
      try {
        await send(printer, Buffer.from(job.payload, 'base64'));
        db.update(printJobs)
          .set({ status: 'printed', attempts, lastError: null, nextAttemptAt: null, printedAt: Date.now() })
          .where(eq(printJobs.id, job.id))
          .run();
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const delay = retryDelaysMs[job.attempts];
        db.update(printJobs)
          .set({
            attempts,
            lastError: reason,
            ...(delay === undefined ? { status: 'failed' as const, nextAttemptAt: null } : { nextAttemptAt: Date.now() + delay }),
          })
          .where(eq(printJobs.id, job.id))
          .run();
        deps.log(
          `print job ${job.id} on printer "${printer.name}" failed (attempt ${attempts}): ${reason}${delay === undefined ? '; given up (a manager can retry it)' : `; retrying in ${Math.round(delay / 1000)} s`}`,
        );
      }
    }
  }

  /** Runs a pass now; one asked for during a pass runs right after it. */
  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      passWanted = true;
      return running;
    }
    running = sendDue()
      .catch((error: unknown) => deps.log(`print pass failed: ${String(error)}`))
      .finally(() => {
        running = undefined;
        if (passWanted) {
          passWanted = false;
          void kick();
        }
      });
    return running;
  }

  /** Sends a queued or failed job again now, with a fresh round of retries; a printed one is 409. */
  function retryNow(id: number, now: number): number {
    const row = db.select().from(printJobs).where(eq(printJobs.id, id)).get();
    if (!row) throw printJobNotFound();
    if (row.status === 'printed') throw new DomainError('invalid_state', 'This job was printed already: reprint the receipt instead.');
    db.update(printJobs).set({ status: 'queued', attempts: 0, nextAttemptAt: now }).where(eq(printJobs.id, id)).run();
    void kick();
    return id;
  }

  return {
    /** Writes a queued job and starts sending it; answers its id without waiting for paper. */
    enqueue(job: NewPrintJob, now = Date.now()): number {
      const row = db
        .insert(printJobs)
        .values({
          printerId: job.printer.id,
          refType: job.refType,
          refId: job.refId,
          payload: Buffer.from(job.payload).toString('base64'),
          status: 'queued',
          nextAttemptAt: now,
          createdBy: job.createdBy,
          createdAt: now,
        })
        .returning({ id: printJobs.id })
        .get();
      void kick();
      return row.id;
    },

    /** Has a sale or refund been sent to a printer before (a reprint opens no drawer)? */
    hasJobFor(refType: 'order' | 'refund', refId: number): boolean {
      return (
        db
          .select({ id: printJobs.id })
          .from(printJobs)
          .where(and(eq(printJobs.refType, refType), eq(printJobs.refId, refId)))
          .limit(1)
          .get() !== undefined
      );
    },

    list(actor: Actor, query: ListPrintJobsQuery): PrintJobDto[] {
      requirePermission(actor, 'print_jobs.read');
      return db
        .select()
        .from(printJobs)
        .where(query.status === undefined ? undefined : eq(printJobs.status, query.status))
        .orderBy(desc(printJobs.id))
        .limit(query.limit)
        .all()
        .map(toPrintJobDto);
    },

    get(actor: Actor, id: number): PrintJobDto {
      requirePermission(actor, 'print_jobs.read');
      const row = db.select().from(printJobs).where(eq(printJobs.id, id)).get();
      if (!row) throw printJobNotFound();
      return toPrintJobDto(row);
    },

    /** The jobs of one sale's or refund's receipt, newest first (the caller checks who may read it). */
    jobsFor(refType: 'order' | 'refund', refId: number): PrintJobDto[] {
      return db
        .select()
        .from(printJobs)
        .where(and(eq(printJobs.refType, refType), eq(printJobs.refId, refId)))
        .orderBy(desc(printJobs.id))
        .all()
        .map(toPrintJobDto);
    },

    /** What a job prints, for the caller's read check; undefined when there is no such job. */
    refOf(id: number): { refType: PrintJobRow['refType']; refId: number | null } | undefined {
      return db.select({ refType: printJobs.refType, refId: printJobs.refId }).from(printJobs).where(eq(printJobs.id, id)).get();
    },

    /**
     * Sends a queued or failed job again now, with a fresh round of retries. A printed one is
     * 409: printing it again is a reprint of the receipt.
     */
    retry(actor: Actor, id: number, now = Date.now()): number {
      requirePermission(actor, 'print_jobs.read');
      return retryNow(id, now);
    },

    /** `retry` for a caller who checked the job's receipt is theirs to read (the till's Retry). */
    retryReceiptJob(id: number, now = Date.now()): number {
      return retryNow(id, now);
    },

    kick,

    start(): void {
      timer ??= setInterval(() => void kick(), deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
      timer.unref();
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type PrintQueue = ReturnType<typeof createPrintQueue>;
