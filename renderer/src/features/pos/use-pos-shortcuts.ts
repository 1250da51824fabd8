import { useEffect, useRef, type Dispatch, type RefObject } from 'react';
import type { SaleAction } from './cart';
import { isTextEntry } from './keyboard';

/** Keys that act on the selected cart line. */
const CART_KEYS: Partial<Record<string, SaleAction>> = {
  ArrowDown: { type: 'move', by: 1 },
  ArrowUp: { type: 'move', by: -1 },
  '+': { type: 'step', by: 1 },
  '-': { type: 'step', by: -1 },
  Delete: { type: 'remove' },
};

interface ShortcutTargets {
  searchRef: RefObject<HTMLInputElement | null>;
  dispatch: Dispatch<SaleAction>;
  openPay: () => void;
  startNewSale: () => void;
  focusSearch: () => void;
  /** On the receipt, Enter starts the next sale and nothing else applies. */
  showingReceipt: boolean;
  /** A dialog has the keyboard. */
  dialogOpen: boolean;
  search: string;
}

/**
 * The till's page shortcuts (the list in ShortcutsCard). The search box handles its own keys
 * while it holds text; a letter typed anywhere else starts a search.
 */
export function usePosShortcuts(targets: ShortcutTargets) {
  // One listener for the page's life, reading the latest state.
  const latest = useRef(targets);
  latest.current = targets;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = latest.current;
      if (event.defaultPrevented || state.dialogOpen) return;
      const ctrl = event.ctrlKey || event.metaKey;
      if (state.showingReceipt) {
        if (event.key === 'Enter' && !ctrl && !(event.target instanceof HTMLButtonElement)) {
          event.preventDefault();
          state.startNewSale();
        }
        return;
      }
      if (event.key === 'F2' || (event.key === 'Enter' && ctrl)) {
        event.preventDefault();
        state.openPay();
        return;
      }
      const inSearch = event.target === state.searchRef.current;
      const typing = isTextEntry(event.target) && !(inSearch && state.search === '');
      if (typing || ctrl || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        state.focusSearch();
        return;
      }
      const action = CART_KEYS[event.key];
      if (action) {
        state.dispatch(action);
        event.preventDefault();
        return;
      }
      if (!inSearch && !isTextEntry(event.target) && /^\p{L}$/u.test(event.key)) state.focusSearch();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
