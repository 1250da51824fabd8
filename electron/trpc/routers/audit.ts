import { listAuditQuery } from '../../../shared/schemas/audit';
import { authedProcedure, router } from '../trpc';

export const auditRouter = router({
  list: authedProcedure.input(listAuditQuery).query(({ ctx, input }) => ctx.services.audit.list(ctx.actor, input)),
});
