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

/** What the page shows: the cart, a parked sale taken back, or the receipt of the last sale. */
export type PosMode = 'sale' | 'parked' | 'receipt';

interface ShortcutTargets {
  mode: PosMode;
  searchRef: RefObject<HTMLInputElement | null>;
  dispatch: Dispatch<SaleAction>;
  /** Pays the cart, or the parked sale on screen. */
  openPay: () => void;
  park: () => void;
  /** The discount of the selected line (`%`) and of the whole sale (F5). */
  discountLine: () => void;
  discountSale: () => void;
  showParked: () => void;
  /** From a parked sale back to the cart. */
  back: () => void;
  startNewSale: () => void;
  /** Hands the till to the next person. */
  switchUser: () => void;
  focusSearch: () => void;
  /** A dialog has the keyboard. */
  dialogOpen: boolean;
  search: string;
}

const inDialog = (target: EventTarget | null) => target instanceof Element && target.closest('[role="dialog"]') !== null;

/**
 * The till's page shortcuts (the list in ShortcutsCard). The search box handles its own keys
 * while it holds text; a letter typed anywhere else starts a search. Dialogs have their own keys.
 */
export function usePosShortcuts(targets: ShortcutTargets) {
  // One listener for the page's life, reading the latest state.
  const latest = useRef(targets);
  latest.current = targets;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = latest.current;
      if (event.defaultPrevented || state.dialogOpen || inDialog(event.target)) return;
      const ctrl = event.ctrlKey || event.metaKey;
      // F5 is the sale's discount here, on every screen of the till: never a reload of the page.
      if (event.key === 'F5') {
        event.preventDefault();
        if (state.mode === 'sale') state.discountSale();
        return;
      }
      if (event.key === 'F9') {
        event.preventDefault();
        state.switchUser();
        return;
      }
      if (state.mode === 'receipt') {
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
      if (event.key === 'F3') {
        event.preventDefault();
        state.showParked();
        return;
      }
      if (state.mode === 'parked') {
        if (event.key === 'Escape') {
          event.preventDefault();
          state.back();
        }
        return;
      }
      if (event.key === 'F4') {
        event.preventDefault();
        state.park();
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
      if (event.key === '%') {
        event.preventDefault();
        state.discountLine();
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
