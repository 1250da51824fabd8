import { lazy, Suspense, useState } from 'react';
import { AuthLayout } from '../components/AuthLayout';
import { FullPageLoader, PageError } from '../components/PageStates';
import { pendingRoleOf } from '../features/auth/policies';
import { SignedOutScreens } from '../features/auth/SignedOutScreens';
import { SetupScreen } from '../features/auth/SetupScreen';
import { ForcedChangeScreen } from '../features/auth/ForcedChangeScreen';
import { useAuthState } from '../features/auth/use-auth-state';
import { ShopSettingsProvider } from './ShopSettingsProvider';

// The signed-in app is its own chunk: the first paint (sign-in) needs none of it.
const AppLayout = lazy(() => import('../features/shell/AppLayout'));

/** The boot decision of `auth.state`: set-up, forced change, sign-in, or the app shell. */
export function App() {
  const state = useAuthState();
  const [lastUsername, setLastUsername] = useState('');
  const [expiredReason, setExpiredReason] = useState<string | null>(null);

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
  if (!user) {
    return (
      <SignedOutScreens
        initialUsername={lastUsername}
        onPasswordExpired={(username, reason) => {
          setLastUsername(username);
          setExpiredReason(reason);
        }}
      />
    );
  }
  return (
    <ShopSettingsProvider>
      <Suspense fallback={<FullPageLoader />}>
        <AppLayout user={user} onSignedOut={setLastUsername} />
      </Suspense>
    </ShopSettingsProvider>
  );
}
