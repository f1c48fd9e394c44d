import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import type { TProctorCandidate, TProctorLive } from '../src/contracts/proctor';
import { examLogin } from './exam-page';
import { type ExamSetup, type SlipCandidate, setUpExam, startSession } from './exam-setup';
import { expectAccessible, shot } from './helpers';

/**
 * The practice part of the 2022 scenario (templates/contest/scenarios/cantho-2022-quan.json) done in
 * the browser, graded by the server from the end state after the attempt is handed in. The contest
 * gives the practice section 55 points, the scenario's own total, so its points count one for one.
 */
const SCENARIO = 'cantho-2022-quan';
const PLAN_MAIL = 'Dự thảo Kế hoạch chuyển đổi số quận Ninh Kiều năm 2022';
const INCOMING = '2150/STTTT-CNTT';
const DECISION = 'Về việc thành lập Tổ công tác chuyển đổi số quận Ninh Kiều năm 2022';
const REPORT = 'V/v báo cáo tình hình sử dụng chữ ký số chuyên dùng';

async function openPractice(page: Page, candidate: SlipCandidate): Promise<void> {
  await page.goto('/exam');
  await examLogin(page, candidate);
  await page.getByRole('tab', { name: 'Phần thực hành' }).click();
  await expect(page.getByRole('tab', { name: /Thư điện tử/ })).toBeVisible();
}

/** Task 1 (15 points): forward the plan with its file to the culture office, cc the office. */
async function forwardPlan(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Thư điện tử/ }).click();
  await page.getByRole('button', { name: new RegExp(PLAN_MAIL) }).click();
  await page.getByRole('button', { name: 'Chuyển tiếp' }).click();
  const compose = page.getByRole('dialog');
  await compose.getByLabel('Đến', { exact: true }).fill('phongvhtt.ninhkieu@cantho.gov.vn');
  await compose.getByLabel('Cc', { exact: true }).fill('vanphong.ninhkieu@cantho.gov.vn');
  // The forward keeps the subject (it names "Kế hoạch chuyển đổi số") and the plan's file.
  await expect(compose.getByLabel('Tiêu đề')).toHaveValue(new RegExp(PLAN_MAIL));
  await expect(compose.getByText(/\.docx|\.pdf/).first()).toBeVisible();
  await compose.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(compose).toBeHidden();
}

