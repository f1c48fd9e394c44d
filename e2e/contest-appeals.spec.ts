import { expect, test } from '@playwright/test';
import type { TContestResults } from '../src/contracts/contest-results';
import { sitAndHandIn } from './exam-page';
import { type SlipCandidate, setUpExam, startSession } from './exam-setup';
import { expectAccessible, login, shot } from './helpers';

const QUESTIONS = 5;

test('a candidate appeals under their published result; the organiser reads the record and adds 2 points', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const setup = await setUpExam(request, {
    name: 'Hội thi năng lực số: phúc khảo',
    durationMinutes: 10,
    questions: QUESTIONS,
    fullNames: ['Phạm Thị Ánh Dương', 'Võ Minh Khoa'],
  });
  const [duong, khoa] = setup.candidates as [SlipCandidate, SlipCandidate];
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [duongPage, khoaPage] = await Promise.all(contexts.map((c) => c.newPage()));
  await startSession(request, setup);
  await sitAndHandIn(duongPage!, duong, QUESTIONS, 0);
  await sitAndHandIn(khoaPage!, khoa, QUESTIONS, 1);
  const published = await request.post(`/api/contest-results/${setup.contestId}/publish`, {
    headers: setup.headers,
    data: { showAnswers: 'none' },
  });
  expect(published.status(), await published.text()).toBe(200);
  const before: TContestResults = await (await request.get(`/api/contest-results/${setup.contestId}`)).json();
  const total = before.rows.find((r) => r.candidateId === duong.id)!.total!;

  // The candidate files from the exam page, under their result.
  await duongPage!.reload();
  const box = duongPage!.getByTestId('appeal-box');
  await expect(box).toContainText('Bạn có thể nộp đơn phúc khảo đến');
  await box.getByRole('button', { name: 'Nộp đơn phúc khảo' }).click();
  await box.getByRole('button', { name: 'Gửi đơn' }).click();
  await expect(box.getByRole('alert')).toHaveText('Vui lòng nhập nội dung đơn');
  await box
    .getByLabel('Nội dung đơn')
    .fill('Câu 3 tôi chọn phương án B nhưng hệ thống ghi nhận khác. Đề nghị kiểm tra lại.');
  await shot(duongPage!, 'contest-appeals-01-candidate-form');
  await expectAccessible(duongPage!, 'candidate appeal form');
  await duongPage!.setViewportSize({ width: 390, height: 844 });
  await box.scrollIntoViewIfNeeded();
  await shot(duongPage!, 'contest-appeals-02-candidate-form-phone');
  await box.getByRole('button', { name: 'Gửi đơn' }).click();
  await expect(box).toContainText('Đã nhận đơn phúc khảo của bạn.');
  await expect(box).toContainText('Đang chờ giải quyết');

  // The organiser opens the record on the results page and accepts with +2 theory points.
  await login(page);
  await page.goto(`/contest/results?contest=${setup.contestId}&tab=appeals`);
  const row = page.locator('.ant-table tbody tr.ant-table-row').filter({ hasText: duong.number });
  await expect(row).toContainText('Chờ giải quyết');
  await shot(page, 'contest-appeals-03-tab');
  await expectAccessible(page, 'appeals tab');
  await row.getByRole('button', { name: 'Xem hồ sơ' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(page.getByRole('tab', { name: /Nhật ký làm bài/ })).toBeVisible();
  await expect(drawer).toContainText('Đăng nhập');
  await page.getByRole('tab', { name: 'Bài lý thuyết' }).click();
  await expect(drawer).toContainText('Câu 1');
  await drawer.getByText('Chấp nhận', { exact: true }).click();
  await drawer
    .getByLabel('Lý do quyết định')
    .fill('Đối chiếu nhật ký: câu 3 đã lưu phương án B; cộng 2 điểm lý thuyết.');
  await drawer.getByText('Điều chỉnh điểm', { exact: true }).click();
  await drawer.getByLabel(/Số điểm cộng/).fill('2');
  await shot(page, 'contest-appeals-04-record');
  await drawer.getByRole('button', { name: 'Giải quyết đơn' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  const vn = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  await expect(page.getByText(`Đã tính lại điểm: ${vn(total)} → ${vn(total + 2)}`)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'contest-appeals-05-record-phone');
  await page.setViewportSize({ width: 1366, height: 768 });

  const after: TContestResults = await (await request.get(`/api/contest-results/${setup.contestId}`)).json();
  expect(after.rows.find((r) => r.candidateId === duong.id)!.total).toBeCloseTo(total + 2, 6);
  expect(after.rows.find((r) => r.candidateId === khoa.id)!.total).toBe(
    before.rows.find((r) => r.candidateId === khoa.id)!.total,
  );

  // The candidate sees the decision.
  await duongPage!.reload();
  await expect(box).toContainText('Được chấp nhận');
  await expect(box).toContainText('Điều chỉnh lý thuyết: +2 điểm');
  await shot(duongPage!, 'contest-appeals-06-candidate-decision-phone');
  await Promise.all(contexts.map((c) => c.close()));
});
