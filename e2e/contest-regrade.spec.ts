import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { adminHeaders, candidateWorkbook, ok, readSlips } from './exam-setup';
import { expectAccessible, login, shot } from './helpers';

const PORT = Number(process.env.E2E_PORT || 3311);

/*
 * Twelve candidates sit the same six questions (key B everywhere), drawn by a tag so every paper has
 * them all. Their picks, strongest first ("-" = no answer). Question 2 looks wrong: the strongest six
 * choose C. Correcting its key to C changes C1–C6 (gain), C7, C8, C10, C12 (lose); C9 and C11 chose A
 * and stay: 10 candidates change, 12 checked.
 */
const PICKS = [
  'bcbbbb',
  'bcbbcb',
  'bcbbda',
  'bcbbcb',
  'bcbadb',
  'bcbc-a',
  'bbbdcb',
  'bbba-d',
  'baacda',
  'bbdac-',
  'baad-a',
  'bbdcdc',
];
const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bích',
  'Lê Hoàng Đức',
  'Phạm Thị Ánh',
  'Đặng Quốc Việt',
  'Võ Thị Hạnh',
  'Huỳnh Văn Lợi',
  'Bùi Thị Mai',
  'Đỗ Minh Nhật',
  'Hồ Thị Oanh',
  'Ngô Văn Phúc',
  'Dương Thị Quỳnh',
];
const STEMS = [
  'Ngày Chuyển đổi số quốc gia là ngày nào?',
  'Nghị quyết 57-NQ/TW do ai ký ban hành?',
  'Luật Giao dịch điện tử 2023 có hiệu lực từ ngày nào?',
  'Văn bản điện tử được ký số bởi người có thẩm quyền và cơ quan có giá trị pháp lý như thế nào?',
  'Theo Nghị định 30/2020, dấu giáp lai đóng tối đa bao nhiêu tờ?',
  'Quyết định 749/QĐ-TTg phê duyệt chương trình nào?',
];

/** An open contest of the six tagged questions, its session started, every candidate handed in. */
async function sitContest(request: APIRequestContext) {
  const headers = await adminHeaders(request);
  const tag = `cham-lai-${Date.now()}`;
  for (const [i, stem] of STEMS.entries()) {
    const q = await ok<{ id: string }>(
      await request.post('/api/questions', {
        headers,
        data: {
          code: `CL-${Date.now() % 100000}-${i + 1}`,
          type: 'single',
          stem,
          tags: [tag],
          options: ['a', 'b', 'c', 'd'].map((key) => ({
            key,
            text: `Phương án ${key.toUpperCase()} của câu ${i + 1}`,
            correct: key === 'b',
          })),
        },
      }),
    );
    await ok(await request.post(`/api/questions/${q.id}/approve`, { headers }));
  }
  const rules = {
    durationMinutes: 30,
    graceSeconds: 5,
    scale: 100,
    sections: [{ code: 'theory', name: 'Lý thuyết (trắc nghiệm)', points: 100 }],
    practiceScenario: null,
    blueprint: [{ tag, count: 6 }],
    shuffleQuestions: true,
    shuffleOptions: true,
    passThreshold: 50,
    multipleScoring: 'all_or_nothing',
  };
  const contest = await ok<{ id: string }>(
    await request.post('/api/contests', {
      headers,
      data: { year: 2026, name: 'Hội thi năng lực số: chấm lại', rules },
    }),
  );
  const session = await ok<{ id: string }>(
    await request.post(`/api/contests/${contest.id}/sessions`, {
      headers,
      data: { name: 'Ca 1', room: 'Phòng máy 1', scheduledAt: new Date(Date.now() + 600_000).toISOString() },
    }),
  );
  const unit = (await ok<{ items: { code: string }[] }>(await request.get('/api/units?q=CT26-001')))
    .items[0]!;
  const numbers = PICKS.map(
    (_, i) => `R${contest.id.slice(0, 4).toUpperCase()}-${String(i + 1).padStart(2, '0')}`,
  );
  await ok(
    await request.post(`/api/contests/${contest.id}/candidates/import?dryRun=false`, {
      headers,
      multipart: {
        file: {
          name: 'thi-sinh.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await candidateWorkbook(numbers, NAMES, unit.code, 'Ca 1'),
        },
      },
    }),
  );
  await ok(await request.post(`/api/contests/${contest.id}/status`, { headers, data: { status: 'open' } }));
  const slipsRes = await request.post(`/api/contests/${contest.id}/passwords`, {
    headers,
    data: { sessionId: session.id },
  });
  const slips = readSlips(await slipsRes.body());
  await ok(await request.post(`/api/proctor/sessions/${session.id}/start`, { headers }));
  for (const [i, number] of numbers.entries()) {
    const me = await playwrightRequest.newContext({ baseURL: `http://localhost:${PORT}` });
    const password = slips.find((s) => s.number === number)!.password;
    const logged = await ok<{ csrfToken: string }>(
      await me.post('/api/exam/login', { data: { number, password } }),
    );
    const h = { 'x-csrf-token': logged.csrfToken };
    const state = await ok<{ questions: { versionId: string; stem: string }[] }>(
      await me.get('/api/exam/state'),
    );
    const answers: Record<string, string[]> = {};
    for (const q of state.questions) {
      const pick = PICKS[i]![STEMS.indexOf(q.stem)]!;
      if (pick !== '-') answers[q.versionId] = [pick];
    }
    await ok(await me.post('/api/exam/save', { headers: h, data: { seq: 1, answers, flagged: [] } }));
    await ok(await me.post('/api/exam/submit', { headers: h, data: {} }));
    await me.dispose();
  }
  return { contestId: contest.id, headers };
}

