import type {
  TExamMe,
  TExamSaveResponse,
  TExamState,
  TExamStatus,
  TExamSubmitResponse,
} from '../../src/contracts/exam';
import type {
  TPracticeAction,
  TPracticeClerkResponse,
  TPracticeSignResponse,
  TPracticeView,
} from '../../src/contracts/practice';
import { type ApiClient, RequestFailed } from './client';
import { Ledger, stateDigest } from './ledger';
import type { Credential } from './setup';

/** What one simulated candidate will do, drawn up front from the run's seed. */
export interface Plan {
  /** When the candidate logs in, ms after the run's origin. */
  loginAt: number;
  /** Submits at this fraction of the exam's duration; null = lets the deadline finalise the attempt. */
  submitAt: number | null;
  /** Sends its last change during the grace period after the deadline (a late delivery). */
  lateSave: boolean;
  rng: () => number;
}

export interface Behaviour {
  saveEveryMs: number;
  /** A save tick with no change (reading, navigating): no request. */
  navigateOnly: number;
  /** After a save, resend an older one (a stale tab or a late network delivery). */
  staleResend: number;
  /** After a save, resend the same one (a retry whose first reply was lost). */
  duplicateResend: number;
  graceSeconds: number;
}

/** Shared by every candidate of the run. */
export interface World {
  api: ApiClient;
  origin: number;
  behaviour: Behaviour;
  /** Set once the proctor has sent "start". */
  startSentAt: number | null;
  stopAt: number;
  /** The contest has a practice part: each candidate does its e-office tasks midway. */
  practice: boolean;
}

export interface CandidateResult {
  number: string;
  ledger: Ledger;
  cookie: string | null;
  csrf: string | null;
  loggedInAt: number | null;
  paperAt: number | null;
  deadlineEpoch: number | null;
  submitted: TExamSubmitResponse | null;
  finalisedSeenAt: number | null;
  /** Points the practice tasks done should earn (null: none done, or none asked for). */
  practiceExpected: number | null;
  problems: string[];
}

const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** Mulberry32: a small seeded generator, so a run's plan can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One candidate's exam as the exam page plays it: login, waiting-room polls every 4–6 s, the paper and
 * three clock samples once the phase turns in_progress, a full-state save on every answer tick (about
 * every `saveEveryMs`, none when only navigating), heartbeats every 15–18 s, then a submission or the
 * deadline (polling every 3 s until the server has finalised). Every acknowledged save goes into the
 * candidate's ledger. In a contest with a practice part the candidate leaves the questions midway for
 * the e-office tasks (`doPractice`), then comes back to them.
 */
