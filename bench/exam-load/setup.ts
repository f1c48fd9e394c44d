import ExcelJS from 'exceljs';
import { FormData } from 'undici';
import type { TContest, TContestRules, TExamSession } from '../../src/contracts/contests';
import { readCredentialSlips } from '../../src/server/testing/credential-slips';
import type { ApiClient } from './client';

export interface Staff {
  cookie: string;
  csrf: string;
}

export interface Credential {
  number: string;
  password: string;
  /** The signing PIN printed on the slip (contests with a practice part). */
  pin?: string;
}

/** The practice scenario of a run with the practice part, and the theory / practice split of 100. */
export const PRACTICE = { scenario: 'cantho-2022-quan', theoryPoints: 45, practicePoints: 55 };

export interface PreparedContest {
  contestId: string;
  sessionId: string;
  credentials: Credential[];
  timings: Record<string, number>;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thanh', 'Ngọc', 'Hữu', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
];
const POSITIONS = ['Giám đốc', 'Phó Giám đốc', 'Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Trưởng phòng'];
const SESSION_NAME = 'Ca đo tải';

export async function staffLogin(api: ApiClient, password: string): Promise<Staff> {
  const r = await api.call<{ csrfToken: string }>('POST', '/api/auth/login', {
    body: { username: 'admin', password },
  });
  const token = r.cookies.thuocdo_session;
  if (!token) throw new Error('Đăng nhập quản trị không trả cookie phiên');
  return { cookie: `thuocdo_session=${token}`, csrf: r.data.csrfToken };
}

async function timed<T>(timings: Record<string, number>, name: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await fn();
  timings[name] = Math.round(performance.now() - t);
  return out;
}

/** Fills the server's own import template with `count` candidates of real demo units, all in one session. */
async function candidateWorkbook(template: Buffer, unitCodes: string[], count: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    header[col] = String(cell.value ?? '');
  });
  while (ws.rowCount > 1) ws.spliceRows(2, 1);
  const col = (prefix: string) => header.findIndex((h) => h?.startsWith(prefix));
  const cols = {
    fullName: col('Họ và tên'),
    position: col('Chức vụ'),
    unit: col('Đơn vị'),
    session: col('Ca thi'),
  };
  if (Object.values(cols).some((c) => c < 1)) throw new Error(`Tệp mẫu thiếu cột: ${header.join(', ')}`);
  for (let i = 0; i < count; i++) {
    const row = ws.getRow(i + 2);
    row.getCell(cols.fullName).value =
      `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 2) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${i + 1}`;
    row.getCell(cols.position).value = POSITIONS[i % POSITIONS.length]!;
    row.getCell(cols.unit).value = unitCodes[i % unitCodes.length]!;
    row.getCell(cols.session).value = SESSION_NAME;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Sets a contest up the way an organiser does, through the HTTP API only: a contest with short rules,
 * one session, N candidates imported from the server's Excel template, the contest opened, passwords
 * issued (read back from the credential-slip PDF with pdftotext) and, unless told not to, the papers
 * prepared before the start.
 */
export async function setUpContest(
  api: ApiClient,
  staff: Staff,
  opts: {
    candidates: number;
    durationMinutes: number;
    graceSeconds: number;
    prepare: boolean;
    label: string;
    practice: boolean;
  },
): Promise<PreparedContest> {
  const timings: Record<string, number> = {};
  const auth = { cookie: staff.cookie, csrf: staff.csrf };
  const units = await api.call<{ items: { code: string; level: string }[] }>(
    'GET',
    '/api/units?pageSize=200&status=active',
    auth,
  );
  const unitCodes = units.data.items.filter((u) => u.level !== 'tinh').map((u) => u.code);
  if (unitCodes.length === 0) throw new Error('Danh mục đơn vị trống: cần THUOCDO_DEMO=1');
  const defaults = await api.call<TContestRules>('GET', '/api/contests/default-rules', auth);
  const rules: TContestRules = {
    ...defaults.data,
    durationMinutes: opts.durationMinutes,
    graceSeconds: opts.graceSeconds,
    ...(opts.practice
      ? {
          practiceScenario: PRACTICE.scenario,
          sections: [
            { code: 'theory', name: 'Lý thuyết (trắc nghiệm)', points: PRACTICE.theoryPoints },
            { code: 'practice', name: 'Thực hành', points: PRACTICE.practicePoints },
          ],
        }
      : {}),
  };
  const contest = await timed(timings, 'createContestMs', () =>
    api.call<TContest>('POST', '/api/contests', {
      ...auth,
      body: { year: new Date().getFullYear(), name: `Đo tải bài thi: ${opts.label}`, rules },
    }),
  );
  const contestId = contest.data.id;
  const session = await api.call<TExamSession>('POST', `/api/contests/${contestId}/sessions`, {
    ...auth,
    body: { name: SESSION_NAME, room: 'Hội trường', scheduledAt: new Date().toISOString() },
  });
  const sessionId = session.data.id;

  const template = await api.call('GET', `/api/contests/${contestId}/candidates/import-template`, auth);
  const workbook = await candidateWorkbook(template.buffer!, unitCodes, opts.candidates);
  const form = new FormData();
  form.append(
    'file',
    new Blob([new Uint8Array(workbook)], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    'thi-sinh.xlsx',
  );
  const imported = await timed(timings, 'importMs', () =>
    api.call<{ imported: number }>('POST', `/api/contests/${contestId}/candidates/import?dryRun=false`, {
      ...auth,
      raw: form,
      timeoutMs: 600_000,
    }),
  );
  if (imported.data.imported !== opts.candidates) {
    throw new Error(`Nhập ${imported.data.imported}/${opts.candidates} thí sinh`);
  }
  await timed(timings, 'openContestMs', () =>
    api.call('POST', `/api/contests/${contestId}/status`, { ...auth, body: { status: 'open' } }),
  );
  const slips = await timed(timings, 'issuePasswordsMs', () =>
    api.call('POST', `/api/contests/${contestId}/passwords`, {
      ...auth,
      body: { sessionId },
      timeoutMs: 3_600_000,
    }),
  );
  const credentials = await timed(timings, 'readSlipsMs', async () => readCredentialSlips(slips.buffer!));
  if (
    credentials.length !== opts.candidates ||
    new Set(credentials.map((c) => c.number)).size !== credentials.length
  ) {
    throw new Error(
      `Phiếu đăng nhập có ${credentials.length} thí sinh, cần ${opts.candidates} số báo danh khác nhau`,
    );
  }
  if (opts.practice && credentials.some((c) => !c.pin)) throw new Error('Phiếu đăng nhập thiếu mã PIN ký số');
  if (opts.prepare) {
    await timed(timings, 'prepareMs', () =>
      api.call('POST', `/api/proctor/sessions/${sessionId}/prepare`, {
        ...auth,
        body: {},
        timeoutMs: 600_000,
      }),
    );
  }
  return { contestId, sessionId, credentials, timings };
}
