import { type APIRequestContext, expect, test } from '@playwright/test';
import type { TExamState } from '../src/contracts/exam';
import type { TAttemptEventList, TProctorLive } from '../src/contracts/proctor';
import {
  answer,
  examLogin,
  parseCountdown,
  questionHeading,
  readPaper,
  readQuestion,
  type SeenQuestion,
  saveStatus,
} from './exam-page';
import { type ExamSetup, setUpExam, startSession } from './exam-setup';
import { expectAccessible, login, pickOption, shot } from './helpers';

/** The answers the server holds, as the option texts the candidate saw, keyed by the question's stem. */
function answersByStem(state: TExamState): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const q of state.questions) {
    const keys = state.answers[q.versionId];
    if (keys?.length) out[q.stem] = q.options.filter((o) => keys.includes(o.key)).map((o) => o.text);
  }
  return out;
}

function answersSeen(paper: SeenQuestion[]): Record<string, string[]> {
  return Object.fromEntries(paper.filter((q) => q.chosen.length > 0).map((q) => [q.stem, q.chosen]));
}

async function live(request: APIRequestContext, setup: ExamSetup): Promise<TProctorLive> {
  const res = await request.get(`/api/proctor/sessions/${setup.sessionId}`);
  expect(res.status()).toBe(200);
  return res.json();
}

test('a candidate waits, the proctor starts the session, answers survive a reload and a lost network', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const setup = await setUpExam(request, {
    name: 'Kỳ thi thử: tải lại trang và mất mạng',
    durationMinutes: 10,
    questions: 6,
    fullNames: ['Nguyễn Thị Thu Hà', 'Trần Quốc Việt'],
  });
  const candidate = setup.candidates[0]!;

  await page.goto('/exam');
  await expect(page.getByRole('heading', { name: 'Đăng nhập dự thi' })).toBeVisible();
  await page.getByRole('button', { name: 'Vào thi' }).click();
  await expect(page.getByRole('alert')).toHaveText('Vui lòng nhập số báo danh và mật khẩu');
  await shot(page, 'exam-01-login');
  await expectAccessible(page, 'exam login');
  await examLogin(page, candidate);
  await expect(page.getByRole('heading', { name: 'Phòng chờ' })).toBeVisible();
  await expect(page.getByText(`Thí sinh: ${candidate.fullName}`)).toBeVisible();
  await expect(page.getByText('Phòng máy 2')).toBeVisible();
  await shot(page, 'exam-02-waiting');
  await expectAccessible(page, 'waiting room');

  // The proctor, in another browser, starts the session from the console.
  const proctorContext = await browser.newContext();
  const proctor = await proctorContext.newPage();
  await login(proctor);
  await proctor.goto('/contest/proctor');
  await expect(proctor.getByRole('heading', { name: 'Giám sát ca thi' })).toBeVisible();
  await proctor.getByLabel('Kỳ thi', { exact: true }).click();
  await pickOption(proctor, `${setup.contestName} (2026)`);
  const sessionRow = proctor.getByRole('row').filter({ hasText: 'Phòng máy 2' });
  await expect(sessionRow).toContainText('Chưa bắt đầu');
  await shot(proctor, 'proctor-01-sessions');
  await expectAccessible(proctor, 'proctor sessions');
  await sessionRow.getByRole('link', { name: 'Ca 1' }).click();
  await expect(proctor.getByRole('heading', { name: 'Ca 1' })).toBeVisible();
  const candidateRow = proctor.getByRole('row').filter({ hasText: candidate.number });
  await expect(candidateRow).toContainText('Đang kết nối');
  await proctor.getByRole('button', { name: 'Bắt đầu ca thi' }).click();
  await proctor.locator('.ant-popconfirm').getByRole('button', { name: 'Bắt đầu ca thi' }).click();
  await expect(proctor.getByText('Đang thi', { exact: true })).toBeVisible();

  // The waiting room turns into the exam by itself.
  await expect(questionHeading(page, 1, 6)).toBeVisible({ timeout: 15_000 });
  await answer(page, 1, 6, 0);
  await answer(page, 2, 6, 1);
  await answer(page, 3, 6, 2);
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved');
  const before = await readPaper(page, 6);
  expect(Object.keys(answersSeen(before))).toHaveLength(3);
  await shot(page, 'exam-03-question');
  await expectAccessible(page, 'exam page');

  // A reload shows the same paper: question order, option order, answers.
  await page.reload();
  await expect(questionHeading(page, 1, 6)).toBeVisible();
  expect(await readPaper(page, 6)).toEqual(before);

  // Offline: the answers stay on the page, marked as not saved.
  await page.context().setOffline(true);
  await answer(page, 4, 6, 0);
  await answer(page, 5, 6, 1);
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'offline');
  await expect(saveStatus(page)).toContainText('Chưa lưu lên máy chủ');
  await shot(page, 'exam-04-offline');
  const offlineServer = answersByStem(await (await page.request.get('/api/exam/state')).json());
  expect(Object.keys(offlineServer)).toHaveLength(3);

  // Back online: the page sends them by itself.
  await page.context().setOffline(false);
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  const after = await readPaper(page, 6);
  const seen = answersSeen(after);
  expect(Object.keys(seen)).toHaveLength(5);
  const state: TExamState = await (await page.request.get('/api/exam/state')).json();
  expect(state.questions.map((q) => q.stem)).toEqual(after.map((q) => q.stem));
  expect(answersByStem(state)).toEqual(seen);

  // The proctor sees the five answers in the live view.
  await expect(candidateRow).toContainText('5/6', { timeout: 15_000 });
  await expect(candidateRow).toContainText('Đang làm');
  await shot(proctor, 'proctor-02-live');
  await expectAccessible(proctor, 'proctor live session');
  await proctorContext.close();
});

