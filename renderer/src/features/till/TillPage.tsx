import { Alert, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCashRegister, IconCircleCheck, IconLockOpen } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../../../shared/permissions';
import type { CashSessionDto } from '../../../../shared/schemas/cash';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { errorCodeOf } from '../../lib/api-error';
import { usePeopleNames } from '../../lib/use-people-names';
import { useTRPC } from '../../trpc/client';
import { ClockCard } from '../time-clock/ClockCard';
import { CashMovementDialog, type MovementType } from './CashMovementDialog';
import { CashReport } from './CashReport';
import { CashReportModal } from './CashReportModal';
import { CloseDrawerDialog } from './CloseDrawerDialog';
import { useDeskRegister } from './desk-register';
import { OpenDrawerCard } from './OpenDrawerCard';
import { OpenDrawerDialog } from './OpenDrawerDialog';
import { ShortcutButton } from './ShortcutButton';
import { DRAWER_KEYS } from './till-text';

type Dialog = 'open' | MovementType | 'x-report' | 'close';

/** The Z report of the drawer just closed here, until the person is done with it. */
function ClosedReport({ session, onDone }: { session: CashSessionDto; onDone: () => void }) {
  return (
    <Card padding="lg" data-testid="till-z-report">
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Drawer closed">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">The drawer session is closed; its Z report below is final. Print it for the day&apos;s records.</Text>
            <Button variant="white" size="xs" onClick={onDone} data-testid="till-z-done">
              Done
            </Button>
          </Group>
        </Alert>
        <CashReport sessionId={session.id} focusPrint />
      </Stack>
    </Card>
  );
}

/**
 * The cash drawer of this desk's register: open it with a float, move cash in and out, read the
 * X report and close it with a count, which shows the Z report. Every action has a letter key.
 */
export default function TillPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const desk = useDeskRegister();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [justClosed, setJustClosed] = useState<CashSessionDto | null>(null);
  const session = useQuery({
    ...trpc.cashSessions.get.queryOptions({ id: desk.openSessionId ?? 0 }),
    enabled: desk.openSessionId !== null,
    refetchOnMount: 'always',
  });
  // A session closed since the registers were read (here or at another desk) is no open drawer.
  const closedMeanwhile = session.data?.id === desk.openSessionId && session.data?.status === 'closed';
  const sessionId = closedMeanwhile ? null : desk.openSessionId;
  const openSession = sessionId !== null && session.data?.id === sessionId ? session.data : null;
  const nameOf = usePeopleNames([user], openSession ? [openSession.opened_by] : []);
  const register = desk.register;

  const act = (next: Dialog, allowed: boolean) => () => {
    if (dialog === null && allowed) setDialog(next);
  };
  const drawerShut = register !== null && sessionId === null;
  useHotkeys([
    [DRAWER_KEYS.open, act('open', drawerShut)],
    [DRAWER_KEYS.cashIn, act('in', openSession !== null)],
    [DRAWER_KEYS.cashOut, act('out', openSession !== null)],
    [DRAWER_KEYS.xReport, act('x-report', openSession !== null)],
    [DRAWER_KEYS.close, act('close', openSession !== null)],
  ]);

  const header = (
    <PageHeader
      title="Cash drawer"
      description="The drawer of this desk: open it with a float, move cash in or out, read the X report, and close it with a count."
      actions={
        desk.registers.length > 0 ? (
          <Select
            label="This desk sells on"
            data={desk.registers.map((r) => ({ value: String(r.id), label: r.is_default ? `${r.name} (default)` : r.name }))}
            value={register ? String(register.id) : null}
            onChange={(value) => {
              if (value !== null) desk.choose(Number(value));
            }}
            allowDeselect={false}
            w={240}
            data-testid="till-register"
          />
        ) : null
      }
    />
  );

  if (!desk.loaded) {
    return (
      <div data-testid="till-page">
        {header}
        <PageLoader label="Loading the registers…" />
      </div>
    );
  }

  return (
    <div data-testid="till-page" data-state={sessionId === null ? 'closed' : 'open'}>
      {header}
      <Stack gap="lg">
        {can(user.role, 'time_clock.use') ? <ClockCard /> : null}
        {justClosed ? <ClosedReport session={justClosed} onDone={() => setJustClosed(null)} /> : null}
        {register === null ? (
          <Alert color="orange" variant="light" title="No register">
            The shop has no register yet. A manager adds one under Settings.
          </Alert>
        ) : sessionId === null ? (
          <Card padding="lg" data-testid="till-closed">
            <Group justify="space-between" wrap="wrap" gap="md">
              <Group gap="md" wrap="nowrap">
                <IconLockOpen size={32} stroke={1.5} />
                <Stack gap={2}>
                  <Text fw={650} size="lg">
                    The drawer of {register.name} is closed
                  </Text>
                  <Text size="sm" c="dimmed">
                    Open it with the float you put in before selling on this register.
                  </Text>
                </Stack>
              </Group>
              <ShortcutButton
                shortcut={DRAWER_KEYS.open}
                leftSection={<IconCashRegister size={18} />}
                onClick={() => setDialog('open')}
                autoFocus={justClosed === null}
                testId="till-open"
              >
                Open drawer
              </ShortcutButton>
            </Group>
          </Card>
        ) : session.isPending ? (
          <PageLoader label="Reading the drawer…" />
        ) : session.isError ? (
          errorCodeOf(session.error) === 'not_found' ? (
            <Alert color="blue" variant="light" title={`The drawer of ${register.name} is open`} data-testid="till-others-session">
              Someone else opened it: sales here go into their drawer. Only they or a manager can move cash, read its report or close it.
            </Alert>
          ) : (
            <PageError error={session.error} onRetry={() => void session.refetch()} title="The drawer could not be read" />
          )
        ) : openSession ? (
          <OpenDrawerCard
            session={openSession}
            registerName={register.name}
            openedBy={openSession.opened_by === user.id ? 'You' : (nameOf(openSession.opened_by) ?? `User #${openSession.opened_by}`)}
            onCashIn={() => setDialog('in')}
            onCashOut={() => setDialog('out')}
            onXReport={() => setDialog('x-report')}
            onClose={() => setDialog('close')}
          />
        ) : null}
      </Stack>

      {register ? (
        <OpenDrawerDialog
          opened={dialog === 'open'}
          onClose={() => setDialog(null)}
          registerId={register.id}
          registerName={register.name}
          onOpened={() => setJustClosed(null)}
        />
      ) : null}
      {openSession && register ? (
        <>
          <CashMovementDialog
            type={dialog === 'in' || dialog === 'out' ? dialog : null}
            sessionId={openSession.id}
            registerName={register.name}
            onClose={() => setDialog(null)}
          />
          <CloseDrawerDialog
            opened={dialog === 'close'}
            sessionId={openSession.id}
            registerName={register.name}
            mayCloseBeyondLimit={can(user.role, 'cash_sessions.close_beyond_variance')}
            actor={user}
            onClose={() => setDialog(null)}
            onClosed={setJustClosed}
          />
        </>
      ) : null}
      <CashReportModal sessionId={dialog === 'x-report' && openSession ? openSession.id : null} onClose={() => setDialog(null)} />
    </div>
  );
}
