import { Alert, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCashRegister, IconDeviceDesktopOff, IconInfoCircle, IconKey, IconUserPlus } from '@tabler/icons-react';
import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { AuthLayout } from '../../components/AuthLayout';
import { PageError, PageLoader } from '../../components/PageStates';
import { errorCodeOf } from '../../lib/api-error';
import { useTRPC } from '../../trpc/client';
import { PinPad, type SwitchPerson } from './PinPad';
import { RosterButtons } from './RosterButtons';
import { clearTillLock, type TillLock } from './till-lock';

interface QuickSwitchProps {
  lock: TillLock;
  onPasswordExpired: (username: string, reason: string) => void;
}

function lockNote(lock: TillLock): string {
  const why =
    lock.reason === 'idle' ? `The till locked itself after a while without use; ${lock.name} was signed out.` : `${lock.name} handed over.`;
  const sale =
    lock.sale === 'parked'
      ? ` Their sale in progress is parked for them.`
      : lock.sale === 'kept'
        ? ` Their sale could not be parked: it is kept on this till and comes back when they sign in here.`
        : '';
  return why + sale;
}

/**
 * The till's quick switch: who is on shift, as large buttons; a PIN signs the next person in on
 * the same register (its cash session stays open). Shown while nobody is signed in and the
 * desk's lock flag is set (till-lock.ts).
 */
export function QuickSwitchScreen({ lock, onPasswordExpired }: QuickSwitchProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [person, setPerson] = useState<SwitchPerson | null>(null);
  const [someoneElse, setSomeoneElse] = useState(false);
  const [username, setUsername] = useState('');
  const roster = useQuery({ ...trpc.auth.switchRoster.queryOptions(), staleTime: 0, refetchInterval: 60_000 });
  const stateKey = trpc.auth.state.queryKey();

  const signedIn = async () => {
    void navigate('/pos', { replace: true });
    // Nothing cached from before the lock is the new person's.
    queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(stateKey) });
    await queryClient.invalidateQueries({ queryKey: stateKey });
    // After the state: until it answers, the app must not fall back to Sign in.
    clearTillLock();
  };

  const passwordExpired = async (name: string, reason: string) => {
    onPasswordExpired(name, reason);
    await queryClient.invalidateQueries({ queryKey: stateKey });
    clearTillLock();
  };

  const registerLine = (
    <Group gap={6} data-testid="switch-register">
      <IconCashRegister size={16} />
      <Text size="sm">
        {lock.registerName === null ? 'This desk’s register' : `Selling on ${lock.registerName}`} · its drawer stays as it was
      </Text>
    </Group>
  );

  const passwordButton = (
    <Button variant="subtle" leftSection={<IconKey size={16} />} onClick={clearTillLock} data-testid="switch-password-sign-in">
      Sign in with password
    </Button>
  );

  if (person) {
    return (
      <AuthLayout title="Who is selling?" description={registerLine} width={460} testId="quick-switch-screen">
        <PinPad
          person={person}
          registerId={lock.registerId}
          onBack={() => setPerson(null)}
          onSignedIn={signedIn}
          onPasswordExpired={passwordExpired}
        />
      </AuthLayout>
    );
  }

  const chooseSomeoneElse = (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim();
    if (name !== '') setPerson({ username: name, name });
  };

  const forbidden = roster.isError && errorCodeOf(roster.error) === 'forbidden';
  const inRoster = roster.data?.items.some((entry) => entry.username === lock.username) ?? false;

  return (
    <AuthLayout title="Who is selling?" description={registerLine} width={680} testId="quick-switch-screen">
      <Stack gap="md" data-testid="quick-switch" data-reason={lock.reason}>
        <Alert color="teal" variant="light" icon={<IconInfoCircle />} data-testid="switch-note">
          {lockNote(lock)}
        </Alert>
        {roster.isPending ? (
          <PageLoader label="Finding who is on shift…" />
        ) : forbidden ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconDeviceDesktopOff />}
            title="This device is not trusted for PIN sign-in"
            data-testid="switch-untrusted"
          >
            PINs sign in only at the shop’s own tills. Sign in with your username and password instead.
          </Alert>
        ) : roster.isError ? (
          <PageError title="Could not read who is on shift" error={roster.error} onRetry={() => void roster.refetch()} />
        ) : roster.data.items.length === 0 ? (
          <Text c="dimmed" data-testid="switch-roster-empty">
            Nobody is planned today or clocked in. Use “Someone else” or sign in with your password.
          </Text>
        ) : (
          <RosterButtons items={roster.data.items} onChoose={setPerson} />
        )}
        {!forbidden && !roster.isPending && !inRoster ? (
          <Button
            variant="light"
            size="md"
            onClick={() => setPerson({ username: lock.username, name: lock.name })}
            data-testid="switch-back-to-previous"
          >
            Back to {lock.name}
          </Button>
        ) : null}
        <Divider />
        {someoneElse ? (
          <form onSubmit={chooseSomeoneElse} aria-label="Someone else" data-testid="switch-someone-else-form">
            <Group align="flex-end" gap="sm">
              <TextInput
                label="Username"
                autoComplete="username"
                autoFocus
                value={username}
                onChange={(event) => setUsername(event.currentTarget.value)}
                style={{ flex: 1 }}
                data-testid="switch-username"
              />
              <Button type="submit" disabled={username.trim() === ''} data-testid="switch-username-next">
                Next
              </Button>
            </Group>
          </form>
        ) : null}
        <Group justify="space-between">
          {forbidden || someoneElse ? (
            <span />
          ) : (
            <Button
              variant="default"
              leftSection={<IconUserPlus size={16} />}
              onClick={() => setSomeoneElse(true)}
              data-testid="switch-someone-else"
            >
              Someone else
            </Button>
          )}
          {passwordButton}
        </Group>
      </Stack>
    </AuthLayout>
  );
}
