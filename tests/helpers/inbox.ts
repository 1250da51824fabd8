type Waiter<T> = { resolve: (item: T) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * Messages by recipient, for the catchers: `deliver` files one, `next` takes the oldest unread
 * or waits (bounded) for the next to arrive, `closeAll` fails every waiter.
 */
export function createInbox<T>(what: string) {
  const unread = new Map<string, T[]>();
  const waiters = new Map<string, Waiter<T>[]>();

  return {
    deliver(key: string, item: T): void {
      const waiter = waiters.get(key)?.shift();
      if (waiter) {
        clearTimeout(waiter.timer);
        waiter.resolve(item);
        return;
      }
      const box = unread.get(key) ?? [];
      box.push(item);
      unread.set(key, box);
    },

    next(key: string, timeoutMs: number): Promise<T> {
      const waiting = unread.get(key)?.shift();
      if (waiting) return Promise.resolve(waiting);
      return new Promise<T>((resolve, reject) => {
        const queue = waiters.get(key) ?? [];
        const waiter: Waiter<T> = {
          resolve,
          reject,
          timer: setTimeout(() => {
            const i = queue.indexOf(waiter);
            if (i >= 0) queue.splice(i, 1);
            reject(new Error(`no ${what} to ${key} arrived within ${timeoutMs} ms`));
          }, timeoutMs),
        };
        queue.push(waiter);
        waiters.set(key, queue);
      });
    },

    closeAll(reason: string): void {
      for (const queue of waiters.values()) {
        for (const waiter of queue.splice(0)) {
          clearTimeout(waiter.timer);
          waiter.reject(new Error(reason));
        }
      }
    },
  };
}
