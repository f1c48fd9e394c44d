import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSnapshot, TUnitForm } from '../../../contracts/cycles';
import { type CycleWorld, cycleWorld } from '../../cycle/testing';
import { cycleEntries, notifications } from '../../db/schema';
import { multipartFile } from '../../testing/hostile-files';
import type { Agent, TestApp } from '../../testing/test-app';
import { createTestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const IN_TWO_DAYS = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

describe.each(dbKinds())('DTI cycle from self-assessment to publication (%s)', (kind) => {
  let t: TestApp;
  let w: CycleWorld;
  let reporter: Agent;
  let base: string;

  const form = async (agent: Agent = reporter): Promise<TUnitForm> => {
    const res = await agent.request('GET', `${base}/form`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const entry = (f: TUnitForm, code: string) => f.entries.find((e) => e.code === code)!;
  const save = (code: string, body: object) => reporter.request('PUT', `${base}/entries/${code}`, body);
  const upload = async (agent: Agent, code: string, data: Buffer, filename: string) => {
    const { payload, contentType } = await multipartFile(data, filename, {
      docNumber: '12/BC-UBND',
      docDate: '2025-11-20',
      summary: 'Báo cáo tỷ lệ hồ sơ trực tuyến toàn trình năm 2025',
    });
    return agent.request('POST', `${base}/entries/${code}/evidence`, payload, {
      'content-type': contentType,
    });
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await cycleWorld(t, { unitCount: 2 });
    reporter = w.reporters[0]!;
    base = `/api/cycles/${w.cycleId}/units/${w.units[0]!.id}`;
  });
  afterAll(() => t.close());

  it('shows every indicator with its method and evidence requirement, nothing started', async () => {
    const f = await form();
    expect(f.state).toBe('draft');
    expect(f.entries.map((e) => e.code)).toEqual(['1.1.1', '1.1.2', '1.1.3', '2.1']);
    expect(entry(f, '1.1.1')).toMatchObject({
      method: 'a ÷ b × 20',
      evidenceRequirement: 'Báo cáo trích xuất từ Cổng dịch vụ công',
      status: 'not_started',
    });
    expect(f.pillars).toEqual([
      { code: '1', name: 'Chính quyền số', done: 0, total: 3 },
      { code: '2', name: 'Xã hội số', done: 0, total: 1 },
    ]);
  });

  it('saves drafts, computes the self score and lists what is missing on submit', async () => {
    expect((await save('1.1.1', { inputs: { a: 30, b: 40 } })).statusCode).toBe(200);
    const f = (
      await save('1.1.3', { notApplicable: 'Chưa thành lập Ban Chỉ đạo cấp xã' })
    ).json() as TUnitForm;
    // 30 ÷ 40 × 20 = 15 points; evidence is named for 1.1.1 and none is attached yet.
    expect(entry(f, '1.1.1')).toMatchObject({ selfPoints: 15, status: 'needs_evidence' });
    expect(entry(f, '1.1.3')).toMatchObject({
      selfPoints: null,
      status: 'done',
      notApplicable: 'Chưa thành lập Ban Chỉ đạo cấp xã',
    });

    const refused = await reporter.request('POST', `${base}/submit`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('cycle_incomplete');
    expect(refused.json().details.map((d: { code: string }) => d.code)).toEqual(['1.1.1', '1.1.2', '2.1']);
    expect((await form()).state).toBe('draft');
  });

  it('refuses unknown fields and "not applicable" where the set does not allow it', async () => {
    const unknown = await save('1.1.2', { inputs: { value: 1 } });
    expect(unknown.statusCode).toBe(400);
    const na = await save('1.1.2', { notApplicable: 'Không có' });
    expect(na.json().message).toMatch(/không được khai báo là không áp dụng/);
  });

  it('takes evidence as a file checked by content, or as a link', async () => {
    const exe = Buffer.from('4d5a900003000000', 'hex');
    const refused = await upload(reporter, '1.1.1', exe, 'bao-cao.pdf');
    expect(refused.statusCode).toBe(415);
    expect(entry(await form(), '1.1.1').evidence).toEqual([]);

    expect((await upload(reporter, '1.1.1', PDF, 'bao-cao.pdf')).statusCode).toBe(200);
    const link = await reporter.request('POST', `${base}/entries/1.1.2/evidence`, {
      docNumber: 'Chuyên mục',
      docDate: '2025-03-01',
      summary: 'Chuyên mục chuyển đổi số trên cổng thông tin phường',
      url: 'https://phuongthu1.cantho.gov.vn/chuyen-doi-so',
    });
    expect(link.statusCode, link.body).toBe(200);
    const f = link.json() as TUnitForm;
    const file = entry(f, '1.1.1').evidence[0]!;
    expect(file).toMatchObject({
      docNumber: '12/BC-UBND',
      file: { filename: 'bao-cao.pdf', mime: 'application/pdf' },
    });
    const download = await reporter.request('GET', `${base}/evidence/${file.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('submits once complete; the unit can no longer edit', async () => {
    await save('1.1.2', { inputs: { yes: true } });
    await save('2.1', { inputs: { yes: false } });
    const res = await reporter.request('POST', `${base}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('submitted');
    const late = await save('2.1', { inputs: { yes: true } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('cycle_state');
  });

  it('a reviewer asks for more evidence on one indicator and agrees with the rest in bulk', async () => {
    const queue = await w.reviewer.request(
      'GET',
      `/api/cycles/${w.cycleId}/review-queue?unitId=${w.units[0]!.id}`,
    );
    expect(queue.json().items.map((i: { code: string }) => i.code)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.1.3',
      '2.1',
    ]);
    const request = await w.reviewer.request('POST', `${base}/entries/1.1.2/review`, {
      action: 'request',
      comment: 'Đề nghị bổ sung ảnh chụp chuyên mục có ngày đăng',
      deadline: IN_TWO_DAYS(),
    });
    expect(request.statusCode, request.body).toBe(200);
    // One decision per indicator: an indicator twice in a request refuses the whole request.
    const submitted = await form();
    const pending = ['1.1.1', '1.1.3'].map((code) => entry(submitted, code).review);
    expect(pending).not.toContain('agreed');
    const twice = await w.reviewer.request('POST', `/api/cycles/${w.cycleId}/review/agree`, {
      items: ['1.1.1', '1.1.3', '1.1.1'].map((code) => ({ unitId: w.units[0]!.id, code })),
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('1.1.1');
    const untouched = await form();
    expect(['1.1.1', '1.1.3'].map((code) => entry(untouched, code).review)).toEqual(pending);
    const bulk = await w.reviewer.request('POST', `/api/cycles/${w.cycleId}/review/agree`, {
      items: ['1.1.1', '1.1.3', '2.1'].map((code) => ({ unitId: w.units[0]!.id, code })),
    });
    expect(bulk.json()).toEqual({ agreed: 3 });
    const f = await form();
    expect(f.state).toBe('returned');
    expect(entry(f, '1.1.2')).toMatchObject({
      review: 'requested',
      status: 'needs_evidence',
      requestComment: 'Đề nghị bổ sung ảnh chụp chuyên mục có ngày đăng',
    });
    const notices = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'evidence_requested'));
    expect(notices.map((n) => n.body)).toEqual([expect.stringContaining('1.1.2')]);
  });

  it('the unit explains and resubmits only that indicator; the reviewer agrees', async () => {
    const early = await reporter.request('POST', `${base}/resubmit`, { codes: ['1.1.2'] });
    expect(early.json().code).toBe('cycle_incomplete');
    const other = await save('2.1', { inputs: { yes: true } });
    expect(other.statusCode).toBe(409);
    const explained = await reporter.request('PUT', `${base}/entries/1.1.2/explanation`, {
      explanation: 'Chuyên mục đăng ngày 01/3/2025, đính kèm ảnh chụp màn hình',
    });
    expect(explained.statusCode, explained.body).toBe(200);
    const resubmitted = await reporter.request('POST', `${base}/resubmit`, { codes: ['1.1.2'] });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(entry(resubmitted.json(), '1.1.2').review).toBe('answered');
    const adjust = await w.reviewer.request('POST', `${base}/entries/1.1.2/review`, {
      action: 'adjust',
      points: 10,
      reason: 'Chuyên mục chưa cập nhật thường xuyên',
    });
    expect(adjust.statusCode, adjust.body).toBe(200);
    expect((await form()).state).toBe('reviewed');
  });

  it('the council sees the gap, confirms, and the organiser publishes the three scores', async () => {
    const council = await w.council.request('GET', `/api/cycles/${w.cycleId}/council`);
    const row = council.json().items.find((r: { unitId: string }) => r.unitId === w.units[0]!.id);
    // Self: 15 + 20 + 0 = 35 of 80 (1.1.3 not applicable); appraised: 15 + 10 + 0 = 25.
    expect(row).toMatchObject({ self: 35, appraised: 25, max: 80, gap: -10, state: 'reviewed' });
    const final = await w.council.request('PUT', `${base}/entries/2.1/final`, {
      points: 40,
      reason: 'Hội đồng xác minh có tổ công nghệ số',
    });
    expect(final.statusCode, final.body).toBe(200);
    const confirm = await w.council.request('POST', `/api/cycles/${w.cycleId}/council/confirm`, {
      unitIds: [w.units[0]!.id],
    });
    expect(confirm.json()).toEqual({ confirmed: 1 });

    // The second unit never submitted: nothing can be published until it is approved.
    const refused = await w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: '' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('Còn 1 đơn vị chưa được hội đồng phê duyệt');
  });

  it('publishes an immutable snapshot; a correction adds a version and keeps the first', async () => {
    // Drop the silent unit (it entered nothing) so the council-approved one can be published.
    const only = await w.organiser.request('PUT', `/api/cycles/${w.cycleId}/units`, {
      unitIds: [w.units[0]!.id],
    });
    expect(only.statusCode, only.body).toBe(200);
    const first = await w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: '' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(1);
    const snap = (
      await w.reporters[0]!.request('GET', `/api/cycles/${w.cycleId}/snapshots/1`)
    ).json() as TSnapshot;
    expect(snap.data.units).toHaveLength(1);
    expect(snap.data.units[0]).toMatchObject({
      code: w.units[0]!.code,
      self: { points: 35, max: 80 },
      appraised: { points: 25, max: 80 },
      final: { points: 65, max: 80 },
      rank: 1,
      rankOf: 1,
    });
    const noReason = await w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const second = await w.organiser.request('POST', `/api/cycles/${w.cycleId}/publish`, {
      reason: 'Đính chính tên đơn vị',
    });
    expect(second.json().version).toBe(2);
    const versions = (await w.organiser.request('GET', `/api/cycles/${w.cycleId}/snapshots`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const detail = await w.organiser.request('GET', `/api/cycles/${w.cycleId}`);
    expect(detail.json()).toMatchObject({ publishedVersion: 2, approvedCount: 1, unitCount: 1 });
    const edit = await t.database.db
      .execute(sql`update cycle_snapshots set reason = 'x' where cycle_id = ${w.cycleId}`)
      .catch((e: Error) => e);
    expect(String((edit as Error).cause ?? edit)).toMatch(/immutable/);
  });

  it('keeps the indicator’s history: who, when, old → new, reason', async () => {
    const res = await w.reporters[0]!.request('GET', `${base}/entries/1.1.2/history`);
    const items = res.json().items as {
      action: string;
      field: string;
      before: unknown;
      after: unknown;
      reason: string | null;
    }[];
    expect(items.map((i) => `${i.action}:${i.field}`)).toEqual([
      'add_evidence:evidence',
      'save:inputs',
      'save:selfPoints',
      'review_request:review',
      'review_request:requestComment',
      'review_request:requestDeadline',
      'explain:explanation',
      'resubmit:review',
      'review_adjust:review',
      'review_adjust:appraisedPoints',
      'review_adjust:reviewReason',
    ]);
    expect(items.find((i) => i.action === 'review_adjust' && i.field === 'appraisedPoints')).toMatchObject({
      after: 10,
      reason: 'Chuyên mục chưa cập nhật thường xuyên',
    });
    const rows = await t.database.db
      .select()
      .from(cycleEntries)
      .where(and(eq(cycleEntries.cycleId, w.cycleId), eq(cycleEntries.code, '1.1.2')));
    expect(rows[0]).toMatchObject({ review: 'adjusted', appraisedPoints: 10 });
  });
});
