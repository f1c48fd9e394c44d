import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TContest } from '../../contracts/contests';
import { defaultContestRules } from '../../core/exam/rules';
import { contests } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { type Agent, createTestApp, type TestApp } from '../testing/test-app';
import { dbKinds } from '../testing/test-db';

describe.each(dbKinds())('the practice scenario in the contest rules (%s)', (kind) => {
  let t: TestApp;
  let organiser: Agent;
  let contest: TContest;

  const stored = async () => {
    const [row] = await t.database.db.select().from(contests).where(eq(contests.id, contest.id));
    return row!;
  };
  const counts = async () => {
    const [row] = await queryRows<{ contests: number; audit: number }>(
      t.database.db,
      sql`select (select count(*)::int from contests) as contests, (select count(*)::int from audit_log) as audit`,
    );
    return { contests: Number(row!.contests), audit: Number(row!.audit) };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.addUser('bantochuc', 'organiser');
    organiser = await t.login('bantochuc');
    const res = await organiser.request('POST', '/api/contests', { year: 2026, name: 'Hội thi năm 2026' });
    expect(res.statusCode, res.body).toBe(200);
    contest = res.json();
  });
  afterAll(() => t.close());

  it('starts without a scenario', () => {
    expect(contest.rules.practiceScenario).toBeNull();
  });

  it('refuses a scenario code that does not exist, on create and on save, changing nothing', async () => {
    const before = await stored();
    const beforeCounts = await counts();
    const rules = { ...defaultContestRules(), practiceScenario: 'khong-co-de-nay' };
    const saved = await organiser.request('PATCH', `/api/contests/${contest.id}`, { rules });
    expect(saved.statusCode).toBe(400);
    expect(saved.json()).toMatchObject({ code: 'validation_failed' });
    expect(saved.json().message).toContain('Không tìm thấy đề thực hành “khong-co-de-nay”');
    expect(saved.json().details).toContainEqual(expect.objectContaining({ path: 'rules.practiceScenario' }));
    const created = await organiser.request('POST', '/api/contests', {
      year: 2027,
      name: 'Hội thi 2027',
      rules,
    });
    expect(created.statusCode).toBe(400);
    expect(await stored()).toEqual(before);
    expect(await counts()).toEqual(beforeCounts);
  });

  it('refuses a scenario when the practice section has no points', async () => {
    const rules = {
      ...defaultContestRules(),
      sections: [
        { code: 'theory', name: 'Lý thuyết', points: 100 },
        { code: 'practice', name: 'Thực hành', points: 0 },
      ],
      practiceScenario: 'cantho-2022-quan',
    };
    const res = await organiser.request('PATCH', `/api/contests/${contest.id}`, { rules });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('phần thi thực hành không có điểm');
  });

  it('saves a shipped scenario, and no scenario again', async () => {
    const rules = { ...defaultContestRules(), practiceScenario: 'cantho-2023-phuong' };
    const res = await organiser.request('PATCH', `/api/contests/${contest.id}`, { rules });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rules.practiceScenario).toBe('cantho-2023-phuong');
    expect((await stored()).rules.practiceScenario).toBe('cantho-2023-phuong');
    const cleared = await organiser.request('PATCH', `/api/contests/${contest.id}`, {
      rules: { ...rules, practiceScenario: null },
    });
    expect(cleared.json().rules.practiceScenario).toBeNull();
  });

  it('refuses to open a contest whose scenario has gone, leaving it a draft', async () => {
    // Rules written before the scenario disappeared (e.g. restored from elsewhere): opening checks again.
    await t.database.db
      .update(contests)
      .set({ rules: { ...defaultContestRules(), practiceScenario: 'de-da-xoa' } })
      .where(eq(contests.id, contest.id));
    const before = await counts();
    const res = await organiser.request('POST', `/api/contests/${contest.id}/status`, { status: 'open' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Không tìm thấy đề thực hành “de-da-xoa”');
    expect((await stored()).status).toBe('draft');
    expect(await counts()).toEqual(before);
  });
});
