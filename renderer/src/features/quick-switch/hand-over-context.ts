import { createContext, useContext } from 'react';
import type { HandOver } from './use-hand-over';

/** The shell's one hand-over (AppLayout provides it), so pages start the same one the idle lock does. */
export const HandOverContext = createContext<HandOver | null>(null);

/** Null outside the signed-in shell. */
export function useHandOverContext(): HandOver | null {
  return useContext(HandOverContext);
}
