import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEAL_WINDOW_DAYS } from '../../contest-results/appeals/appeal-rules';
import { dbKinds } from '../../testing/test-db';
import { type AppealKit, createAppealKit } from './appeal-test-kit';

describe.each(dbKinds())('filing an appeal (%s)', (kind) => {
  let k: AppealKit;
  const base = () => `/api/contest-results/${k.contest.contestId}`;
  /** Everything a refused filing must leave as it was. */
  const snapshot = async () => ({
    appeals: await k.count('contest_appeals'),
    audit: await k.count('audit_log'),
  });

  beforeAll(async () => {
    k = await createAppealKit(kind);
  }, 60_000);
  afterAll(async () => k?.close());

  it('refuses before the results are published, and changes nothing', async () => {
    const me = await k.candidate(0);
    const before = await snapshot();
    const res = await me.request('POST', '/api/exam/appeals', { section: 'theory', text: 'Xin phúc khảo' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'window_closed', details: { reason: 'not_published' } });
    expect(res.json().message).toContain('chưa được công bố');
    expect(await snapshot()).toEqual(before);
    const view = (await me.request('GET', '/api/exam/appeals')).json();
    expect(view).toMatchObject({ published: false, canFile: false, closesAt: null, items: [] });
  });

  it('refuses after the window, and changes nothing', async () => {
    await k.publish(APPEAL_WINDOW_DAYS + 1);
    const me = await k.candidate(0);
    const before = await snapshot();
    const res = await me.request('POST', '/api/exam/appeals', { section: 'theory', text: 'Xin phúc khảo' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'window_closed', details: { reason: 'window_passed' } });
    expect(res.json().message).toContain(`${APPEAL_WINDOW_DAYS} ngày`);
    expect(await snapshot()).toEqual(before);
    expect((await me.request('GET', '/api/exam/appeals')).json()).toMatchObject({
      published: true,
      canFile: false,
    });
  });

  it('refuses an empty text, a text over 2,000 characters and a practice appeal without a practice part', async () => {
    await k.publish(1);
    const me = await k.candidate(0);
    const before = await snapshot();
    for (const body of [
      { section: 'theory', text: '   ' },
      { section: 'theory', text: 'x'.repeat(2001) },
      { section: 'nope', text: 'Xin phúc khảo' },
    ]) {
      const res = await me.request('POST', '/api/exam/appeals', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const practice = await me.request('POST', '/api/exam/appeals', {
      section: 'practice',
      text: 'Thực hành',
    });
    expect(practice.statusCode).toBe(400);
    expect(practice.json().message).toContain('không có phần thực hành');
    expect(await snapshot()).toEqual(before);
  });

  it('takes one open appeal per candidate and section; the candidate sees only their own', async () => {
    const me = await k.candidate(0);
    const text = 'Tôi đã chọn đáp án B ở câu 8 nhưng kết quả ghi là A.';
    const first = await me.request('POST', '/api/exam/appeals', { section: 'theory', text: `  ${text} ` });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ section: 'theory', status: 'open' });
    const before = await snapshot();
    const again = await me.request('POST', '/api/exam/appeals', { section: 'theory', text: 'Lần hai' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('đang chờ giải quyết');
    expect(await snapshot()).toEqual(before);
    // Another section is a separate appeal; exactly 2,000 characters is accepted.
    const total = await me.request('POST', '/api/exam/appeals', { section: 'total', text: 'y'.repeat(2000) });
    expect(total.statusCode).toBe(200);
    const view = (await me.request('GET', '/api/exam/appeals')).json();
    expect(view.canFile).toBe(true);
    expect(view.sections).toEqual(['theory', 'total']);
    expect(view.items.map((i: { section: string }) => i.section).sort()).toEqual(['theory', 'total']);
    expect(view.items.find((i: { section: string }) => i.section === 'theory').text).toBe(text);
    // The second candidate has filed nothing and sees nothing of the first's.
    const other = (await (await k.candidate(1)).request('GET', '/api/exam/appeals')).json();
    expect(other.items).toEqual([]);
    expect(await k.auditActions(first.json().id)).toEqual(['appeal_filed']);
  });

  it("lets a unit's reporter file for their own candidate and refuses another unit's, changing nothing", async () => {
    const target = k.contest.attempts[1]!.candidateId;
    const before = await snapshot();
    const refused = await k.reporterB.request('POST', `${base()}/appeals`, {
      candidateId: target,
      section: 'theory',
      text: 'Đơn vị đề nghị phúc khảo',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden_unit');
    expect(await snapshot()).toEqual(before);
    // The other unit's reporter sees none of unit A's appeals or candidates.
    const list = (await k.reporterB.request('GET', `${base()}/appeals`)).json();
    expect(list).toMatchObject({ items: [], total: 0, counts: { open: 0, rejected: 0, accepted: 0 } });
    expect((await k.reporterB.request('GET', `${base()}/appeal-candidates`)).json().items).toEqual([]);

    const filed = await k.reporterA.request('POST', `${base()}/appeals`, {
      candidateId: target,
      section: 'theory',
      text: 'Đơn vị đề nghị phúc khảo câu 10',
    });
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ filedBy: 'unit', filedByName: 'Người dùng bc-a', status: 'open' });
    const own = (await k.reporterA.request('GET', `${base()}/appeals`)).json();
    expect(own.total).toBe(3);
    const candidatesA = (await k.reporterA.request('GET', `${base()}/appeal-candidates?q=an`)).json();
    expect(candidatesA.items.length).toBeGreaterThan(0);
  });

  it('lists for the organiser with filters by status and unit and a search without diacritics', async () => {
    const all = (await k.organiser.request('GET', `${base()}/appeals`)).json();
    expect(all.total).toBe(3);
    expect(all.counts).toEqual({ open: 3, rejected: 0, accepted: 0 });
    const name = k.contest.attempts[1]!.fullName;
    const folded = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
    const found = (
      await k.organiser.request('GET', `${base()}/appeals?q=${encodeURIComponent(folded.toLowerCase())}`)
    ).json();
    expect(found.items.map((a: { fullName: string }) => a.fullName)).toEqual([name]);
    expect((await k.organiser.request('GET', `${base()}/appeals?status=accepted`)).json().total).toBe(0);
    expect((await k.organiser.request('GET', `${base()}/appeals?unitId=${k.unitB}`)).json().total).toBe(0);
    expect((await k.organiser.request('GET', `${base()}/appeals?unitId=${k.unitA}`)).json().total).toBe(3);
  });
});
