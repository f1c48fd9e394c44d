import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TContestResults, TOwnResult, TUnitResults } from '../../../contracts/contest-results';
import { hashPassword } from '../../auth/password';
import { candidates, contests, units, users } from '../../db/schema';
import { queryRows } from '../../db/sql-rows';
import { dbKinds } from '../../testing/test-db';
import { type Caller, createExamKit, type ExamKit, STAFF_PASSWORD } from '../exam/exam-test-kit';

/** The PDF's text in reading order, NFC (poppler's pdftotext, a Debian package). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'thuocdo-slip-'));
  try {
    writeFileSync(join(dir, 'slip.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'slip.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(dbKinds())('contest results: publication to candidates (%s)', (kind) => {
  let kit: ExamKit;
  let organiser: Caller;
  let unitSo: string;
  let unitXa: string;
  let reporterXa: Caller;
  /** Candidates by given name (the kit names them Nguyễn Văn An, Trần Thị Bích Ngọc, Lê Hoàng Đức, Phạm Thị Ánh). */
  const who: Record<'An' | 'Ngọc' | 'Đức' | 'Ánh', { id: string; number: string; fullName: string }> =
    {} as never;
  const pages = new Map<string, Caller>();
  const base = () => `/api/contest-results/${kit.contestId}`;

  async function staffLogin(
    username: string,
    role: 'reporter' | 'viewer',
    unitId: string | null,
  ): Promise<Caller> {
    await kit.db.insert(users).values({
      username,
      fullName: `Cán bộ ${username}`,
      role,
      unitId,
      passwordHash: await hashPassword(STAFF_PASSWORD),
    });
    const res = await kit.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: STAFF_PASSWORD },
    });
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const csrf = res.json().csrfToken as string;
    return {
      cookie,
      csrf,
      request: (method, url, body) =>
        kit.app.inject({
          method: method as 'GET',
          url,
          headers: { cookie, 'x-csrf-token': csrf },
          ...(body === undefined ? {} : { payload: body as object }),
        }),
    };
  }

  /** Answers `right` questions with the key ("b") and the rest with "a", then hands in. */
  async function sit(page: Caller, right: number) {
    const state = (await page.request('GET', '/api/exam/state')).json();
    const answers = Object.fromEntries(
      state.questions.map((q: { versionId: string }, i: number) => [q.versionId, [i < right ? 'b' : 'a']]),
    );
    expect((await page.request('POST', '/api/exam/save', { seq: 1, answers, flagged: [] })).statusCode).toBe(
      200,
    );
    expect((await page.request('POST', '/api/exam/submit', {})).statusCode).toBe(200);
  }

  const publicationRows = async () =>
    queryRows<{ n: number }>(
      kit.db,
      sql`select count(*)::int as n from contest_result_publications where contest_id = ${kit.contestId}`,
    );
  const auditCount = async () =>
    queryRows<{ n: number }>(
      kit.db,
      sql`select count(*)::int as n from audit_log where action like 'contest_results_%'`,
    );

  beforeAll(async () => {
    // Theory 60 points over a 10-question paper: 6 points a question; no practice scenario (counts 0).
    kit = await createExamKit(kind, { candidateCount: 4 });
    const [so] = await kit.db
      .insert(units)
      .values({
        code: 'S-TC',
        name: 'Sở Tài chính',
        level: 'so',
        kind: 'sở',
        groupNo: 1,
        validFrom: '2025-07-01',
      })
      .returning({ id: units.id });
    const [xa] = await kit.db
      .insert(units)
      .values({ code: 'X-AB', name: 'Phường An Bình', level: 'xa', kind: 'phường', validFrom: '2025-07-01' })
      .returning({ id: units.id });
    unitSo = so!.id;
    unitXa = xa!.id;
    for (const c of kit.candidates) {
      const given = c.fullName.split(' ').pop() as keyof typeof who;
      who[given] = c;
    }
    // An and Ngọc work at the sở, Đức and Ánh at the phường.
    for (const [given, unit] of [
      ['An', so!],
      ['Ngọc', so!],
      ['Đức', xa!],
      ['Ánh', xa!],
    ] as const) {
      const u =
        given === 'An' || given === 'Ngọc'
          ? { name: 'Sở Tài chính', level: 'so' as const }
          : { name: 'Phường An Bình', level: 'xa' as const };
      await kit.db
        .update(candidates)
        .set({ unitId: unit.id, unitName: u.name, level: u.level })
        .where(eq(candidates.id, who[given].id));
    }
    organiser = await kit.staff('organiser');
    reporterXa = await staffLogin('dau-moi-an-binh', 'reporter', unitXa);
    const proctor = await kit.staff('proctor');
    expect((await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`)).statusCode).toBe(
      200,
    );
    for (const given of ['An', 'Ngọc', 'Đức'] as const)
      pages.set(given, await kit.candidate(who[given].number));
    // Ánh never logs in: absent.
    await sit(pages.get('An')!, 5); // 5 × 6 = 30
    await sit(pages.get('Ngọc')!, 8); // 8 × 6 = 48
    await sit(pages.get('Đức')!, 8); // 8 × 6 = 48: tied with Ngọc
  });
  afterAll(() => kit.close());

  it('refuses to publish while an attempt is still running, and changes nothing', async () => {
    const res = await organiser.request('POST', `${base()}/publish`, { showAnswers: 'own' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('1 bài đang thi');
    expect(await publicationRows()).toEqual([{ n: 0 }]);
    expect(await auditCount()).toEqual([{ n: 0 }]);
  });

  it('ranks with shared places and Vietnamese name order among the tied', async () => {
    // Ánh's attempt ends at the deadline (60 min + 60 s grace) without a login: absent.
    kit.clock.advance(61 * 60 + 1);
    await kit.tick();
    const res = await organiser.request('GET', base());
    expect(res.statusCode).toBe(200);
    const body = res.json() as TContestResults;
    // Đức 48 and Ngọc 48 share rank 1 (Đ sorts before N in Vietnamese; code points would put Ngọc first),
    // An 30 is 3rd, Ánh (absent) is unranked.
    expect(body.rows.map((r) => [r.fullName, r.total, r.overall.rank, r.state])).toEqual([
      ['Lê Hoàng Đức', 48, 1, 'graded'],
      ['Trần Thị Bích Ngọc', 48, 1, 'graded'],
      ['Nguyễn Văn An', 30, 3, 'graded'],
      ['Phạm Thị Ánh', null, null, 'absent'],
    ]);
    // By level: sở Ngọc 1, An 2 (of 2); xã Đức 1 of 1. Threshold 50: all three below.
    const by = (name: string) => body.rows.find((r) => r.fullName === name)!;
    expect(by('Trần Thị Bích Ngọc').byLevel).toEqual({ rank: 1, of: 2 });
    expect(by('Nguyễn Văn An').byUnit).toEqual({ rank: 2, of: 2 });
    expect(by('Lê Hoàng Đức').byLevel).toEqual({ rank: 1, of: 1 });
    expect(by('Lê Hoàng Đức').flag).toBe('khong_xet_khen_thuong');
    expect(body.canPublish).toBe(true);
  });

  it('shows a candidate nothing before publication', async () => {
    for (const page of pages.values()) {
      const res = await page.request('GET', '/api/exam/result');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ published: false });
    }
  });

  it('refuses another unit’s reporter and a reporter’s or viewer’s publication, changing nothing', async () => {
    const other = await reporterXa.request('GET', `${base()}/units/${unitSo}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('forbidden_unit');
    for (const url of [base(), `${base()}/export`, `${base()}/units`, `${base()}/dashboard`]) {
      expect((await reporterXa.request('GET', url)).statusCode).toBe(403);
    }
    const viewer = await staffLogin('u-viewer-kq', 'viewer', null);
    for (const caller of [reporterXa, viewer]) {
      const res = await caller.request('POST', `${base()}/publish`, { showAnswers: 'own' });
      expect(res.statusCode).toBe(403);
    }
    expect(await publicationRows()).toEqual([{ n: 0 }]);
    expect(await auditCount()).toEqual([{ n: 0 }]);
    // Their own unit: Đức and Ánh only, with ranks from the whole contest.
    const own = await reporterXa.request('GET', `${base()}/units/${unitXa}`);
    expect(own.statusCode).toBe(200);
    const body = own.json() as TUnitResults;
    expect(body.rows.map((r) => [r.fullName, r.overall.rank])).toEqual([
      ['Lê Hoàng Đức', 1],
      ['Phạm Thị Ánh', null],
    ]);
    // Registered 2, sat 1 (Ánh absent), graded 1, average 48, below the threshold 1.
    expect(body.summary).toMatchObject({
      registered: 2,
      sat: 1,
      graded: 1,
      averageTotal: 48,
      belowThreshold: 1,
    });
  });

  it('after publication each candidate sees only their own result and their own answers', async () => {
    const res = await organiser.request('POST', `${base()}/publish`, { showAnswers: 'own' });
    expect(res.statusCode).toBe(200);
    expect(await publicationRows()).toEqual([{ n: 1 }]);
    const [audit] = await queryRows<{ action: string; after: { graded: number } }>(
      kit.db,
      sql`select action, after from audit_log where entity_id = ${kit.contestId} and action = 'contest_results_published'`,
    );
    expect(audit?.after.graded).toBe(3);

    const expected = { An: 30, Ngọc: 48, Đức: 48 } as const;
    for (const [given, page] of pages) {
      const own = (await page.request('GET', '/api/exam/result')).json() as TOwnResult;
      if (!own.published) throw new Error('not published');
      expect(own.fullName).toBe(who[given as keyof typeof who].fullName);
      expect(own.total).toBe(expected[given as keyof typeof expected]);
      expect(own.theory).toBe(expected[given as keyof typeof expected]);
      // Their own paper: 10 questions, their choice marked, 6 points for each "b" (the key).
      expect(own.answers).toHaveLength(10);
      const right = own.answers!.filter((a) => a.options.some((o) => o.chosen && o.correct));
      expect(right.length * 6).toBe(own.total);
      expect(own.answers!.reduce((s, a) => s + a.points, 0)).toBe(own.total);
      // Nothing of anybody else.
      const text = JSON.stringify(own);
      for (const other of Object.values(who)) {
        if (other.fullName !== own.fullName) expect(text).not.toContain(other.fullName);
      }
    }
  });

  it('prints a result slip with the Vietnamese name and the total', async () => {
    const res = await organiser.request('GET', `${base()}/candidates/${who.Đức.id}/slip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('PHIẾU BÁO KẾT QUẢ');
    expect(text).toContain('Lê Hoàng Đức');
    expect(text).toContain(who.Đức.number);
    // Total 48 of 100, below the threshold 50.
    expect(text).toMatch(/Tổng điểm\s+100\s+48/);
    expect(text).toContain('không xét khen thưởng');
    // A unit's batch: one page per candidate of the phường (Đức, Ánh).
    const batch = await organiser.request('GET', `${base()}/slips?unitId=${unitXa}`);
    const batchText = pdfText(batch.rawPayload);
    expect(batchText).toContain('Lê Hoàng Đức');
    expect(batchText).toContain('Phạm Thị Ánh');
    expect(batchText).not.toContain('Nguyễn Văn An');
    expect(batchText.split('\f').filter((p) => p.trim()).length).toBe(2);
  });

  it('admits candidates of a closed contest only while its results are published', async () => {
    await kit.db.update(contests).set({ status: 'closed' }).where(eq(contests.id, kit.contestId));
    // Ánh never logged in during the exam; after it she signs in to read her published result.
    const anh = await kit.candidate(who.Ánh.number);
    const own = (await anh.request('GET', '/api/exam/result')).json() as TOwnResult;
    expect(own.published).toBe(true);
    const withdrawn = await organiser.request('POST', `${base()}/withdraw`, {
      reason: 'Rà soát lại kết quả',
    });
    expect(withdrawn.statusCode).toBe(200);
    // Withdrawn: the closed contest admits nobody, and the refusal is the usual wrong-credentials answer.
    const res = await kit.loginResponse(who.Ngọc.number);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
  });
});