/** Task 2 (15 points): bút phê with the given chủ trì, two units phối hợp, deadline, then forward. */
async function directIncoming(page: Page, lead: string): Promise<void> {
  await page.getByRole('tab', { name: /Văn phòng điện tử/ }).click();
  await page.getByRole('tab', { name: /Văn bản đến/ }).click();
  await page.getByRole('row').filter({ hasText: INCOMING }).getByRole('button').click();
  const doc = page.getByRole('article', { name: `Văn bản đến ${INCOMING}` });
  await doc.getByRole('button', { name: 'Bút phê' }).click();
  await doc.getByLabel('Ý kiến chỉ đạo').fill('Giao đơn vị chủ trì tham mưu triển khai, báo cáo kết quả.');
  await doc.getByLabel('Chủ trì').selectOption({ label: lead });
  const cooperating = doc.getByRole('group', { name: 'Phối hợp' });
  await cooperating.getByLabel('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận').check();
  await cooperating.getByLabel('Phòng Nội vụ').check();
  await doc.getByLabel('Hạn xử lý').fill('2022-09-30');
  await doc.getByRole('button', { name: 'Chuyển xử lý' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Chuyển xử lý' }).click();
  await expect(doc.getByRole('heading', { name: 'Ý kiến chỉ đạo (bút phê)' })).toBeVisible();
  await expect(doc.getByText(lead).first()).toBeVisible();
  await page.getByRole('button', { name: /Danh sách văn bản/ }).click();
}

/** Tasks 3 and 4: sign an outgoing draft with the slip's PIN, then hand it to the văn thư. */
async function signAndIssue(page: Page, subject: string, pin: string): Promise<string> {
  await page.getByRole('tab', { name: /Văn phòng điện tử/ }).click();
  await page.getByRole('tab', { name: /Văn bản đi/ }).click();
  await page.getByRole('button', { name: new RegExp(subject.replace('/', '\\/')) }).click();
  const doc = page.getByRole('article', { name: new RegExp(`Văn bản đi: ${subject.replace('/', '\\/')}`) });
  await doc.getByRole('button', { name: 'Ký số' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ký số văn bản' });
  await dialog.getByLabel('Mã PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
  await expect(dialog.getByText('Đã ký số thành công.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await doc.getByRole('button', { name: 'Chuyển văn thư' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Chuyển văn thư' }).click();
  // The văn thư numbers it in the agency's series of the year: "05/QĐ-UBND", "06/UBND-VP".
  const numberSymbol = /\d+\/[A-ZĐ]+(-[A-ZĐ]+)+/;
  const number = doc.getByText(numberSymbol).first();
  await expect(number).toBeVisible();
  return (await number.innerText()).match(numberSymbol)![0];
}

async function handIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Nộp bài thi?' });
  await dialog.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Bài thi đã được nộp' })).toBeVisible();
}

/** The candidate's row in the proctor's view once the grading job has scored the practice part. */
async function graded(
  request: APIRequestContext,
  setup: ExamSetup,
  number: string,
): Promise<TProctorCandidate> {
  let row: TProctorCandidate | undefined;
  await expect
    .poll(
      async () => {
        const live = (await (
          await request.get(`/api/proctor/sessions/${setup.sessionId}`)
        ).json()) as TProctorLive;
        row = live.candidates.find((c) => c.number === number);
        return row?.practiceScore ?? null;
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .not.toBeNull();
  return row!;
}

test('candidates do the 2022 practice tasks in the e-office and webmail and are graded from the end state', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const setup = await setUpExam(request, {
    name: 'Kỳ thi thử: phần thực hành năm 2022',
    durationMinutes: 30,
    questions: 2,
    fullNames: ['Nguyễn Văn Bình', 'Trần Thị Mai'],
    practice: { scenario: SCENARIO, theoryPoints: 45, practicePoints: 55 },
  });
  const [full, partial] = setup.candidates;
  // The slips carry each candidate's signing PIN next to the password.
  expect(full!.pin).toMatch(/^\d{6}$/);
  expect(partial!.pin).toMatch(/^\d{6}$/);
  await startSession(request, setup);

  // The first candidate does every task as instructed.
  await openPractice(page, full!);
  await shot(page, 'practice-01-webmail');
  await expectAccessible(page, 'practice webmail');
  await forwardPlan(page);
  await directIncoming(page, 'Phòng Văn hóa và Thông tin');
  await shot(page, 'practice-02-directive');
  const issued = await signAndIssue(page, DECISION, full!.pin!);
  expect(issued).toMatch(/\/QĐ-UBND$/);
  await shot(page, 'practice-03-issued');
  await expectAccessible(page, 'practice e-office');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'practice-04-phone');
  await page.setViewportSize({ width: 1366, height: 768 });
  await handIn(page);

  // The second forwards the document to the wrong unit and signs (and issues) the wrong draft.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await openPractice(page2, partial!);
  await forwardPlan(page2);
  await directIncoming(page2, 'Phòng Tài chính - Kế hoạch');
  await signAndIssue(page2, REPORT, partial!.pin!);
  await handIn(page2);
  await other.close();

  // Grades, worked out from the scenario's tasks: the first earns all 55 points. The second earns
  // task 1 in full (5 + 3 + 3 + 4 = 15), task 2 without the chủ trì check (15 − 6 = 9), nothing for
  // signing the decision (15) and nothing for issuing it (7 + 3): 15 + 9 = 24. No theory was answered.
  const first = await graded(request, setup, full!.number);
  expect(first).toMatchObject({ theoryScore: 0, practiceScore: 55, totalScore: 55 });
  const second = await graded(request, setup, partial!.number);
  expect(second).toMatchObject({ theoryScore: 0, practiceScore: 24, totalScore: 24 });
});