test('an organiser reads the item analysis, corrects a key with a preview, and sees the regrade kept', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const { contestId } = await sitContest(request);

  await login(page);
  await page.goto(`/contest/results?contest=${contestId}&tab=items`);
  // Every attempt is final: the organiser computes the statistics on request.
  await page.getByRole('button', { name: 'Tính thống kê' }).click();
  await expect(page.getByText('Độ tin cậy của phần lý thuyết')).toBeVisible();
  const table = page.locator('.ant-table').first();
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(6);
  // Question 1: everyone right → too easy; question 5: one right of 12 (8,3 %) → too hard.
  await expect(table.getByRole('row').filter({ hasText: STEMS[0]! })).toContainText('Quá dễ');
  await expect(table.getByRole('row').filter({ hasText: STEMS[4]! })).toContainText('8,3 %');
  await expect(table.getByRole('row').filter({ hasText: STEMS[4]! })).toContainText('Quá khó');
  await shot(page, 'contest-regrade-01-items');
  await expectAccessible(page, 'item analysis');
  await table.getByRole('row').filter({ hasText: STEMS[1]! }).getByRole('button').first().click();
  await expect(page.getByText('Tần suất chọn phương án')).toBeVisible();
  await shot(page, 'contest-regrade-02-distractors');
  await page.getByRole('switch').click();
  await shot(page, 'contest-regrade-03-flagged');

  await page.getByRole('tab', { name: 'Chấm lại' }).click();
  await page.getByRole('combobox', { name: 'Chọn câu hỏi cần xử lý' }).click();
  await page.getByRole('combobox', { name: 'Chọn câu hỏi cần xử lý' }).fill('57-NQ');
  await page.locator('.ant-select-item-option').filter({ hasText: STEMS[1]! }).click();
  await page.getByRole('checkbox', { name: /^B\./ }).uncheck();
  await page.getByRole('checkbox', { name: /^C\./ }).check();
  await page.getByRole('button', { name: 'Xem trước (không ghi)' }).click();
  await expect(page.getByText('Xem trước: 10 thí sinh thay đổi / 12 bài đã kiểm tra')).toBeVisible();
  await shot(page, 'contest-regrade-04-preview');
  await expectAccessible(page, 'regrade preview');
  await page.getByRole('button', { name: 'Xác nhận chấm lại' }).click();
  await expect(page.getByText('Cần ghi lý do chấm lại')).toBeVisible();
  await page.getByLabel('Lý do (ghi vào hồ sơ)').fill('Hội đồng xác định phương án C mới đúng');
  await page.getByRole('button', { name: 'Xác nhận chấm lại' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận chấm lại' }).click();
  await expect(page.getByText('Đã chấm lại: 10 thí sinh thay đổi điểm')).toBeVisible();
  await expect(page.getByText('10/12 thí sinh thay đổi')).toBeVisible();
  await page.getByText('10/12 thí sinh thay đổi').click();
  await shot(page, 'contest-regrade-05-history');

  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'contest-regrade-06-phone-regrade');
  await page.getByRole('tab', { name: 'Phân tích câu hỏi' }).click();
  await expect(page.getByText('Độ tin cậy của phần lý thuyết')).toBeVisible();
  await shot(page, 'contest-regrade-07-phone-items');
});
