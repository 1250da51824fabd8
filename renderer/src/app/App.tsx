import { lazy, Suspense, useState } from 'react';
import { AuthLayout } from '../components/AuthLayout';
import { FullPageLoader, PageError } from '../components/PageStates';
import { pendingRoleOf } from '../features/auth/policies';
import { SignedOutScreens } from '../features/auth/SignedOutScreens';
import { SetupScreen } from '../features/auth/SetupScreen';
import { ForcedChangeScreen } from '../features/auth/ForcedChangeScreen';
import { useAuthState } from '../features/auth/use-auth-state';
import { QuickSwitchScreen } from '../features/quick-switch/QuickSwitchScreen';
import { useTillLock } from '../features/quick-switch/till-lock';
import { ShopSettingsProvider } from './ShopSettingsProvider';

// The signed-in app is its own chunk: the first paint (sign-in) needs none of it.
const AppLayout = lazy(() => import('../features/shell/AppLayout'));

/** The boot decision of `auth.state`: set-up, forced change, sign-in, or the app shell. */
export function App() {
  const state = useAuthState();
  const [lastUsername, setLastUsername] = useState('');
  const [expiredReason, setExpiredReason] = useState<string | null>(null);
  const tillLock = useTillLock();
  const passwordExpired = (username: string, reason: string) => {
    setLastUsername(username);
    setExpiredReason(reason);
  };

  if (state.isPending) return <FullPageLoader />;
  if (state.isError) {
    return (
      <AuthLayout title="Cannot reach ShopDesk" testId="startup-error">
        <PageError title="No answer" error={state.error} onRetry={() => void state.refetch()} />
      </AuthLayout>
    );
  }

  const { initialized, user, pendingPasswordChange } = state.data;
  if (!initialized) return <SetupScreen onCreated={setLastUsername} />;
  if (pendingPasswordChange) {
    return (
      <ForcedChangeScreen username={pendingPasswordChange.username} role={pendingRoleOf(pendingPasswordChange)} reason={expiredReason} />
    );
  }
  // A till handed over or locked when idle: the next person picks themselves and types a PIN.
  if (!user && tillLock) return <QuickSwitchScreen lock={tillLock} onPasswordExpired={passwordExpired} />;
  if (!user) return <SignedOutScreens initialUsername={lastUsername} onPasswordExpired={passwordExpired} />;
  return (
    <ShopSettingsProvider>
      <Suspense fallback={<FullPageLoader />}>
        <AppLayout user={user} onSignedOut={setLastUsername} />
      </Suspense>
    </ShopSettingsProvider>
  );
}
