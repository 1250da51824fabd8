import { useState } from 'react';
import { centsFromInput, decimalFromCents } from '../../lib/money';
import { countedTotal, hasCounts, type PieceCounts } from './denominations';

interface CountState {
  counts: PieceCounts;
  /** What the total box holds: typed by hand, or written there by the counts. */
  typed: string | number;
}

/** A whole number of pieces from a count box ('' and anything else but 1, 2, 3 … count as none). */
function piecesOf(value: string | number): number {
  const pieces = typeof value === 'number' ? value : Number(value.trim() || '0');
  return Number.isSafeInteger(pieces) && pieces > 0 ? pieces : 0;
}

/**
 * Cash counted two ways: pieces per coin and note, which write the total, or the total typed
 * straight in, which clears the pieces (so the two never disagree).
 */
export function useCashCount() {
  const [state, setState] = useState<CountState>({ counts: {}, typed: '' });
  return {
    counts: state.counts,
    typed: state.typed,
    /** Null while the total is blank or not an amount. */
    totalCents: centsFromInput(state.typed),
    counted: hasCounts(state.counts),
    setPieces(cents: number, value: string | number) {
      setState((previous) => {
        const counts = { ...previous.counts, [cents]: piecesOf(value) };
        return { counts, typed: hasCounts(counts) ? decimalFromCents(countedTotal(counts)) : '' };
      });
    },
    setTyped(value: string | number) {
      setState({ counts: {}, typed: value });
    },
  };
}

export type CashCount = ReturnType<typeof useCashCount>;
