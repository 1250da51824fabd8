import { authRouter } from './routers/auth';
import { profileRouter } from './routers/profile';
import { rolesRouter } from './routers/roles';
import { router } from './trpc';

/** The one registry of procedures; the renderer imports only its type. */
export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  roles: rolesRouter,
});

export type AppRouter = typeof appRouter;
