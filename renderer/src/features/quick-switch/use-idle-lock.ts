import { useEffect, useRef } from 'react';

/** What counts as someone at the till. A scanner types keys too: it counts, as it should. */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** The shop's setting is in minutes; 0 means the till never locks itself. */
export const idleLockDelayMs = (minutes: number): number | null => (minutes > 0 ? minutes * 60_000 : null);

/**
 * Calls `onIdle` once the page has had no input for `minutes` (0 = never), then waits for the
 * next stretch of quiet. Input only notes the time; one timer checks it when it is due, so a
 * moving pointer does not churn timers.
 */
export function useIdleLock(minutes: number, onIdle: () => void) {
  const latest = useRef(onIdle);
  latest.current = onIdle;

  useEffect(() => {
    const delay = idleLockDelayMs(minutes);
    if (delay === null) return;
    let lastInput = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const quiet = Date.now() - lastInput;
      if (quiet >= delay) {
        lastInput = Date.now();
        latest.current();
        timer = setTimeout(check, delay);
      } else {
        timer = setTimeout(check, delay - quiet);
      }
    };
    const onInput = () => {
      lastInput = Date.now();
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    timer = setTimeout(check, delay);
    return () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, [minutes]);
}
