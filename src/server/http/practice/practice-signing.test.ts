import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPracticeSignResponse, TPracticeView } from '../../../contracts/practice';
import { practiceFiles } from '../../db/schema';
import { loadSandbox } from '../../office/sandbox-store';
import { dbKinds } from '../../testing/test-db';
import { createPracticeApiKit, type PracticeApiKit, type PracticeCaller } from './practice-test-kit';

/** A PIN that is not `pin`: the same length, every digit shifted. */
const wrong = (pin: string) => pin.replace(/\d/g, (d) => String((Number(d) + 1) % 10));

describe.each(dbKinds())('signing and the văn thư through the practice API (%s)', (kind) => {
  let kit: PracticeApiKit;

  beforeAll(async () => {
    kit = await createPracticeApiKit(kind, { candidates: 2 });
  });
  afterAll(() => kit?.close());

  const viewOf = async (c: PracticeCaller): Promise<TPracticeView> =>
    (await c.request('GET', '/api/exam/practice')).json();
  /** The scenario's Kế hoạch draft (the one the văn thư numbers KH). */
  const draftOf = async (attemptId: string) => {
    const record = await loadSandbox(kit.db, attemptId);
    return record.state.documents.find((d) => d.key === 'kh-ngay-cds')!;
  };

  it('signs with the PIN from the credential slip: the draft becomes “đã ký”', async () => {
    const c = kit.candidates[0]!;
    const me = await kit.candidate(0);
    const view = await viewOf(me);
    const draft = await draftOf(c.attemptId);
    expect(view.documents.find((d) => d.id === draft.id)).toMatchObject({ status: 'cho_ky' });
    const res = await me.request('POST', '/api/exam/practice/sign', {
      seq: view.seq,
      documentId: draft.id,
      pin: kit.pins.get(c.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body: TPracticeSignResponse = res.json();
    expect(body).toMatchObject({ signed: true, attemptsLeft: 3, locked: false });
    expect(body.view.seq).toBe(view.seq + 1);
    const signed = body.view.documents.find((d) => d.id === draft.id)!;
    expect(signed).toMatchObject({ status: 'da_ky', direction: 'outgoing' });
    expect(signed.direction === 'outgoing' && signed.signatures.map((s) => s.by)).toEqual(['candidate']);
    // The signed revision is stored beside the rendering.
    const rows = await kit.db
      .select({ kind: practiceFiles.kind })
      .from(practiceFiles)
      .where(and(eq(practiceFiles.attemptId, c.attemptId), eq(practiceFiles.key, draft.fileId)));
    expect(rows.map((r) => r.kind).sort()).toEqual(['document', 'signed']);
  });

  it('has the văn thư number it after the agency’s last number of the year, and serves the issued PDF', async () => {
    const c = kit.candidates[0]!;
    const me = await kit.candidate(0);
    const view = await viewOf(me);
    const draft = await draftOf(c.attemptId);
    const { scenario } = await loadSandbox(kit.db, c.attemptId);
    const res = await me.request('POST', '/api/exam/practice/send-to-clerk', {
      seq: view.seq,
      documentId: draft.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    // ND 30: the next number of the series, two digits at least, then "KH" (Kế hoạch) and the agency.
    const last = scenario.candidate.agency.lastOutgoingNumber ?? 0;
    expect(last).toBe(86);
    const expected = `${String(last + 1).padStart(2, '0')}/KH-${scenario.candidate.agency.abbreviation}`;
    expect(expected).toBe('87/KH-UBND');
    expect(res.json().numberSymbol).toBe(expected);
    const issued = res.json().view.documents.find((d: { id: string }) => d.id === draft.id);
    expect(issued).toMatchObject({ status: 'da_phat_hanh', numberSymbol: expected });

    const file = await me.request('GET', `/api/exam/practice/files/${draft.fileId}`);
    const [newest] = await kit.db
      .select()
      .from(practiceFiles)
      .where(and(eq(practiceFiles.attemptId, c.attemptId), eq(practiceFiles.key, draft.fileId)))
      .orderBy(desc(practiceFiles.revision))
      .limit(1);
    expect(newest!.kind).toBe('issued');
    expect(file.rawPayload.equals(newest!.data)).toBe(true);
  });

  it('locks the token on the third wrong PIN and refuses the fourth, even the right one, changing nothing', async () => {
    const c = kit.candidates[1]!;
    const me = await kit.candidate(1);
    const draft = await draftOf(c.attemptId);
    const answers: [boolean, number, boolean][] = [];
    for (let i = 0; i < 3; i++) {
      const view = await viewOf(me);
      const res = await me.request('POST', '/api/exam/practice/sign', {
        seq: view.seq,
        documentId: draft.id,
        pin: wrong(kit.pins.get(c.id)!),
      });
      expect(res.statusCode, res.body).toBe(200);
      const body: TPracticeSignResponse = res.json();
      answers.push([body.signed, body.attemptsLeft, body.locked]);
      expect(body.view.token).toEqual({ wrongPins: i + 1, locked: i === 2, attemptsLeft: 2 - i });
      expect(body.view.seq).toBe(view.seq + 1);
    }
    expect(answers).toEqual([
      [false, 2, false],
      [false, 1, false],
      [false, 0, true],
    ]);
    const view = await viewOf(me);
    const before = await kit.sandboxRow(c.attemptId);
    const files = await kit.fileIds(c.attemptId);
    const res = await me.request('POST', '/api/exam/practice/sign', {
      seq: view.seq,
      documentId: draft.id,
      pin: kit.pins.get(c.id),
    });
    expect(res.statusCode).toBe(423);
    expect(res.json()).toMatchObject({ code: 'account_locked', details: { reason: 'token_locked' } });
    expect(res.json().message).toMatch(/khóa/);
    expect(await kit.sandboxRow(c.attemptId)).toEqual(before);
    expect(await kit.fileIds(c.attemptId)).toEqual(files);
    expect((await viewOf(me)).documents.find((d) => d.id === draft.id)).toMatchObject({ status: 'cho_ky' });
  });

  it('refuses a signature against a stale sequence, changing nothing', async () => {
    const c = kit.candidates[0]!;
    const me = await kit.candidate(0);
    const view = await viewOf(me);
    // The other draft (the report), still awaiting signature.
    const other = (await loadSandbox(kit.db, c.attemptId)).state.documents.find((d) => d.key === 'bc-cchc')!;
    expect(view.documents.find((d) => d.id === other.id)).toMatchObject({ status: 'cho_ky' });
    const before = await kit.sandboxRow(c.attemptId);
    const res = await me.request('POST', '/api/exam/practice/sign', {
      seq: view.seq - 1,
      documentId: other.id,
      pin: kit.pins.get(c.id),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toMatchObject({ reason: 'stale_sequence', seq: view.seq });
    expect(await kit.sandboxRow(c.attemptId)).toEqual(before);
  });
});