test('the server finalises the attempt at the deadline while the page is closed', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const setup = await setUpExam(request, {
    name: 'Kỳ thi thử: hết giờ khi đã đóng trang',
    durationMinutes: 1,
    graceSeconds: 2,
    questions: 4,
    fullNames: ['Lê Hoàng Đức'],
  });
  const candidate = setup.candidates[0]!;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/exam');
  await examLogin(page, candidate);
  await expect(page.getByRole('heading', { name: 'Phòng chờ' })).toBeVisible();
  await startSession(request, setup);
  await expect(questionHeading(page, 1, 4)).toBeVisible({ timeout: 15_000 });
  await answer(page, 1, 4, 1);
  await answer(page, 3, 4, 0);
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved');
  const seen = answersSeen(await readPaper(page, 4));
  expect(Object.keys(seen)).toHaveLength(2);
  await page.close();

  await expect
    .poll(async () => (await live(request, setup)).candidates[0]?.status, {
      timeout: 100_000,
      intervals: [2000],
    })
    .toBe('finalised');
  const row = (await live(request, setup)).candidates[0]!;
  expect(row.finalisedBy).toBe('deadline');
  expect(row.answeredCount).toBe(2);
  // The finish time is the deadline, not the moment the job ran.
  expect(row.finalisedAt).toBe(row.deadlineAt);

  const events: TAttemptEventList = await (
    await request.get(`/api/proctor/sessions/${setup.sessionId}/candidates/${candidate.id}/events`)
  ).json();
  const kinds = events.items.map((e) => e.kind);
  expect(kinds).not.toContain('submit');
  const finalised = events.items.find((e) => e.kind === 'finalised');
  const payload = finalised?.payload as { finalisedBy: string; answers: Record<string, string[]> };
  expect(payload.finalisedBy).toBe('deadline');

  const state: TExamState = await (await context.request.get('/api/exam/state')).json();
  expect(state.phase).toBe('finalised');
  expect(state.finalisedBy).toBe('deadline');
  expect(answersByStem(state)).toEqual(seen);
  expect(payload.answers).toEqual(state.answers);
  await context.close();
});

