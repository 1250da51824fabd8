import { useEffect, useRef } from 'react';
import { isTextEntry } from './keyboard';

/** A scanner types far faster than a person: at most this long between two keys of one code. */
export const WEDGE_MAX_GAP_MS = 50;
/** Shorter bursts are people (or a PIN pad), not barcodes. */
export const WEDGE_MIN_LENGTH = 6;

export interface WedgeScan {
  code: string;
  /** Where the digits were typed (they landed there too when it is the search box). */
  target: EventTarget | null;
}

/**
 * A barcode scanner in keyboard-wedge mode, anywhere on the page: a burst of digits, each within
 * {@link WEDGE_MAX_GAP_MS} of the last, ending in Enter. Listens in the capture phase so the
 * Enter that ends a scan never reaches a focused button or form. Text inputs other than
 * `acceptsInput` (the search box) are left alone: there digits are what someone types.
 */
export function useBarcodeWedge(
  onScan: (scan: WedgeScan) => void,
  options: { enabled: boolean; acceptsInput: (element: EventTarget | null) => boolean },
) {
  const latest = useRef({ onScan, ...options });
  latest.current = { onScan, ...options };

  useEffect(() => {
    let buffer = '';
    let last = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      const { enabled, acceptsInput } = latest.current;
      if (!enabled || (isTextEntry(event.target) && !acceptsInput(event.target))) {
        buffer = '';
        return;
      }
      const now = event.timeStamp;
      const modified = event.ctrlKey || event.altKey || event.metaKey;
      if (!modified && event.key.length === 1 && event.key >= '0' && event.key <= '9') {
        buffer = now - last > WEDGE_MAX_GAP_MS ? event.key : buffer + event.key;
        last = now;
        return;
      }
      if (event.key === 'Enter' && !modified && buffer.length >= WEDGE_MIN_LENGTH && now - last <= WEDGE_MAX_GAP_MS * 2) {
        event.preventDefault();
        event.stopPropagation();
        const code = buffer;
        buffer = '';
        latest.current.onScan({ code, target: event.target });
        return;
      }
      // Shift alone does not break a burst (some scanners send it); anything else does.
      if (event.key !== 'Shift') buffer = '';
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
