import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { cashMovements, cashSessions, registers, type CashSessionRow } from '../../../db/schema';
import { can, reachCovers } from '../../../shared/permissions';
import type {
  CashMovementDto,
  CashMovementInput,
  CashReportDto,
  CashSessionDto,
  CloseCashSessionInput,
  ListCashSessionsQuery,
  OpenCashSessionInput,
} from '../../../shared/schemas/cash';
import { cashReportSchema } from '../../../shared/schemas/cash';
import { addDays, startOfShopDate } from '../../../shared/shop-date';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, invalidField, notFound } from '../errors';
import { decodeCursor, takePage } from '../pagination';
import { requirePermission } from '../permissions';
import { cashReport } from './cash-report';
import { toCashSessionDto } from './cash-session-dto';
import { cashTotals } from './cash-totals';
import type { Approver, VerifyApproval } from '../pins/approval';

export interface CashSessionsDeps {
  /** The shop's `variance_approval_cents`, read at each close. */
  varianceApprovalCents(): number;
  /** The shop's `time_zone`, read at each list: `from`/`to` are its dates. */
  timeZone(): string;
  /** A manager's PIN consent (electron/core/pins/approval.ts). */
  verifyApproval: VerifyApproval;
}

const sessionOpen = () => new DomainError('session_open', 'This register already has an open cash session; close it first.');

