import { type APIRequestContext, expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { E2E_ADMIN_PASSWORD } from '../playwright.config';
import { readCredentialSlips } from '../src/server/testing/credential-slips';

export interface SlipCandidate {
  id: string;
  number: string;
  fullName: string;
  password: string;
  /** The signing PIN printed on the slip when the contest has a practice part. */
  pin?: string;
}

export interface ExamSetup {
  contestId: string;
  contestName: string;
  sessionId: string;
  sessionName: string;
  candidates: SlipCandidate[];
  /** Headers for the admin's writes (the CSRF token of the admin's session). */
  headers: Record<string, string>;
}

export interface ExamSetupOptions {
  name: string;
  durationMinutes: number;
  graceSeconds?: number;
  questions: number;
  fullNames: string[];
  /** A practice part: the scenario and the points of each section (theory + practice = 100). */
  practice?: { scenario: string; theoryPoints: number; practicePoints: number };
}

/** Signs `request` in as the admin and returns the headers its writes need. */
export async function adminHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const res = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_ADMIN_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(200);
  const me = await (await request.get('/api/auth/me')).json();
  return { 'x-csrf-token': me.csrfToken };
}

/** The JSON of a successful answer; fails the test with the address and body otherwise. */
export async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** The candidate workbook an organiser fills in: numbers given, unit by its code, one session. */
export async function candidateWorkbook(
  numbers: string[],
  fullNames: string[],
  unitCode: string,
  session: string,
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thí sinh');
  ws.addRow([
    'Số báo danh',
    'Họ và tên',
    'Ngày sinh (dd/mm/yyyy)',
    'Chức vụ',
    'Đơn vị (mã hoặc tên)',
    'Cấp (so/huyen/xa)',
    'Ca thi',
    'Thời gian cộng thêm (phút)',
  ]);
  fullNames.forEach((name, i) => {
    ws.addRow([numbers[i], name, '05/09/1975', 'Phó Chủ tịch UBND phường', unitCode, '', session, '']);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads (number, password) pairs from the credential-slip PDF, in the order the slips are printed. */
export function readSlips(pdf: Buffer): { number: string; password: string; pin?: string }[] {
  const slips = readCredentialSlips(pdf);
  expect(slips.length, 'at least one slip').toBeGreaterThan(0);
  return slips;
}

/**
 * Sets up an open contest with one session and its candidates the way an organiser does: create the
 * contest with its rules, add a session, import the candidates from Excel, open the contest, issue
 * passwords and read them from the credential slips.
 */
export async function setUpExam(request: APIRequestContext, o: ExamSetupOptions): Promise<ExamSetup> {
  const headers = await adminHeaders(request);
  const rules = {
    durationMinutes: o.durationMinutes,
    graceSeconds: o.graceSeconds ?? 5,
    scale: 100,
    sections: o.practice
      ? [
          { code: 'theory', name: 'Lý thuyết (trắc nghiệm)', points: o.practice.theoryPoints },
          { code: 'practice', name: 'Thực hành', points: o.practice.practicePoints },
        ]
      : [{ code: 'theory', name: 'Lý thuyết (trắc nghiệm)', points: 100 }],
    practiceScenario: o.practice?.scenario ?? null,
    blueprint: [{ count: o.questions }],
    shuffleQuestions: true,
    shuffleOptions: true,
    passThreshold: 50,
    multipleScoring: 'all_or_nothing',
  };
  const contest = await ok<{ id: string; name: string }>(
    await request.post('/api/contests', { headers, data: { year: 2026, name: o.name, rules } }),
  );
  const sessionName = 'Ca 1';
  const session = await ok<{ id: string }>(
    await request.post(`/api/contests/${contest.id}/sessions`, {
      headers,
      data: {
        name: sessionName,
        room: 'Phòng máy 2',
        scheduledAt: new Date(Date.now() + 600_000).toISOString(),
      },
    }),
  );
  const unit = (await ok<{ items: { code: string }[] }>(await request.get('/api/units?q=CT26-001')))
    .items[0]!;
  // Numbers unique across the run: several contests of the same year are open at once.
  const prefix = `E${contest.id.slice(0, 5).toUpperCase()}-`;
  const numbers = o.fullNames.map((_, i) => `${prefix}${i + 1}`);
  const imported = await ok<{ imported: number }>(
    await request.post(`/api/contests/${contest.id}/candidates/import?dryRun=false`, {
      headers,
      multipart: {
        file: {
          name: 'thi-sinh.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await candidateWorkbook(numbers, o.fullNames, unit.code, sessionName),
        },
      },
    }),
  );
  expect(imported.imported).toBe(o.fullNames.length);
  await ok(await request.post(`/api/contests/${contest.id}/status`, { headers, data: { status: 'open' } }));
  const slipsRes = await request.post(`/api/contests/${contest.id}/passwords`, {
    headers,
    data: { sessionId: session.id },
  });
  expect(slipsRes.status()).toBe(200);
  expect(slipsRes.headers()['content-type']).toContain('application/pdf');
  const slips = readSlips(await slipsRes.body());
  const list = await ok<{ items: { id: string; number: string; fullName: string }[] }>(
    await request.get(`/api/contests/${contest.id}/candidates?pageSize=100`),
  );
  const candidates = numbers.map((number) => {
    const row = list.items.find((c) => c.number === number);
    const slip = slips.find((s) => s.number === number);
    if (!row || !slip) throw new Error(`no candidate or slip for ${number}`);
    return {
      id: row.id,
      number,
      fullName: row.fullName,
      password: slip.password,
      ...(slip.pin ? { pin: slip.pin } : {}),
    };
  });
  return {
    contestId: contest.id,
    contestName: contest.name,
    sessionId: session.id,
    sessionName,
    candidates,
    headers,
  };
}

/** Starts the session through the proctor API (when the console itself is not under test). */
export async function startSession(request: APIRequestContext, setup: ExamSetup): Promise<void> {
  await ok(await request.post(`/api/proctor/sessions/${setup.sessionId}/start`, { headers: setup.headers }));
}
