// The audit log's words (renderer/src/features/audit/audit-text.ts): every action the core
// audits has a filter label and its own sentence, not the raw "who: action" fallback.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../shared/permissions';
import { ACTION_FILTERS, actionFiltersFor } from '../../renderer/src/features/audit/audit-filters';
import { describeEntry, type AuditEntry } from '../../renderer/src/features/audit/audit-text';

const CORE = fileURLToPath(new URL('../../electron/core', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `kind.what` literals on the lines that write an audit row (`action: …`, `audit(…)`). */
function auditedActions(): string[] {
  const permissions = new Set<string>(Object.keys(PERMISSIONS));
  const found = new Set<string>();
  for (const file of sourceFiles(CORE)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/\baction\b|\baudit\(/.test(line)) continue;
      for (const [, literal = ''] of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) {
        if (!permissions.has(literal)) found.add(literal);
      }
    }
  }
  // orders-service.ts writes `order.${to}` for its two transitions.
  found.add('order.completed');
  found.add('order.cancelled');
  return [...found].sort();
}

const labelled = new Set(ACTION_FILTERS.flatMap((group) => group.items.map((item) => item.value)));

function entryOf(action: string): AuditEntry {
  return {
    id: 1,
    actor: { id: 2, username: 'maria', first_name: 'Maria', last_name: 'Manning' },
    action,
    target_type: action.startsWith('product.') ? 'product' : action.startsWith('order.') ? 'order' : 'user',
    target_id: 3,
    target_name: 'Carl Cash',
    before: null,
    after: null,
    created_at: '2030-01-15T10:00:00.000Z',
  };
}

describe('audit log labels', () => {
  const actions = auditedActions();

  it('finds the core’s audited actions', () => {
    expect(actions).toContain('user.created');
    expect(actions).toContain('product.stock_adjusted');
    expect(actions.length).toBeGreaterThanOrEqual(30);
  });

  it.each(actions)('%s has a filter label and a sentence of its own', (action) => {
    expect(labelled.has(action), `no ACTION_FILTERS entry for ${action}`).toBe(true);
    expect(describeEntry(entryOf(action))).not.toContain(action);
  });

  it('a manager’s filters hold only what their log can show: their workers’ accounts, shifts and resets', () => {
    const values = actionFiltersFor(false).flatMap((group) => group.items.map((item) => item.value));
    expect(values).toContain('working_time.set');
    expect(values).toContain('password_reset.requested');
    expect(values.filter((v) => /^(product|order|settings|role|setup)\b/.test(v) || v === 'user.registered')).toEqual([]);
  });
});