export async function runCandidate(cred: Credential, plan: Plan, w: World): Promise<CandidateResult> {
  const { api, behaviour: b } = w;
  const rng = plan.rng;
  const r: CandidateResult = {
    number: cred.number,
    ledger: new Ledger(),
    cookie: null,
    csrf: null,
    loggedInAt: null,
    paperAt: null,
    deadlineEpoch: null,
    submitted: null,
    finalisedSeenAt: null,
    practiceExpected: null,
    problems: [],
  };
  await sleep(w.origin + plan.loginAt - now());

  for (let attempt = 0; attempt < 5 && !r.cookie; attempt++) {
    try {
      const res = await api.call<TExamMe>('POST', '/api/exam/login', {
        body: { number: cred.number, password: cred.password },
        kind: 'login',
      });
      r.cookie = `thuocdo_exam=${res.cookies.thuocdo_exam}`;
      r.csrf = res.data.csrfToken;
      r.loggedInAt = now();
    } catch (e) {
      // A person reads the message and tries again a few seconds later.
      if (e instanceof RequestFailed && e.code === 'invalid_credentials') {
        r.problems.push('invalid_credentials');
        return r;
      }
      await sleep(3000 + rng() * 3000);
    }
  }
  if (!r.cookie) {
    r.problems.push('login_failed');
    return r;
  }
  const auth = { cookie: r.cookie, csrf: r.csrf! };
  const status = async (kind = 'status'): Promise<TExamStatus | null> => {
    try {
      return (await api.call<TExamStatus>('GET', '/api/exam/status', { ...auth, kind })).data;
    } catch {
      return null;
    }
  };

  let phase = (await status())?.phase;
  // A candidate who gets in only after the sitting closed sees the done screen: nothing more to do.
  while (phase !== 'in_progress' && phase !== 'finalised' && now() < w.stopAt) {
    await sleep(4000 + rng() * 2000);
    phase = (await status())?.phase;
  }
  if (phase !== 'in_progress') {
    r.problems.push(`never_started:${phase}`);
    return r;
  }

  let state: TExamState | null = null;
  const clock = async () => {
    for (let i = 0; i < 3; i++) await api.call('GET', '/api/exam/time', { kind: 'time' }).catch(() => null);
  };
  const clockDone = clock();
  while (!state && now() < w.stopAt) {
    try {
      state = (await api.call<TExamState>('GET', '/api/exam/state', { ...auth, kind: 'state' })).data;
    } catch {
      await sleep(2000 + rng() * 1000);
    }
  }
  await clockDone;
  if (!state) {
    r.problems.push('no_paper');
    return r;
  }
  r.paperAt = now();
  r.deadlineEpoch = Date.parse(state.deadlineAt!);
  const deadline = now() + (r.deadlineEpoch - Date.now());
  const startedEpoch = Date.parse(state.startedAt!);
  const durationMs = r.deadlineEpoch - startedEpoch;
  const submitAt = plan.submitAt === null ? null : deadline - durationMs * (1 - plan.submitAt);

  const questions = state.questions;
  const answers: Record<string, string[]> = { ...state.answers };
  let flagged = [...state.flagged];
  let seq = state.lastSeq;
  const ticks = Math.max(1, ((durationMs * 0.8) / b.saveEveryMs) * (1 - b.navigateOnly));
  const perTick = Math.max(1, Math.ceil(questions.length / ticks));
  const change = () => {
    if (rng() < 0.08 && questions.length) {
      const v = questions[Math.floor(rng() * questions.length)]!.versionId;
      flagged = flagged.includes(v) ? flagged.filter((f) => f !== v) : [...flagged, v];
    }
    const open = questions.filter((q) => !answers[q.versionId]);
    const q = open.length && rng() < 0.85 ? open[0]! : questions[Math.floor(rng() * questions.length)];
    if (!q || q.options.length === 0) return;
    const keys = q.options.map((o) => o.key);
    const pick = keys[Math.floor(rng() * keys.length)]!;
    if (q.type === 'multiple' && keys.length > 1 && rng() < 0.5) {
      const other = keys.filter((k) => k !== pick)[Math.floor(rng() * (keys.length - 1))]!;
      answers[q.versionId] = [pick, other];
    } else answers[q.versionId] = [pick];
    seq++;
  };

  const send = async (kind: string, s: number, a: Record<string, string[]>, f: string[]) => {
    const digest = stateDigest(a, f);
    r.ledger.send(s, digest);
    const res = await api.call<TExamSaveResponse>('POST', '/api/exam/save', {
      ...auth,
      body: { seq: s, answers: a, flagged: f },
      kind,
    });
    if (res.data.ackSeq >= s) r.ledger.ack(s, digest);
    return res.data;
  };

  let done = false;
  const heartbeat = (async () => {
    while (!done) {
      const until = now() + 15_000 + rng() * 3000;
      while (!done && now() < until) await sleep(Math.min(2000, until - now()));
      if (done) break;
      const s = await status('heartbeat');
      if (s?.phase === 'finalised') break;
    }
  })();

  // The practice tasks midway (30–50 % of the time), before any submission.
  let practiceAt = w.practice ? deadline - durationMs * (0.7 - rng() * 0.2) : null;
  let next = now() + b.saveEveryMs * (0.5 + rng());
  let previous: { seq: number; answers: Record<string, string[]>; flagged: string[] } | null = null;
  for (;;) {
    await sleep(next - now());
    next += b.saveEveryMs * (0.8 + rng() * 0.4);
    if (submitAt !== null && now() >= submitAt) break;
    if (now() >= deadline - 1500) break;
    if (practiceAt !== null && now() >= practiceAt) {
      practiceAt = null;
      r.practiceExpected = await doPractice(api, auth, cred.pin ?? '', rng, r.problems);
      next = now() + b.saveEveryMs * (0.5 + rng());
      continue;
    }
    if (rng() < b.navigateOnly) continue;
    const changes = 1 + Math.floor(rng() * (2 * perTick - 1));
    for (let i = 0; i < changes; i++) change();
    const snapshot = { seq, answers: structuredClone(answers), flagged: [...flagged] };
    try {
      const ack = await send('save', seq, snapshot.answers, snapshot.flagged);
      if (!ack.applied) r.problems.push(`save_not_applied:${seq}:ack${ack.ackSeq}`);
    } catch {
      // As the page does: retry the latest state shortly, once; the next tick carries it anyway.
      await sleep(1000 + rng() * 1000);
      try {
        await send('save_retry', seq, structuredClone(answers), [...flagged]);
      } catch {
        // counted by the recorder
      }
    }
    if (previous && rng() < b.staleResend) {
      const res = await send('save_stale', previous.seq, previous.answers, previous.flagged).catch(
        () => null,
      );
      if (res && (res.applied || res.ackSeq < r.ledger.ackedSeq))
        r.problems.push(`stale_applied:${previous.seq}`);
    } else if (rng() < b.duplicateResend) {
      const res = await send('save_stale', snapshot.seq, snapshot.answers, snapshot.flagged).catch(
        () => null,
      );
      if (res?.applied) r.problems.push(`duplicate_applied:${snapshot.seq}`);
    }
    previous = snapshot;
  }

  if (submitAt !== null) {
    change();
    const final = { seq, answers: structuredClone(answers), flagged: [...flagged] };
    const digest = stateDigest(final.answers, final.flagged);
    r.ledger.send(seq, digest);
    for (let attempt = 0; attempt < 4 && !r.submitted; attempt++) {
      try {
        const res = await api.call<TExamSubmitResponse>('POST', '/api/exam/submit', {
          ...auth,
          body: { final },
          kind: 'submit',
        });
        r.submitted = res.data;
        if (res.data.lastSeq >= seq) r.ledger.ack(seq, digest);
        r.ledger.finalisedBy = res.data.finalisedBy;
        r.finalisedSeenAt = now();
      } catch {
        await sleep(2000 + rng() * 2000);
      }
    }
    if (!r.submitted) r.problems.push('submit_failed');
  } else {
    if (plan.lateSave) {
      await sleep(deadline - 500 - now());
      change();
      // Changed before the clock hit zero, delivered within the grace period.
      await sleep(deadline + Math.min(b.graceSeconds * 500, 3000) - now());
      await send('save_grace', seq, structuredClone(answers), [...flagged]).catch(() => {
        r.problems.push('grace_save_refused');
      });
    }
    await sleep(deadline - now());
    const giveUp = deadline + b.graceSeconds * 1000 + 90_000;
    while (now() < giveUp) {
      const s = await status('status_after_deadline');
      if (s?.phase === 'finalised') {
        r.finalisedSeenAt = now();
        break;
      }
      await sleep(3000);
    }
    if (r.finalisedSeenAt === null) r.problems.push('not_finalised_after_deadline');
  }
  done = true;
  await heartbeat.catch(() => null);
  return r;
}

