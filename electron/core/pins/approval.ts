import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { can, type PermissionAction } from '../../../shared/permissions';
import type { ApprovalInput } from '../../../shared/schemas/pins';
import { recordFailedSignIn } from '../auth/login';
import type { PasswordHasher } from '../auth/password-hasher';
import { DomainError } from '../errors';
import { findUserById, findUserByUsername, roleOfUser } from '../staff/user-queries';

/** Who approved: named in the audit row of the approved action. */
export interface Approver {
  id: number;
  username: string;
}

interface ApprovalDeps {
  db: Db;
  hasher: PasswordHasher;
  policyOf(roleId: number): PasswordPolicy;
}

/** One answer for every failure, so the till does not tell which part was wrong. */
const approvalInvalid = () =>
  new DomainError('approval_invalid', 'This approval is not valid: the username or PIN is wrong, or that user may not approve this.');

/**
 * The consent of someone who may take `action` to a signed-in user who may not (API-SELLING.md,
 * "approvals"). Async (bcrypt in the worker pool): call it before the synchronous transaction
 * of the approved action, and name the approver there. A wrong PIN counts toward the
 * approver's lockout, as a wrong password does; a locked, inactive or deleted approver cannot approve.
 */
export function createApprovalVerifier({ db, hasher, policyOf }: ApprovalDeps) {
  return async function verifyApproval(approval: ApprovalInput, action: PermissionAction, now = Date.now()): Promise<Approver> {
    const found = findUserByUsername(db, approval.username);
    if (!found || found.pinHash === null) {
      // The same bcrypt time as a real check: the answer's delay does not tell who has a PIN.
      await hasher.verifyAgainstNothing(approval.pin);
      throw approvalInvalid();
    }
    const matches = await hasher.verify(approval.pin, found.pinHash);
    // Re-read: the account may have changed while the hash was being checked.
    const approver = findUserById(db, found.id);
    if (!approver || approver.pinHash !== found.pinHash) throw approvalInvalid();
    if (!matches) {
      if (approver.lockedAt === null) recordFailedSignIn(db, policyOf, approver, now);
      throw approvalInvalid();
    }
    if (approver.lockedAt !== null || !approver.isActive || approver.deletedAt !== null || !can(roleOfUser(approver), action)) {
      throw approvalInvalid();
    }
    // The right PIN ends a run of wrong ones, as a sign-in does.
    if (approver.failedAttempts > 0) db.update(users).set({ failedAttempts: 0 }).where(eq(users.id, approver.id)).run();
    return { id: approver.id, username: approver.username };
  };
}

export type VerifyApproval = ReturnType<typeof createApprovalVerifier>;
