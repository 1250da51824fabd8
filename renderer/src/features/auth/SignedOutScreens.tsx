import { useState } from 'react';
import { LockedScreen } from './LockedScreen';
import { SignInScreen } from './SignInScreen';

interface SignedOutProps {
  initialUsername: string;
  onPasswordExpired: (username: string, reason: string) => void;
}

/** Sign in, and the Locked screen it leads to (`account_locked`, code 3). */
export function SignedOutScreens({ initialUsername, onPasswordExpired }: SignedOutProps) {
  const [locked, setLocked] = useState<string | null>(null);
  const [username, setUsername] = useState(initialUsername);

  if (locked !== null) {
    return (
      <LockedScreen
        username={locked}
        onBack={() => {
          setUsername(locked);
          setLocked(null);
        }}
      />
    );
  }
  return <SignInScreen key={username} initialUsername={username} onLocked={setLocked} onPasswordExpired={onPasswordExpired} />;
}
