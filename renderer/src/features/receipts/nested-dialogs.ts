import { createContext, useCallback, useContext, useEffect, useState } from 'react';

/**
 * Mantine's dialogs each shut on Esc from a window listener, so one Esc in a dialog opened from
 * another (the receipt over the order's drawer, the e-mail over the receipt) would shut them
 * all. The outer one counts the dialogs open above it and keeps Esc for them meanwhile.
 */
export const NestedDialogsContext = createContext<((delta: number) => void) | null>(null);

/** For the outer dialog: give `register` to the context, and `closeOnEscape` to the dialog. */
export function useNestedDialogs() {
  const [open, setOpen] = useState(0);
  const register = useCallback((delta: number) => setOpen((count) => count + delta), []);
  return { closeOnEscape: open === 0, register };
}

/** For a dialog that may be opened from another: tells it while this one is open. */
export function useOpenAboveOthers(opened: boolean): void {
  const register = useContext(NestedDialogsContext);
  useEffect(() => {
    if (!opened || !register) return;
    register(1);
    return () => register(-1);
  }, [opened, register]);
}
