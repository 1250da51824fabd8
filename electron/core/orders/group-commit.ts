import type { Db } from '../../../db/client';

interface Pending<T, R> {
  job: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

type Outcome<R> = { ok: true; result: R } | { ok: false; error: unknown };

/**
 * Group commit: the jobs that arrive during one turn of the event loop share one transaction,
 * so one fsync answers many sales. Each job is a savepoint of it: a failed job, refused or
 * unexpected, rolls back alone and the rest commit. Nobody is answered before the commit, so
 * an answered sale is on disk.
 */
export function createGroupCommit<T, R>(db: Db, run: (job: T) => R): (job: T) => Promise<R> {
  let queue: Pending<T, R>[] = [];

  function flush(): void {
    const batch = queue;
    queue = [];
    const outcomes: Outcome<R>[] = [];
    try {
      db.transaction(() => {
        for (const { job } of batch) {
          try {
            outcomes.push({ ok: true, result: db.transaction(() => run(job)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined) pending.reject(new Error('group commit outcome missing'));
      else if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
  }

  return (job) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ job, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}
