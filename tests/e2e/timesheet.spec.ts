// A cashier with a shift planned today clocks in and out on the till page; her manager finds the
// entry on Timesheets against the plan, corrects it with a reason (the row changes), exports the
// range as CSV, and sees the clocked time beside the plan in the shift planner.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test } from './fixtures';
import { arrangeAccount, openNav } from './pos-helpers';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'mia', first_name: 'Mia', last_name: 'Manager', password: 'Mia-plans-4417' };
const CASHIER = { username: 'cleo', first_name: 'Cleo', last_name: 'Clock', password: 'cleo-till-5!' };

/** A shop date: `YYYY-MM-DD` in this machine's time zone, the shop's until the owner picks one. */
function localDate(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}

test('a cashier clocks in and out at the till; her manager corrects the entry, exports the timesheet and sees it in the planner', async ({
  page,
  shop,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  const now = new Date();
  // The correction puts the entry at 00:15–00:45 today: that half hour must be behind us.
  test.skip(now.getHours() < 1, 'runs once the first hour of the day is over');
  const today = localDate(now);
  const monthStart = `${today.slice(0, 8)}01`;

  await createOwner(request, shop);
  const owner = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, owner, MANAGER, 'manager');
  const cashierId = await arrangeAccount(request, shop, owner, CASHIER, 'cashier', managerId);
  const planned = await request.put(`${shop.api}/users/${cashierId}/working-times/${today}`, {
    data: { start_time: '09:00', end_time: '17:00' },
    headers: { Authorization: `Bearer ${owner}` },
  });
  expect(planned.status(), await planned.text()).toBe(200);

  // The cashier opens the till page: not clocked in, today's shift shown; the button clocks her in.
  await page.goto(shop.url);
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await openNav(page, 'till');
  const card = page.getByTestId('clock-card');
  await expect(card).toHaveAttribute('data-state', 'out');
  await expect(card.getByTestId('clock-status')).toHaveText('Not clocked in · planned today 09:00–17:00');
  const toggle = card.getByTestId('clock-toggle');
  await expect(toggle).toHaveText('Clock in');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Clocked in', { exact: true })).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'in');
  await expect(card.getByTestId('clock-status')).toHaveText(/^Clocked in since \d\d:\d\d \(0 min\) · planned 09:00–17:00$/);
  await expect(toggle).toHaveText('Clock out');
  await saveScreenshot(page, testInfo, '01-clocked-in');

  // Clocked in elsewhere meanwhile? No: out again, and My profile says so too.
  await toggle.click();
  await expect(page.getByText('Clocked out', { exact: true })).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'out');
  await expect(toggle).toHaveText('Clock in');
  await openNav(page, 'profile');
  await expect(page.getByTestId('clock-card').getByTestId('clock-status')).toHaveText('Not clocked in · planned today 09:00–17:00');
  await signOut(page);

  // The manager's timesheet: this month by default, the one entry against the plan.
  await signInUi(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await openNav(page, 'timesheets');
  await expect(page.getByTestId('timesheet-page')).toBeVisible();
  await expect(page.getByTestId('timesheet-from')).toHaveValue(monthStart);
  await expect(page.getByTestId('timesheet-to')).toHaveValue(today);
  const rows = page.locator('[data-testid^="timesheet-row-"]');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  const entryId = (await row.getAttribute('data-testid'))?.replace('timesheet-row-', '') ?? '';
  await expect(row).toContainText('Cleo Clock');
  await expect(row.getByTestId('timesheet-planned')).toHaveText('09:00–17:00 · 8 h');
  await expect(row.getByTestId('timesheet-worked')).toHaveText('0 min');
  await expect(row.getByTestId('timesheet-difference')).toHaveText('−8 h');
  await expect(page.getByTestId(`timesheet-total-${cashierId}`).getByTestId('total-planned')).toHaveText('8 h');
  await saveScreenshot(page, testInfo, '02-timesheet');

  // Correct it: a reason is required; then 00:15–00:45 on the shop clock.
  await page.getByTestId(`timesheet-correct-${entryId}`).click();
  const dialog = page.getByTestId('correct-entry-form');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('correct-clock-in').fill(`${today}T00:15`);
  await dialog.getByTestId('correct-clock-out').fill(`${today}T00:45`);
  await dialog.getByTestId('correct-submit').click();
  await expect(dialog.getByText('Say why the times are corrected.')).toBeVisible();
  await dialog.getByTestId('correct-reason').fill('Tested the clock at the wrong time');
  // The server's own rule, under its field: a clock-out in the future.
  await dialog.getByTestId('correct-clock-out').fill(`${localDate(new Date(now.getTime() + 2 * 86_400_000))}T00:45`);
  await dialog.getByTestId('correct-submit').click();
  await expect(dialog.getByTestId('correct-clock-out')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByTestId('correct-clock-out').fill(`${today}T00:45`);
  await dialog.getByTestId('correct-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Times corrected', { exact: true })).toBeVisible();
  await expect(row.getByTestId('timesheet-clock-in')).toHaveText('00:15');
  await expect(row.getByTestId('timesheet-clock-out')).toHaveText('00:45');
  await expect(row.getByTestId('timesheet-worked')).toHaveText('30 min');
  await expect(row.getByTestId('timesheet-difference')).toHaveText('−7 h 30 min');
  await expect(page.getByTestId(`timesheet-total-${cashierId}`).getByTestId('total-worked')).toHaveText('30 min');
  await saveScreenshot(page, testInfo, '03-corrected');

  // Export CSV: the server's timesheet of the same range, named after it.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('timesheet-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`timesheet-${monthStart}-to-${today}.csv`);
  const path = await download.path();
  const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('date,user_id,username,name,planned_start,planned_end,planned_minutes,worked_minutes,entries,times');
  expect(lines).toContain(`${today},${cashierId},${CASHIER.username},Cleo Clock,09:00,17:00,480,30,1,00:15-00:45`);

  // The planner shows what was clocked beside the plan, on the day and over the week.
  await openNav(page, 'shifts');
  const cell = page.getByTestId(`shift-cell-${CASHIER.username}-${today}`);
  await expect(cell).toContainText('09:00–17:00');
  await expect(cell.getByTestId('shift-clocked')).toHaveText('30 min');
  await expect(cell).toHaveAttribute('aria-label', /09:00 to 17:00, clocked 30 min\. Press Enter to edit\.$/);
  await expect(page.getByTestId(`total-${CASHIER.username}`)).toHaveText('8 h');
  await expect(page.getByTestId(`clocked-total-${CASHIER.username}`)).toHaveText('clocked 30 min');
  await saveScreenshot(page, testInfo, '04-planner');
});
