import { useCallback, useRef, useState } from 'react';
import { errorMessageOf } from '../../lib/api-error';
import { useTRPCClient } from '../../trpc/client';
import type { ImportRow, RejectedRow } from './catalog-csv';

/** Rows per `catalog.importRows` call: small enough for a smooth progress bar, far below its 500. */
export const IMPORT_CHUNK = 200;

export interface ReportLine {
  line: number;
  sku: string;
  result: 'created' | 'updated' | 'rejected' | 'not_sent';
  reason: string;
}

export interface ImportProgress {
  status: 'idle' | 'running' | 'done' | 'stopped' | 'failed';
  total: number;
  sent: number;
  report: ReportLine[];
  counts: { created: number; updated: number; rejected: number };
  error: string | null;
  startedAt: number;
  elapsedMs: number;
}

const idle: ImportProgress = {
  status: 'idle',
  total: 0,
  sent: 0,
  report: [],
  counts: { created: 0, updated: 0, rejected: 0 },
  error: null,
  startedAt: 0,
  elapsedMs: 0,
};

/**
 * Sends the parsed rows in chunks, one after the other, and builds the per-row report. The rows
 * refused while reading the file are in the report from the start; "Stop" ends after the chunk
 * in flight, and a failed call stops the import (what was sent stays imported).
 */
export function useCatalogImport() {
  const client = useTRPCClient();
  const [progress, setProgress] = useState<ImportProgress>(idle);
  const stopRequested = useRef(false);

  const start = useCallback(
    async (rows: readonly ImportRow[], rejectedBefore: readonly RejectedRow[]) => {
      stopRequested.current = false;
      const startedAt = performance.now();
      const report: ReportLine[] = rejectedBefore.map((r) => ({ line: r.line, sku: r.sku, result: 'rejected', reason: r.reason }));
      const counts = { created: 0, updated: 0, rejected: rejectedBefore.length };
      const skuOf = new Map(rows.map((r) => [r.line, r.product.sku]));
      const base = { total: rows.length, counts, report, error: null, startedAt };
      setProgress({ ...base, status: 'running', sent: 0, elapsedMs: 0 });
      let sent = 0;
      let ending: { status: ImportProgress['status']; error: string | null } = { status: 'done', error: null };
      while (sent < rows.length) {
        if (stopRequested.current) {
          ending = { status: 'stopped', error: null };
          break;
        }
        const chunk = rows.slice(sent, sent + IMPORT_CHUNK);
        try {
          const results = await client.catalog.importRows.mutate({ rows: chunk.map((r) => ({ line: r.line, product: r.product })) });
          for (const result of results) {
            const sku = skuOf.get(result.line) ?? '';
            if (result.ok) {
              counts[result.action] += 1;
              report.push({ line: result.line, sku, result: result.action, reason: '' });
            } else {
              counts.rejected += 1;
              report.push({ line: result.line, sku, result: 'rejected', reason: result.error });
            }
          }
        } catch (error) {
          ending = { status: 'failed', error: errorMessageOf(error) };
          break;
        }
        sent += chunk.length;
        setProgress({ ...base, status: 'running', sent, elapsedMs: performance.now() - startedAt });
      }
      for (const row of rows.slice(sent))
        report.push({
          line: row.line,
          sku: row.product.sku,
          result: 'not_sent',
          reason: 'Not imported: the import ended before this row.',
        });
      report.sort((a, b) => a.line - b.line);
      setProgress({ ...base, report: [...report], counts: { ...counts }, sent, ...ending, elapsedMs: performance.now() - startedAt });
    },
    [client],
  );

  const stop = useCallback(() => {
    stopRequested.current = true;
  }, []);
  const reset = useCallback(() => setProgress(idle), []);
  return { progress, start, stop, reset };
}
