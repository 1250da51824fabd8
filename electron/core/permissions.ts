import { reachOf, type PermissionAction, type Reach } from '../../shared/permissions';
import type { Actor } from './actor';
import { forbidden } from './errors';

/**
 * The services' one permission check (shared/permissions.ts): 403 `forbidden` unless the
 * actor's role may ever take the action. Answers how far it reaches, for the record checks.
 */
export function requirePermission(actor: Actor, action: PermissionAction, refusal?: string): Reach {
  const reach = reachOf(actor.role, action);
  if (reach === null) throw forbidden(refusal);
  return reach;
}
