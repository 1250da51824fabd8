// One prepared statement per combination of filters: prepared on first use, then reused.
import { describe, expect, it } from 'vitest';
import { statementsByShape } from '../../electron/core/statements-by-shape';

describe('statementsByShape', () => {
  it('prepares each combination once and gives it back for the same filters', () => {
    const prepared: string[] = [];
    const statementFor = statementsByShape((shape: { q: boolean; after: boolean }) => {
      const sql = `select${shape.q ? ' q' : ''}${shape.after ? ' after' : ''}`;
      prepared.push(sql);
      return { sql };
    });
    const first = statementFor({ q: true, after: false });
    expect(statementFor({ after: false, q: true })).toBe(first);
    expect(statementFor({ q: false, after: false })).not.toBe(first);
    statementFor({ q: true, after: true });
    statementFor({ q: false, after: false });
    expect(prepared).toEqual(['select q', 'select', 'select q after']);
  });
});
