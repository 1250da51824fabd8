import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs`: running durations ("2 h 14 min") keep up on their own. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
