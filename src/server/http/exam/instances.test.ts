import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoParam } from '../../db/sql-rows';
import { dbKinds } from '../../testing/test-db';
import { createExamKit, type ExamKit } from './exam-test-kit';

/**
 * What one instance keeps in memory must not hide what another instance wrote: the other instance is
 * played here by writing to the database directly.
 */
describe.each(dbKinds())('candidate requests across instances (%s)', (kind) => {
  let kit: ExamKit;

  beforeAll(async () => {
    kit = await createExamKit(kind, { candidateCount: 4 });
    const proctor = await kit.staff('proctor');
    const prepared = await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/prepare`);
    expect(prepared.statusCode, prepared.body).toBe(200);
  });
  afterAll(() => kit.close());

  it('a login revoked elsewhere can no longer save, even right after this instance read it', async () => {
    const c = kit.candidates[0]!;
    const pc = await kit.candidate(c.number);
    expect((await pc.request('GET', '/api/exam/status')).statusCode).toBe(200);
    await kit.db.execute(
      sql`update candidate_logins set revoked_at = ${isoParam(kit.clock.now)}::timestamptz
          where candidate_id = ${c.id}`,
    );
    const save = await pc.request('POST', '/api/exam/save', { seq: 1, answers: {}, flagged: [] });
    expect(save.statusCode).toBe(401);
    expect(save.json().code).toBe('unauthenticated');
  });

  it('the waiting room sees a start made by another instance within a second', async () => {
    const c = kit.candidates[1]!;
    const pc = await kit.candidate(c.number);
    expect((await pc.request('GET', '/api/exam/status')).json().phase).toBe('waiting');
    const at = isoParam(kit.clock.now);
    await kit.db.transaction(async (tx) => {
      await tx.execute(
        sql`update exam_sessions set status = 'running', started_at = ${at}::timestamptz where id = ${kit.sessionId}`,
      );
      await tx.execute(
        sql`update attempts set status = 'in_progress', started_at = ${at}::timestamptz,
              deadline_at = ${at}::timestamptz + interval '60 minutes'
            where session_id = ${kit.sessionId}`,
      );
    });
    await new Promise((r) => setTimeout(r, 1100));
    const status = (await pc.request('GET', '/api/exam/status')).json();
    expect(status).toMatchObject({ phase: 'in_progress', remainingSeconds: 3600 });
  });
});
