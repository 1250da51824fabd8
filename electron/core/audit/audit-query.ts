import { aliasedTable, and, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditLog, users } from '../../../db/schema';
import type { AuditEntryDto, ListAuditQuery } from '../../../shared/schemas/audit';
import { addDays, startOfShopDate } from '../../../shared/shop-date';
import type { Actor } from '../actor';
import { decodeCursor, takePage } from '../pagination';
import { requirePermission } from '../permissions';
import { likeLiteral } from '../sql-like';

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export interface AuditQueryDeps {
  /** The shop's `time_zone`, read at each call: `from`/`to` are its dates. */
  timeZone(): string;
}

/**
 * Reading the audit log: the Super Admin reads everything, a manager what concerns their own
 * workers. Newest first, keyset pages.
 */
export function createAuditQuery(db: Db, deps: AuditQueryDeps) {
  const actorUser = aliasedTable(users, 'actor_user');
  const targetUser = aliasedTable(users, 'target_user');

  return {
    list(actor: Actor, query: ListAuditQuery): { items: AuditEntryDto[]; nextCursor: string | null } {
      const reach = requirePermission(actor, 'audit.read');
      const conditions: (SQL | undefined)[] = [];
      // The log's one narrower reach: the entries about the actor's own workers.
      if (reach !== 'any') {
        const workerIds = db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.managerId, actor.user.id))
          .all()
          .map((w) => w.id);
        conditions.push(and(eq(auditLog.targetType, 'user'), inArray(auditLog.targetId, workerIds.length > 0 ? workerIds : [-1])));
      }
      if (query.actor_id) conditions.push(eq(auditLog.actorId, query.actor_id));
      if (query.user_id) conditions.push(and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, query.user_id)));
      // "user" and "user." both mean every user.* action.
      const action = query.action?.replace(/\.$/, '');
      if (action) {
        conditions.push(or(eq(auditLog.action, action), likeLiteral(auditLog.action, '', action, '.%')));
      }
      const timeZone = deps.timeZone();
      if (query.from) conditions.push(gte(auditLog.createdAt, startOfShopDate(query.from, timeZone)));
      if (query.to) conditions.push(lt(auditLog.createdAt, startOfShopDate(addDays(query.to, 1), timeZone)));
      const before = decodeCursor(query.cursor);
      if (before !== null) conditions.push(lt(auditLog.id, before));

      const rows = db
        .select({ entry: auditLog, actor: actorUser, target: targetUser })
        .from(auditLog)
        .leftJoin(actorUser, eq(actorUser.id, auditLog.actorId))
        .leftJoin(targetUser, and(eq(auditLog.targetType, 'user'), eq(targetUser.id, auditLog.targetId)))
        .where(and(...conditions))
        .orderBy(desc(auditLog.id))
        .limit(query.limit + 1)
        .all();
      const { page, nextCursor } = takePage(rows, query.limit, (r) => r.entry.id);
      return {
        items: page.map(({ entry, actor: who, target }) => ({
          id: entry.id,
          actor: who ? { id: who.id, username: who.username, first_name: who.firstName, last_name: who.lastName } : null,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          target_name: target ? `${target.firstName} ${target.lastName}`.trim() || target.username : null,
          before: parseJson(entry.before),
          after: parseJson(entry.after),
          created_at: new Date(entry.createdAt).toISOString(),
        })),
        nextCursor,
      };
    },
  };
}
