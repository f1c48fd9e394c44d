import { expect, type Page } from '@playwright/test';
import type { SlipCandidate } from './exam-setup';

/** What the candidate sees of one question: its stem, its options in order, the ones ticked. */
export interface SeenQuestion {
  stem: string;
  options: string[];
  chosen: string[];
}

/** Signs in from the slip; a refused login fails here with the page's own message, not later. */
export async function examLogin(page: Page, candidate: SlipCandidate): Promise<void> {
  await page.getByLabel('Số báo danh').fill(candidate.number);
  const password = page.getByLabel('Mật khẩu');
  await password.fill(candidate.password);
  await page.getByRole('button', { name: 'Vào thi' }).click();
  try {
    // The login form stays while the request runs ("Đang đăng nhập…") and after a refusal.
    await expect(password).toBeHidden({ timeout: 15_000 });
  } catch (e) {
    const said = await page.locator('p.error[role="alert"]').allInnerTexts();
    throw said.length > 0 ? new Error(`${candidate.number}: đăng nhập bị từ chối: ${said.join(' ')}`) : e;
  }
}

export function questionHeading(page: Page, n: number, total: number) {
  return page.getByRole('heading', { name: `Câu ${n}/${total}`, exact: true });
}

/** Opens question n (1-based) from the navigator. */
export async function goToQuestion(page: Page, n: number, total: number): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Danh sách câu hỏi' })
    .getByRole('button', { name: new RegExp(`^Câu ${n}/${total}(:|$)`) })
    .click();
  await expect(questionHeading(page, n, total)).toBeVisible();
}

/**
 * Ticks the option at `optionIndex` of question n (wrapping round, since a drawn paper may put a
 * two-option true/false question there); returns that option's text.
 */
export async function answer(page: Page, n: number, total: number, optionIndex: number): Promise<string> {
  await goToQuestion(page, n, total);
  const options = page.locator('fieldset.options label.option');
  await expect(options.first()).toBeVisible();
  const option = options.nth(optionIndex % (await options.count()));
  await option.click();
  await expect(option.locator('input')).toBeChecked();
  return (await option.locator('.option-text').innerText()).trim();
}

export async function readQuestion(page: Page): Promise<SeenQuestion> {
  const options = page.locator('fieldset.options label.option');
  const texts = (await options.locator('.option-text').allInnerTexts()).map((t) => t.trim());
  const chosen: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    if (await options.nth(i).locator('input').isChecked()) chosen.push(texts[i]!);
  }
  return { stem: (await page.locator('.stem').innerText()).trim(), options: texts, chosen };
}

/** The whole paper as shown: every question visited through the navigator. */
export async function readPaper(page: Page, total: number): Promise<SeenQuestion[]> {
  const paper: SeenQuestion[] = [];
  for (let n = 1; n <= total; n++) {
    await goToQuestion(page, n, total);
    paper.push(await readQuestion(page));
  }
  return paper;
}

export const saveStatus = (page: Page) => page.getByTestId('save-status');

/** "05:07" or "1:02:03" → seconds. */
export function parseCountdown(text: string): number {
  return text
    .trim()
    .split(':')
    .map(Number)
    .reduce((acc, part) => acc * 60 + part, 0);
}

/** A candidate signs in, answers every one of `total` questions (option `pick + n` of question n) and hands in. */
export async function sitAndHandIn(page: Page, candidate: SlipCandidate, total: number, pick: number) {
  await page.goto('/exam');
  await examLogin(page, candidate);
  await expect(questionHeading(page, 1, total)).toBeVisible({ timeout: 15_000 });
  for (let n = 1; n <= total; n++) await answer(page, n, total, pick + n);
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved');
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Nộp bài thi?' })
    .getByRole('button', { name: 'Nộp bài', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Bài thi đã được nộp' })).toBeVisible();
}
