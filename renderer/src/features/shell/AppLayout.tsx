import { AppShell, Box, Burger, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDisclosure } from '@mantine/hooks';
import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { isOneOf, STAFF_ROLES } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { landingPath, pagesFor } from '../../app/pages';
import { Brand } from '../../components/Brand';
import { PageLoader } from '../../components/PageStates';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { useShopSettings } from '../../lib/shop-settings';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { HandOverContext } from '../quick-switch/hand-over-context';
import { useHandOver } from '../quick-switch/use-hand-over';
import { useIdleLock } from '../quick-switch/use-idle-lock';
import classes from './AppLayout.module.css';
import { AppNavbar } from './AppNavbar';
import { UserMenu } from './UserMenu';

interface AppLayoutProps {
  user: UserDto;
  onSignedOut: (username: string) => void;
}

/** The signed-in app: header with the user menu, navbar by role, and the pages. */
export default function AppLayout({ user, onSignedOut }: AppLayoutProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [navOpen, nav] = useDisclosure(false);
  const [passwordOpen, passwordDialog] = useDisclosure(false);
  const handOver = useHandOver(user);
  // Only staff work a till; a customer's own sign-in never locks to the switch screen.
  const atTill = isOneOf(STAFF_ROLES, user.role);
  const idleLockMinutes = useShopSettings()?.idle_lock_minutes ?? 0;
  useIdleLock(atTill ? idleLockMinutes : 0, () => void handOver.start('idle'));

  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: async () => {
        void navigate('/', { replace: true });
        onSignedOut(user.username);
        const stateKey = trpc.auth.state.queryKey();
        // Nothing of this user's stays cached for the next one.
        queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(stateKey) });
        // Nor any of their notices on the screen the next person sees.
        notifications.clean();
        notifySuccess('You are signed out.');
        await queryClient.invalidateQueries({ queryKey: stateKey });
      },
      // A sign-in the server already ended comes back through the session-ended handler.
      onError: (error) => notifyFailure(error, 'Could not sign out'),
    }),
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding={0}
      data-testid="app-shell"
    >
      <AppShell.Header>
        <div className={classes.header}>
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Brand />
          </Group>
          <UserMenu
            user={user}
            onChangePassword={passwordDialog.open}
            onLockTill={atTill ? () => void handOver.start('switch') : null}
            onSignOut={() => logout.mutate()}
            signingOut={logout.isPending || handOver.running}
          />
        </div>
      </AppShell.Header>
      <AppNavbar role={user.role} onNavigate={nav.close} />
      <AppShell.Main className={classes.main}>
        <Box maw={1600} py="xl" px={{ base: 'md', md: 'xl' }}>
          <HandOverContext value={handOver}>
            <Suspense fallback={<PageLoader />}>
              <Routes>
                {pagesFor(user.role).map(({ path, component: Page }) => (
                  <Route key={path} path={path} element={<Page user={user} />} />
                ))}
                <Route path="*" element={<Navigate to={landingPath(user.role)} replace />} />
              </Routes>
            </Suspense>
          </HandOverContext>
        </Box>
      </AppShell.Main>
      <ChangePasswordModal opened={passwordOpen} onClose={passwordDialog.close} username={user.username} role={user.role} />
    </AppShell>
  );
}
