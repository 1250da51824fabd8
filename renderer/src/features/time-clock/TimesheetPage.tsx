import { Button, Text } from '@mantine/core';
import { IconClockHour4, IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../../../shared/permissions';
import type { TimeEntryDto } from '../../../../shared/schemas/time-entries';
import type { UserDto } from '../../../../shared/schemas/users';
import { ClearFiltersButton } from '../../components/ClearFiltersButton';
import { DateRangeFilter, isBackwardsRange } from '../../components/DateRangeFilter';
import { ListPage, type ListColumn } from '../../components/ListPage';
import { PersonSelect } from '../../components/PersonSelect';
import { countLabel } from '../../lib/cursor-pages';
import { todayShopDate } from '../../lib/dates';
import { downloadText } from '../../lib/download';
import { fullName } from '../../lib/names';
import { notifyFailure } from '../../lib/notify';
import { usePeopleNames } from '../../lib/use-people-names';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { CorrectEntryDialog } from './CorrectEntryDialog';
import { TimesheetRow } from './TimesheetRow';
import { TimesheetTotals } from './TimesheetTotals';
import { dayDifferences } from './worked-by-day';

const COLUMNS: ListColumn[] = [
  { label: 'Date', minWidth: 110 },
  { label: 'Person' },
  { label: 'Planned', minWidth: 150 },
  { label: 'Clock in', minWidth: 100 },
  { label: 'Clock out', minWidth: 130 },
  { label: 'Worked', width: 110, align: 'right' },
  { label: 'Difference', width: 120, align: 'right' },
  { label: '', width: 56 },
];

/** The range the server uses when none is given: this month up to today (docs/api.md, Clock-in). */
const monthStart = (date: string) => `${date.slice(0, 8)}01`;

const personLabel = (u: UserDto) => fullName(u) || u.username;

/**
 * Timesheets: every clock-in of the people one manages (the Super Admin: everyone) over a range
 * of shop dates, against the planned shifts, with totals, corrections and the payroll CSV.
 */
export default function TimesheetPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const today = todayShopDate();
  const [from, setFrom] = useState(() => monthStart(today));
  const [to, setTo] = useState(today);
  const [person, setPerson] = useState<UserDto | null>(null);
  const [correcting, setCorrecting] = useState<TimeEntryDto | null>(null);
  const badRange = isBackwardsRange(from, to);
  // A blank end is today, a blank start the first of the end's month: the server's own defaults.
  const range = { from: from || monthStart(to || today), to: to || today };
  const filters = { ...range, ...(person ? { user_id: person.id } : {}) };

  const list = useQuery({ ...trpc.timeClock.list.queryOptions(filters), enabled: !badRange, placeholderData: keepPreviousData });
  const entries = list.data ?? [];
  const names = usePeopleNames(
    person ? [user, person] : [user],
    entries.map((e) => e.user_id),
  );
  const nameOf = (id: number) => names(id) ?? `User #${id}`;
  const differences = dayDifferences(entries);
  const mayCorrect = can(user.role, 'time_entries.correct');

  const exportCsv = useMutation({
    mutationFn: () => client.timeClock.exportCsv.query(filters),
    onSuccess: ({ csv }) => downloadText(csv, `timesheet-${range.from}-to-${range.to}${person ? `-${person.username}` : ''}.csv`),
    onError: (error) => notifyFailure(error, 'The timesheet could not be exported'),
  });

  const filtered = person !== null || from !== monthStart(today) || to !== today;
  const clear = () => {
    setPerson(null);
    setFrom(monthStart(today));
    setTo(today);
  };

  return (
    <ListPage
      name="timesheet"
      title="Timesheets"
      description="Who clocked in when, against the planned shifts. Correct a forgotten clock-out with a reason; export the range for payroll."
      actions={
        <Button
          variant="default"
          leftSection={<IconDownload size={18} />}
          onClick={() => exportCsv.mutate()}
          loading={exportCsv.isPending}
          disabled={badRange}
          data-testid="timesheet-export"
        >
          Export CSV
        </Button>
      }
      filters={
        <>
          <DateRangeFilter from={from} to={to} onFromChange={setFrom} onToChange={setTo} testIdPrefix="timesheet" />
          <PersonSelect
            label="Person"
            placeholder="Everyone"
            value={person}
            onChange={setPerson}
            optionLabel={personLabel}
            // One's own entries are not on one's timesheet (a manager's are corrected by the Super Admin).
            hidden={(u) => u.id === user.id || u.role === 'customer'}
            testId="timesheet-person"
          />
          {filtered ? <ClearFiltersButton onClick={clear} /> : null}
        </>
      }
      query={list}
      items={entries}
      loadingLabel="Loading the timesheet…"
      empty={{
        icon: <IconClockHour4 size={28} />,
        title: filtered ? 'No clock-ins match' : 'No clock-ins this month yet',
        description: filtered ? 'Try other dates or another person.' : 'Entries appear here as your team clocks in at the till.',
      }}
      blocked={
        badRange ? (
          <Text p="md" size="sm" c="dimmed" data-testid="timesheet-blocked">
            The range ends before it starts: pick a “To” on or after “From”.
          </Text>
        ) : undefined
      }
      columns={COLUMNS}
      minWidth={900}
      highlightOnHover={false}
      renderRow={(entry) => (
        <TimesheetRow
          key={entry.id}
          entry={entry}
          personName={nameOf(entry.user_id)}
          difference={differences.byEntry.get(entry.id)}
          moreThatDay={differences.notLast.has(entry.id)}
          onCorrect={mayCorrect ? () => setCorrecting(entry) : null}
        />
      )}
      countLabel={(count) => countLabel(count, 'entry', 'entries')}
    >
      {!badRange && entries.length > 0 ? <TimesheetTotals entries={entries} nameOf={nameOf} /> : null}
      <CorrectEntryDialog
        entry={correcting}
        personName={correcting ? nameOf(correcting.user_id) : ''}
        onClose={() => setCorrecting(null)}
      />
    </ListPage>
  );
}