test('a PC clock two hours ahead still shows the time left by the server', async ({ page, request }) => {
  const setup = await setUpExam(request, {
    name: 'Kỳ thi thử: đồng hồ máy tính sai',
    durationMinutes: 10,
    questions: 3,
    fullNames: ['Phạm Thị Ánh'],
  });
  await page.addInitScript(() => {
    const SHIFT = 2 * 3600 * 1000;
    const RealDate = Date;
    class ShiftedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + SHIFT);
        else super(...(args as [string]));
      }
      static override now() {
        return RealDate.now() + SHIFT;
      }
    }
    globalThis.Date = ShiftedDate as DateConstructor;
  });
  await page.goto('/exam');
  await examLogin(page, setup.candidates[0]!);
  await expect(page.getByRole('heading', { name: 'Phòng chờ' })).toBeVisible();
  await startSession(request, setup);
  await expect(questionHeading(page, 1, 3)).toBeVisible({ timeout: 15_000 });

  // Both ways a page reads the clock are shifted.
  // biome-ignore lint/complexity/useDateNow: `new Date()` is what is under test here
  const skew = (await page.evaluate(() => [Date.now(), new Date().getTime()])).map((t) => t - Date.now());
  for (const s of skew) expect(Math.abs(s - 2 * 3600 * 1000)).toBeLessThan(5000);
  const status = await (await page.request.get('/api/exam/status')).json();
  const shown = parseCountdown(await page.getByTestId('time-left').innerText());
  expect(status.remainingSeconds).toBeGreaterThan(500);
  expect(Math.abs(shown - status.remainingSeconds)).toBeLessThanOrEqual(3);
  await expect(page.getByText('Hết giờ làm bài')).toHaveCount(0);
  await expect(page.locator('fieldset.options')).toBeEnabled();
});

test('submitting asks for confirmation, lists unanswered questions, and closes the attempt', async ({
  page,
  request,
}) => {
  const setup = await setUpExam(request, {
    name: 'Kỳ thi thử: nộp bài',
    durationMinutes: 10,
    questions: 5,
    fullNames: ['Đặng Quốc Việt'],
  });
  await page.goto('/exam');
  await examLogin(page, setup.candidates[0]!);
  await expect(page.getByRole('heading', { name: 'Phòng chờ' })).toBeVisible();
  await startSession(request, setup);
  await expect(questionHeading(page, 1, 5)).toBeVisible({ timeout: 15_000 });
  await answer(page, 1, 5, 0);
  await answer(page, 2, 5, 1);
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved');
  const q2 = await readQuestion(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(questionHeading(page, 2, 5)).toBeVisible();
  await shot(page, 'exam-05-phone');
  await expectAccessible(page, 'exam page on a phone');
  await page.setViewportSize({ width: 1366, height: 768 });

  // The dialog lists the unanswered questions; "keep working" changes nothing.
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Nộp bài thi?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Bạn còn 3 câu chưa trả lời');
  await expect(dialog.getByRole('listitem')).toHaveText(['Câu 3', 'Câu 4', 'Câu 5']);
  await shot(page, 'exam-06-submit-dialog');
  await expectAccessible(page, 'submit dialog');
  await dialog.getByRole('button', { name: 'Câu 4' }).click();
  await expect(dialog).toBeHidden();
  await expect(questionHeading(page, 4, 5)).toBeVisible();

  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  await dialog.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Bài thi đã được nộp' })).toBeVisible();
  await expect(page.getByText(/Thời điểm nộp: /)).toBeVisible();
  await shot(page, 'exam-07-done');
  await expectAccessible(page, 'done screen');

  // The server holds the submitted answers and takes no further save.
  const state: TExamState = await (await page.request.get('/api/exam/state')).json();
  expect(state.finalisedBy).toBe('candidate');
  expect(Object.keys(state.answers)).toHaveLength(2);
  expect(answersByStem(state)[q2.stem]).toEqual(q2.chosen);
  const me = await (await page.request.get('/api/exam/me')).json();
  const refused = await page.request.post('/api/exam/save', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { seq: state.lastSeq + 1, answers: {}, flagged: [] },
  });
  expect(refused.status()).toBe(409);
  const body = await refused.json();
  expect(body.code).toBe('attempt_closed');
  expect(body.message).toMatch(/không được ghi nhận/);
  const unchanged: TExamState = await (await page.request.get('/api/exam/state')).json();
  expect(unchanged.answers).toEqual(state.answers);

  // A reload still shows the end, not the paper.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bài thi đã được nộp' })).toBeVisible();
});
