// Backups on the Shop page (issue 15): the Super Admin backs up now and sees the checked copy,
// changes the schedule (a bad time is refused under its field), chooses a second folder, and
// when that folder is gone (an unplugged stick) the next backup shows the failure in red.
// In the browser there is no "Restore…": restoring is for the desktop app at the shop computer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOwner, expect, OWNER, ownerToken, saveScreenshot, signInUi, test } from './fixtures';

test.use({ locale: 'en-US' });

test('the Super Admin backs up, sets the schedule and is shown a failed second copy', async ({ page, shop, request }, testInfo) => {
  const stick = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-stick-'));
  try {
    await createOwner(request, shop);
    await page.goto(shop.url);
    await signInUi(page, OWNER.username, OWNER.password);
    await page.getByTestId('nav-shop-settings').click();
    const card = page.getByTestId('backups-card');
    // The daily backup catches up at the first minute past its time (03:00), so a fresh shop may
    // already hold a scheduled copy: this test follows its own ("Backed up now") ones.
    const rows = card
      .getByTestId('backup-row')
      .filter({ has: page.getByTestId('backup-reason').getByText('Backed up now', { exact: true }) });
    await expect(card.getByTestId('backups-empty').or(card.getByTestId('backup-row').first())).toBeVisible();
    await expect(rows).toHaveCount(0);

    // Back up now, from the keyboard.
    await card.getByTestId('backup-now').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Saved as shopdesk-\d{8}-\d{6}-manual\.db\.$/)).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByTestId('backup-integrity')).toHaveAttribute('data-integrity', 'ok');
    await expect(rows.first().getByTestId('backup-reason')).toHaveText('Backed up now');
    await expect(rows.first().getByTestId('backup-size')).toHaveText(/^\d+(\.\d)? (KB|MB)$/);
    // Restoring is never offered over the network.
    await expect(card.getByTestId('backup-restore')).toHaveCount(0);

    // A time that is no time of day: the server's message under the field, nothing saved.
    await card.getByTestId('backup-time-of-day').fill('25:00');
    await card.getByTestId('backup-settings-save').click();
    await expect(card.getByText('A time of day as HH:MM (24 hours), e.g. 03:00.')).toBeVisible();
    await expect(card.getByTestId('backup-time-of-day')).toHaveAttribute('aria-invalid', 'true');

    await card.getByTestId('backup-time-of-day').fill('02:30');
    await card.getByTestId('backup-keep-daily').fill('10');
    await card.getByTestId('backup-second-folder').fill(stick);
    await card.getByTestId('backup-settings-save').click();
    await expect(page.getByText('The backup settings are saved.')).toBeVisible();
    const token = await ownerToken(request, shop);
    const saved = await (await request.get(`${shop.api}/backup-settings`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(saved).toMatchObject({ time_of_day: '02:30', keep_daily: 10, keep_monthly: 12, second_folder: stick });

    // The second copy works, then the stick is pulled out: the next backup says so, in red.
    await card.getByTestId('backup-now').click();
    await expect(card.getByTestId('backup-second-folder-ok')).toBeVisible();
    await expect(card.getByTestId('backup-second-folder-failed')).toHaveCount(0);
    rmSync(stick, { recursive: true, force: true });
    await card.getByTestId('backup-now').click();
    const failed = card.getByTestId('backup-second-folder-failed');
    await expect(failed).toBeVisible();
    await expect(failed).toHaveAttribute('role', 'alert');
    await expect(failed).toContainText(stick);
    await expect(failed).toContainText('ENOENT');
    await expect(rows).toHaveCount(3);
    await expect(rows.getByTestId('backup-integrity').and(page.locator('[data-integrity="ok"]'))).toHaveCount(3);
    await expect(card.getByTestId('backup-restore')).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'backups');
  } finally {
    rmSync(stick, { recursive: true, force: true });
  }
});