const INCOMING = '2150/STTTT-CNTT';
const DRAFT = 'Tổ công tác chuyển đổi số';

/**
 * Tasks 2–4 of the 2022 scenario through the practice API, as the page sends them, a few seconds of
 * reading between steps: the bút phê on the incoming document (chủ trì, two units phối hợp, a
 * deadline) and its chuyển xử lý, "ký số" on the decision with the slip's PIN, and "chuyển văn thư".
 * Returns the points those tasks are worth (from the scenario the view shows), or null after a failure.
 */
async function doPractice(
  api: ApiClient,
  auth: { cookie: string; csrf: string },
  pin: string,
  rng: () => number,
  problems: string[],
): Promise<number | null> {
  const think = () => sleep(1500 + rng() * 3000);
  try {
    let view = (
      await api.call<TPracticeView>('GET', '/api/exam/practice', { ...auth, kind: 'practice_view' })
    ).data;
    const act = async (action: TPracticeAction) => {
      await think();
      view = (
        await api.call<TPracticeView>('POST', '/api/exam/practice/actions', {
          ...auth,
          body: { seq: view.seq, action },
          kind: 'practice_action',
        })
      ).data;
    };
    const incoming = view.documents.find((d) => d.direction === 'incoming' && d.numberSymbol === INCOMING);
    const draft = view.documents.find((d) => d.direction === 'outgoing' && d.subject.includes(DRAFT));
    if (!incoming || !draft) {
      problems.push('practice_documents_missing');
      return null;
    }
    await act({ type: 'open_document', documentId: incoming.id });
    await act({
      type: 'write_directive',
      documentId: incoming.id,
      input: {
        text: 'Giao Phòng Văn hóa và Thông tin chủ trì tham mưu triển khai, báo cáo kết quả.',
        lead: 'phong-vhtt',
        cooperating: ['van-phong', 'phong-noi-vu'],
        deadline: '2022-09-30',
      },
    });
    await act({ type: 'forward_document', documentId: incoming.id });
    await think();
    const signed = await api.call<TPracticeSignResponse>('POST', '/api/exam/practice/sign', {
      ...auth,
      body: { seq: view.seq, documentId: draft.id, pin },
      kind: 'practice_sign',
    });
    if (!signed.data.signed) {
      problems.push('practice_pin_refused');
      return null;
    }
    view = signed.data.view;
    await think();
    const issued = await api.call<TPracticeClerkResponse>('POST', '/api/exam/practice/send-to-clerk', {
      ...auth,
      body: { seq: view.seq, documentId: draft.id },
      kind: 'practice_clerk',
    });
    view = issued.data.view;
    return view.scenario.tasks.filter((t) => t.id !== 't1-email').reduce((sum, t) => sum + t.points, 0);
  } catch (e) {
    problems.push(`practice_failed:${e instanceof RequestFailed ? e.code : 'network'}`);
    return null;
  }
}
