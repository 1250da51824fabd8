// A manager's day in the back office: they add a cashier on Staff (the temporary password's
// checklist ticks as it is typed, a taken username is refused under the field), plan the
// cashier's week on Shifts (a day shift, an overnight one, totals; equal times refused), copy the
// week onto the next one; then the cashier signs in, replaces the temporary password and finds
// their manager and shifts on My profile.
import type { Page } from '@playwright/test';
import { createOwner, createUser, expect, ownerToken, replaceTemporaryPassword, saveScreenshot, signInUi, test } from './fixtures';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'mia', first_name: 'Mia', last_name: 'Manager', password: 'Mia-plans-4417' };
const CASHIER = { username: 'cora', first_name: 'Cora', last_name: 'Cashier', temporary: 'cora-temp-82!', password: 'cora-till-59' };

/** A shop date: `YYYY-MM-DD` in this machine's time zone, as the app and the server use. */
function localDate(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

function addDays(from: string, days: number): string {
  const [y = 0, m = 1, d = 1] = from.split('-').map(Number);
  return localDate(new Date(y, m - 1, d + days));
}

/** Monday of the week holding `date`. */
function mondayOf(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return addDays(date, -((new Date(y, m - 1, d).getDay() + 6) % 7));
}

/** How My profile names a day ("Tue, Nov 24", perhaps with a Today badge after it). */
function dayLabel(date: string): RegExp {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const label = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(y, m - 1, d));
  return new RegExp(`^${label}(?!\\d)`);
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveCount(0);
}

/** Opens a planner cell, types the times and saves; the editor must close on success. */
async function setShift(page: Page, cell: string, start: string, end: string, preview: RegExp): Promise<void> {
  await page.getByTestId(cell).click();
  const editor = page.getByTestId('shift-editor');
  await expect(editor).toBeVisible();
  await editor.getByTestId('shift-start').fill(start);
  await editor.getByTestId('shift-end').fill(end);
  await expect(editor.getByTestId('shift-preview')).toHaveText(preview);
  await editor.getByTestId('shift-save').click();
  await expect(editor).toHaveCount(0);
}

