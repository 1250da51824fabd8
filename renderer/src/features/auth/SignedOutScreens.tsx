import { lazy, Suspense, useState } from 'react';
import { FullPageLoader } from '../../components/PageStates';
import { LockedScreen } from './LockedScreen';
import { SignInScreen } from './SignInScreen';

// Its own chunk: most sign-ins never need it.
const PasswordResetScreen = lazy(() => import('../password-reset/PasswordResetScreen'));

interface SignedOutProps {
  initialUsername: string;
  onPasswordExpired: (username: string, reason: string) => void;
}

/**
 * Sign in, the Locked screen it leads to (`account_locked`, code 3), and "Forgot password?"
 * (reachable from both; its Back returns to where it was opened).
 */
export function SignedOutScreens({ initialUsername, onPasswordExpired }: SignedOutProps) {
  const [locked, setLocked] = useState<string | null>(null);
  const [username, setUsername] = useState(initialUsername);
  const [resetting, setResetting] = useState(false);
  const [resetDone, setResetDone] = useState(false);

  if (resetting) {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <PasswordResetScreen
          onBack={() => setResetting(false)}
          backLabel={locked !== null ? 'Back' : 'Back to sign in'}
          onDone={() => {
            if (locked !== null) setUsername(locked);
            setLocked(null);
            setResetting(false);
            setResetDone(true);
          }}
        />
      </Suspense>
    );
  }
  const forgot = () => {
    setResetDone(false);
    setResetting(true);
  };
  if (locked !== null) {
    return (
      <LockedScreen
        username={locked}
        onForgotPassword={forgot}
        onBack={() => {
          setUsername(locked);
          setLocked(null);
        }}
      />
    );
  }
  return (
    <SignInScreen
      key={username}
      initialUsername={username}
      resetDone={resetDone}
      onForgotPassword={forgot}
      onLocked={(name) => {
        setResetDone(false);
        setLocked(name);
      }}
      onPasswordExpired={onPasswordExpired}
    />
  );
}