/** Two tills racing past the check still meet the partial unique index. */
function isOneOpenPerRegisterViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * A drawer's day on a register: opened with a float, cash moved in and out, closed by counting.
 * Managers see every session; other staff the ones they opened (others' answer 404). A close
 * freezes `expected_cash_cents`, so a closed session and its Z report never change.
 */
export function createCashSessionsService(db: Db, deps: CashSessionsDeps) {
  /** A session within the actor's reach; one out of reach answers 404, as if it did not exist. */
  function loadReachable(tx: DbOrTx, actor: Actor, id: number): CashSessionRow {
    const reach = requirePermission(actor, 'cash_sessions.work');
    const row = tx.select().from(cashSessions).where(eq(cashSessions.id, id)).get();
    if (!row || !reachCovers(reach, row.openedBy === actor.user.id ? 'own' : 'other')) throw notFound('CashSession');
    return row;
  }

  function loadOpen(tx: DbOrTx, actor: Actor, id: number, doing: string): CashSessionRow {
    const row = loadReachable(tx, actor, id);
    if (row.status !== 'open') throw new DomainError('invalid_state', `This cash session is closed; ${doing} needs an open one.`);
    return row;
  }

  /** The close itself, synchronous: the approval (if any) was verified before. */
  function closeCounted(actor: Actor, id: number, input: CloseCashSessionInput, approver: Approver | null, now: number): CashSessionDto {
    return db.transaction((tx) => {
      const session = loadOpen(tx, actor, id, 'closing');
      const expected = cashTotals(tx, session).expected_cents;
      const variance = input.counted_cash_cents - expected;
      const limit = deps.varianceApprovalCents();
      if (Math.abs(variance) > limit && !can(actor.role, 'cash_sessions.close_beyond_variance') && approver === null) {
        throw new DomainError(
          'approval_required',
          `The drawer is ${variance > 0 ? 'over' : 'short'} by more than the shop's limit (${limit} cents); a manager must close it.`,
          { details: [{ expected_cash_cents: expected, variance_cents: variance, variance_approval_cents: limit }] },
        );
      }
      const closed = tx
        .update(cashSessions)
        .set({
          status: 'closed',
          closedBy: actor.user.id,
          closedAt: now,
          countedCashCents: input.counted_cash_cents,
          expectedCashCents: expected,
          varianceCents: variance,
          note: input.note ?? null,
          closeApprovedBy: approver?.id ?? null,
        })
        .where(and(eq(cashSessions.id, session.id), eq(cashSessions.status, 'open')))
        .returning()
        .get();
      if (!closed) throw new DomainError('invalid_state', 'This cash session is closed; closing needs an open one.');
      // Frozen with the close: the Z report is the same forever, whatever is renamed later.
      tx.update(cashSessions)
        .set({ zReport: JSON.stringify(cashReport(tx, closed)) })
        .where(eq(cashSessions.id, closed.id))
        .run();
      recordAudit(tx, {
        actorId: actor.user.id,
        action: 'cash_session.closed',
        targetType: 'cash_session',
        targetId: session.id,
        before: { status: 'open' },
        after: {
          status: 'closed',
          counted_cash_cents: input.counted_cash_cents,
          expected_cash_cents: expected,
          variance_cents: variance,
          // The audit row names both people: the actor, and who approved.
          ...(approver ? { approved_by: approver.id, approved_by_username: approver.username } : {}),
        },
        now,
      });
      return toCashSessionDto(tx, closed);
    });
  }

  function openSession(actor: Actor, input: OpenCashSessionInput, now: number): CashSessionDto {
    return db.transaction((tx) => {
      const register = tx.select({ id: registers.id }).from(registers).where(eq(registers.id, input.register_id)).get();
      if (!register) throw invalidField('register_id', 'No register has this id.');
      const open = tx
        .select({ id: cashSessions.id })
        .from(cashSessions)
        .where(and(eq(cashSessions.registerId, register.id), eq(cashSessions.status, 'open')))
        .get();
      if (open) throw sessionOpen();
      const row = tx
        .insert(cashSessions)
        .values({
          registerId: register.id,
          status: 'open',
          openedBy: actor.user.id,
          openedAt: now,
          openingFloatCents: input.opening_float_cents,
        })
        .returning()
        .get();
      recordAudit(tx, {
        actorId: actor.user.id,
        action: 'cash_session.opened',
        targetType: 'cash_session',
        targetId: row.id,
        after: { register_id: row.registerId, opening_float_cents: row.openingFloatCents },
        now,
      });
      return toCashSessionDto(tx, row);
    });
  }

  return {
    open(actor: Actor, input: OpenCashSessionInput, now = Date.now()): CashSessionDto {
      requirePermission(actor, 'cash_sessions.open');
      try {
        return openSession(actor, input, now);
      } catch (error) {
        if (isOneOpenPerRegisterViolation(error)) throw sessionOpen();
        throw error;
      }
    },

    list(actor: Actor, query: ListCashSessionsQuery): { items: CashSessionDto[]; nextCursor: string | null } {
      const reach = requirePermission(actor, 'cash_sessions.work');
      const after = decodeCursor(query.cursor);
      const timeZone = deps.timeZone();
      const where: (SQL | undefined)[] = [
        reach === 'any' ? undefined : eq(cashSessions.openedBy, actor.user.id),
        query.register_id === undefined ? undefined : eq(cashSessions.registerId, query.register_id),
        query.status === undefined ? undefined : eq(cashSessions.status, query.status),
        query.from === undefined ? undefined : gte(cashSessions.openedAt, startOfShopDate(query.from, timeZone)),
        query.to === undefined ? undefined : lt(cashSessions.openedAt, startOfShopDate(addDays(query.to, 1), timeZone)),
        after === null ? undefined : lt(cashSessions.id, after),
      ];
      const rows = db
        .select()
        .from(cashSessions)
        .where(and(...where))
        .orderBy(desc(cashSessions.id))
        .limit(query.limit + 1)
        .all();
      const { page, nextCursor } = takePage(rows, query.limit, (r) => r.id);
      return { items: page.map((row) => toCashSessionDto(db, row)), nextCursor };
    },

    get(actor: Actor, id: number): CashSessionDto {
      return toCashSessionDto(db, loadReachable(db, actor, id));
    },

    addMovement(actor: Actor, id: number, input: CashMovementInput, now = Date.now()): CashMovementDto {
      return db.transaction((tx) => {
        const session = loadOpen(tx, actor, id, 'moving cash');
        const row = tx
          .insert(cashMovements)
          .values({
            cashSessionId: session.id,
            type: input.type,
            amountCents: input.amount_cents,
            reason: input.reason,
            userId: actor.user.id,
            createdAt: now,
          })
          .returning()
          .get();
        return {
          id: row.id,
          cash_session_id: row.cashSessionId,
          type: row.type,
          amount_cents: row.amountCents,
          reason: row.reason,
          user_id: row.userId,
          created_at: new Date(row.createdAt).toISOString(),
        };
      });
    },

    /**
     * An approval, when sent, is checked (bcrypt, async) before the synchronous transaction, and
     * only once the session is known to be the actor's to close: no approver's PIN is tried for
     * a close that would be refused anyway. A valid approval is recorded even within the limit.
     */
    async close(actor: Actor, id: number, input: CloseCashSessionInput, now = Date.now()): Promise<CashSessionDto> {
      loadOpen(db, actor, id, 'closing');
      const approver = input.approval ? await deps.verifyApproval(input.approval, 'cash_sessions.close_beyond_variance', now) : null;
      return closeCounted(actor, id, input, approver, now);
    },

    report(actor: Actor, id: number): CashReportDto {
      return db.transaction((tx) => {
        const session = loadReachable(tx, actor, id);
        // Sessions closed before the Z report was kept (migration 0003) are summed from their rows.
        return session.zReport === null ? cashReport(tx, session) : cashReportSchema.parse(JSON.parse(session.zReport));
      });
    },
  };
}

export type CashSessionsService = ReturnType<typeof createCashSessionsService>;