test('a manager adds a cashier and plans their week; the cashier finds manager and shifts on My profile', async ({
  page,
  shop,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  await createUser(request, shop, token, { ...MANAGER, password: 'Temp-Manager-1!', role: 'manager' });
  await replaceTemporaryPassword(request, shop, MANAGER.username, 'Temp-Manager-1!', MANAGER.password);

  // The days to plan: in the displayed (current) week, upcoming ones first.
  const now = localDate(new Date());
  const monday = mondayOf(now);
  const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const [dayShift, nightShift, refused] = [
    ...week.filter((d) => d > now),
    ...week.filter((d) => d === now),
    ...week.filter((d) => d < now),
  ] as [string, string, string];
  expect(new Set([dayShift, nightShift, refused]).size).toBe(3);

  // The manager signs in and opens Staff: no workers yet.
  await page.goto(shop.url);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('Mia Manager');
  await page.getByTestId('nav-staff').click();
  const staff = page.getByTestId('staff-page');
  await expect(staff).toBeVisible();
  await expect(page.getByTestId('staff-empty')).toContainText('No workers yet');
  await expect(page.getByTestId('staff-create')).toHaveText('Add worker');

  // Add worker: the manager is fixed to themself; the checklist ticks as the password is typed.
  await page.getByTestId('staff-create').click();
  const dialog = page.getByTestId('user-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Add a worker' })).toBeVisible();
  await dialog.getByTestId('user-username').fill(CASHIER.username);
  await dialog.getByTestId('user-first-name').fill(CASHIER.first_name);
  await dialog.getByTestId('user-last-name').fill(CASHIER.last_name);
  await dialog.getByTestId('user-role').click();
  await page.getByRole('option', { name: 'Cashier', exact: true }).click();
  await expect(dialog.getByTestId('user-role')).toHaveValue('Cashier');
  await expect(dialog.getByTestId('user-manager')).toHaveValue('Mia Manager (you)');
  const checklist = dialog.getByTestId('password-checklist');
  const rule = (key: string) => checklist.getByTestId(`rule-${key}`);
  await expect(rule('length')).toHaveText(/At least 6 characters\./);
  await expect(rule('upper'), 'cashiers need no upper-case letter').toHaveCount(0);
  for (const key of ['length', 'lower', 'number', 'special']) await expect(rule(key)).toHaveAttribute('data-ok', 'false');
  const password = dialog.getByTestId('user-password');
  await password.pressSequentially('cora');
  await expect(rule('lower')).toHaveAttribute('data-ok', 'true');
  await expect(rule('length')).toHaveAttribute('data-ok', 'false');
  await password.pressSequentially('-temp');
  await expect(rule('special')).toHaveAttribute('data-ok', 'true');
  await expect(rule('length')).toHaveAttribute('data-ok', 'true');
  await expect(rule('number')).toHaveAttribute('data-ok', 'false');
  await password.pressSequentially('-82!');
  expect(await password.inputValue()).toBe(CASHIER.temporary);
  for (const key of ['length', 'lower', 'number', 'special']) await expect(rule(key)).toHaveAttribute('data-ok', 'true');
  await saveScreenshot(page, testInfo, '01-add-worker-filled');

  await dialog.getByTestId('user-dialog-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Account created')).toBeVisible();
  await expect(page.getByText(`Cora Cashier signs in as “${CASHIER.username}” and must change the temporary password then.`)).toBeVisible();
  const row = page.getByTestId(`staff-row-${CASHIER.username}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Cora Cashier');
  await expect(row).toContainText('Cashier');
  await expect(page.getByTestId(`staff-manager-${CASHIER.username}`)).toHaveText('Mia Manager (you)');
  await expect(page.getByTestId('staff-count')).toHaveText('1 account');
  await saveScreenshot(page, testInfo, '02-worker-created');

  // The same username again: the server's message under Username, nothing created.
  await page.getByTestId('staff-create').click();
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('user-username').fill(CASHIER.username);
  await dialog.getByTestId('user-first-name').fill('Corey');
  await dialog.getByTestId('user-last-name').fill('Copy');
  await dialog.getByTestId('user-password').fill('corey-temp-31!');
  await dialog.getByTestId('user-dialog-submit').click();
  await expect(dialog.getByText('A user with that username already exists.')).toBeVisible();
  await expect(dialog.getByTestId('user-username')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  await saveScreenshot(page, testInfo, '03-duplicate-username');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-testid^="staff-row-"]')).toHaveCount(1);
  await expect(page.getByTestId('staff-count')).toHaveText('1 account');

  // Shifts, this week: a day shift and an overnight one.
  await page.getByTestId('nav-shifts').click();
  await expect(page.getByTestId('shift-planner')).toBeVisible();
  await expect(page.getByTestId(`planner-row-${CASHIER.username}`)).toBeVisible();
  for (const day of week) await expect(page.getByTestId(`day-total-${day}`)).toHaveText('–');
  const cell = (day: string) => `shift-cell-${CASHIER.username}-${day}`;
  await setShift(page, cell(dayShift), '09:00', '17:00', /^8 h$/);
  await expect(page.getByTestId(cell(dayShift))).toContainText('09:00–17:00');
  await expect(page.getByTestId(cell(dayShift))).toContainText('8 h');
  await setShift(page, cell(nightShift), '22:00', '06:00', /^8 h ·\s+ends the next day$/);
  const night = page.getByTestId(cell(nightShift));
  await expect(night).toContainText('22:00–06:00');
  await expect(night).toContainText('+1');
  await expect(night.getByTestId('shift-overnight')).toBeVisible();
  await expect(page.getByTestId(cell(dayShift)).getByTestId('shift-overnight')).toHaveCount(0);

  // Totals: 16 h for the worker, 8 h on each of the two days, nothing elsewhere.
  await expect(page.getByTestId(`total-${CASHIER.username}`)).toHaveText('16 h');
  for (const day of week)
    await expect(page.getByTestId(`day-total-${day}`)).toHaveText(day === dayShift || day === nightShift ? '8 h' : '–');
  await expect(page.getByTestId('week-total')).toHaveText('16 h');
  await expect(page.getByTestId('week-summary')).toHaveText('1 worker · 2 shifts · 16 h');
  await saveScreenshot(page, testInfo, '04-week-planned');

  // Equal start and end: the server's message under End, nothing saved.
  await page.getByTestId(cell(refused)).click();
  const editor = page.getByTestId('shift-editor');
  await expect(editor).toBeVisible();
  await editor.getByTestId('shift-start').fill('10:00');
  await editor.getByTestId('shift-end').fill('10:00');
  const answered = page.waitForResponse((r) => r.url().includes('/trpc/shifts.set'), { timeout: 10_000 });
  await editor.getByTestId('shift-save').click();
  expect((await answered).status()).toBe(400);
  await expect(editor.getByText('The end time must differ from the start time.')).toBeVisible();
  await expect(editor.getByTestId('shift-end')).toHaveAttribute('aria-invalid', 'true');
  await saveScreenshot(page, testInfo, '05-equal-times-refused');
  await editor.getByTestId('shift-cancel').click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByTestId(cell(refused))).toHaveAttribute('data-filled', 'false');
  await expect(page.getByTestId(`day-total-${refused}`)).toHaveText('–');
  await expect(page.getByTestId(`total-${CASHIER.username}`)).toHaveText('16 h');
  const listed = await request.get(`${shop.api}/users?q=${CASHIER.username}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(listed.status()).toBe(200);
  const cashierId = ((await listed.json()) as { id: number; username: string }[]).find((u) => u.username === CASHIER.username)?.id;
  expect(cashierId, 'the cashier exists').toBeDefined();
  const saved = await request.get(`${shop.api}/users/${cashierId}/working-times?from=${monday}&to=${addDays(monday, 13)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(saved.status()).toBe(200);
  expect(
    ((await saved.json()) as { date: string; start_time: string; end_time: string }[])
      .map((s) => `${s.date} ${s.start_time}-${s.end_time}`)
      .sort(),
  ).toEqual([`${dayShift} 09:00-17:00`, `${nightShift} 22:00-06:00`].sort());

  // Next week: empty; "Copy previous week" brings this week's two shifts over.
  await page.getByTestId('week-next').click();
  const nextMonday = addDays(monday, 7);
  const next = (day: string) => addDays(day, 7);
  await expect(page).toHaveURL(new RegExp(`week=${nextMonday}`));
  await expect(page.getByTestId(`day-total-${nextMonday}`)).toBeVisible();
  await expect(page.getByTestId(cell(next(dayShift)))).toHaveAttribute('data-filled', 'false');
  await expect(page.getByTestId(`total-${CASHIER.username}`)).toHaveText('–');
  await page.getByTestId('copy-week').click();
  const confirm = page.getByRole('dialog', { name: 'Copy the previous week?' });
  await expect(confirm).toBeVisible();
  await saveScreenshot(page, testInfo, '06-copy-confirm');
  await confirm.getByTestId('confirm-button').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByText('Previous week copied')).toBeVisible();
  await expect(page.getByText('2 shifts copied')).toBeVisible();
  await expect(page.getByTestId(cell(next(dayShift)))).toContainText('09:00–17:00');
  await expect(page.getByTestId(cell(next(nightShift)))).toContainText('22:00–06:00');
  await expect(page.getByTestId(`total-${CASHIER.username}`)).toHaveText('16 h');
  await saveScreenshot(page, testInfo, '07-week-copied');

  // Away and back: the copies are stored, this week is as it was.
  await page.getByTestId('week-this').click();
  await expect(page.getByTestId(`day-total-${monday}`)).toBeVisible();
  await expect(page.getByTestId(cell(dayShift))).toContainText('09:00–17:00');
  await expect(page.getByTestId(`total-${CASHIER.username}`)).toHaveText('16 h');
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId('staff-page')).toBeVisible();
  await page.goto(`${shop.url}/#/shifts?week=${nextMonday}`);
  await expect(page.getByTestId(`day-total-${nextMonday}`)).toBeVisible();
  await expect(page.getByTestId(cell(next(dayShift)))).toContainText('09:00–17:00');
  await expect(page.getByTestId(cell(next(nightShift)))).toContainText('22:00–06:00');
  await expect(page.getByTestId(cell(next(nightShift))).getByTestId('shift-overnight')).toBeVisible();
  await expect(page.getByTestId(`day-total-${next(dayShift)}`)).toHaveText('8 h');
  await expect(page.getByTestId(`day-total-${next(nightShift)}`)).toHaveText('8 h');
  await expect(page.getByTestId('week-total')).toHaveText('16 h');
  await saveScreenshot(page, testInfo, '08-next-week-after-navigating');

  // The manager signs out; the cashier signs in with the temporary password and must change it.
  await signOut(page);
  await signInUi(page, CASHIER.username, CASHIER.temporary);
  const forced = page.getByTestId('forced-change-screen');
  await expect(forced).toBeVisible();
  await expect(forced).toContainText(`Signing in as ${CASHIER.username} (Cashier).`);
  await forced.getByRole('textbox', { name: 'Current password', exact: true }).fill(CASHIER.temporary);
  await forced.getByRole('textbox', { name: 'New password', exact: true }).fill(CASHIER.password);
  await forced.getByRole('textbox', { name: 'Confirm new password', exact: true }).fill(CASHIER.password);
  await saveScreenshot(page, testInfo, '09-cashier-forced-change');
  await page.getByTestId('forced-change-submit').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByText(`Welcome, ${CASHIER.first_name}. Your new password is saved.`)).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('Cora Cashier');
  await expect(page.getByTestId('user-role')).toHaveText('Cashier');
  await expect(page.getByTestId('nav-staff')).toHaveCount(0);
  await expect(page.getByTestId('nav-shifts')).toHaveCount(0);

  // A cashier lands on the till; My profile shows the manager's name and the shifts as the planner showed them.
  await expect(page.getByTestId('pos-page')).toBeVisible();
  await page.getByTestId('nav-profile').click();
  await expect(page.getByTestId('profile-page')).toBeVisible();
  await expect(page.getByTestId('profile-manager')).toHaveText('Mia Manager');
  const table = page.getByTestId('shift-table');
  await expect(table).toBeVisible();
  const shiftRow = (day: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: dayLabel(day) }) });
  for (const [day, times] of [
    [dayShift, '09:00–17:00'],
    [nightShift, '22:00–06:00'],
    [next(dayShift), '09:00–17:00'],
    [next(nightShift), '22:00–06:00'],
  ] as const) {
    await expect(shiftRow(day), `the shift of ${day}`).toHaveCount(1);
    await expect(shiftRow(day)).toContainText(times);
    await expect(shiftRow(day)).toContainText('8 h');
  }
  await expect(shiftRow(refused)).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: /\d{2}:\d{2}–\d{2}:\d{2}/ })).toHaveCount(4);
  await expect(table.getByText(/^This week · 16 h$/)).toBeVisible();
  await saveScreenshot(page, testInfo, '10-cashier-profile');
});
