import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../playwright.config';

export const ARTIFACTS = 'e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

export async function login(page: Page, username = 'admin', password = E2E_ADMIN_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByRole('heading', { name: /Xin chào/ })).toBeVisible();
}

/**
 * Runs axe-core on the page and fails on serious or critical violations. The page is checked at rest:
 * the pointer is moved off the content (a button left under it after a navigation shows its hover
 * colours) and finite CSS animations and transitions are let finish (a leaving tab pane, a fade-in).
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.mouse.move(600, 2);
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    undefined,
    { timeout: 5000 },
  );
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(bad, `axe on ${label}`).toEqual([]);
}

/**
 * Picks an option of the open AntD Select dropdown by its label. A click that lands while the
 * surrounding drawer is still sliding in can miss, so the pick is retried until the dropdown closes.
 */
export async function pickOption(page: Page, label: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    // The dropdown may still be opening: wait for it briefly, or a late one would be taken as closed.
    if ((await dropdown.count()) === 0)
      await dropdown
        .first()
        .waitFor({ state: 'visible', timeout: 1500 })
        .catch(() => {});
    if ((await dropdown.count()) > 0)
      await dropdown.getByTitle(label, { exact: true }).click({ timeout: 2000 });
    await expect(dropdown).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}

/**
 * Presses a button of a confirmation dialog until the dialog closes: a click that lands while the dialog
 * is still zooming in can be lost. While the confirmed action runs, the button is loading and ignores
 * a repeated click, so the action cannot run twice.
 */
export async function confirmDialog(page: Page, title: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(async () => {
    if ((await dialog.count()) > 0)
      await dialog.getByRole('button', { name: button }).click({ timeout: 2000 });
    await expect(dialog).toHaveCount(0, { timeout: 3000 });
  }).toPass({ timeout: 20_000 });
}
