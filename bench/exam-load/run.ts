import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { TProctorLive } from '../../src/contracts/proctor';
import { type CandidateResult, type Plan, runCandidate, seeded, type World } from './candidate';
import { ApiClient, RequestFailed } from './client';
import { restartPostgres } from './crash';
import { readOptions } from './options';
import { writeDocs } from './report';
import { ADMIN_PASSWORD, postgresCpuSeconds, type RunningServer, startServer } from './server';
import { serverTimings } from './server-log';
import { setUpContest, staffLogin } from './setup';
import { percentile, Recorder, summarise } from './stats';
import { verify, verifyPractice, waitAllFinal } from './verify';

const here = dirname(fileURLToPath(import.meta.url));
const opts = readOptions(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 13);
const variant = [
  opts.instances > 1 ? `x${opts.instances}` : '',
  opts.killServer.length ? 'kill' : '',
  opts.restartPostgres.length ? 'pgrestart' : '',
  opts.practice ? 'practice' : '',
].join('');
const runName = `${opts.db}-${opts.candidates}${variant ? `-${variant}` : ''}-${stamp}`;
const resultsDir = opts.resultsDir ?? join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const load0 = loadavg();

log(`Máy chủ: ${opts.url ?? `khởi động mới trên ${opts.db}`}`);
const serverLogFile = opts.serverLog ?? join(tmpdir(), `thuocdo-${runName}.log`);
const profDir = opts.cpuProf ? join(resultsDir, 'profiles', runName) : undefined;
const server: RunningServer | null = opts.url
  ? null
  : await startServer({
      db: opts.db,
      pgUrl: opts.pgUrl,
      cpuProfDir: profDir,
      logFile: serverLogFile,
      instances: opts.instances,
    });
const base = opts.url ?? server!.base;
const recorder = new Recorder(performance.now());
const api = new ApiClient(base, opts.connections, recorder);
const proctorApi = new ApiClient(base, 2, recorder);

/** Crashes planned by --kill-server and --restart-postgres, counted from the start press. */
async function scheduleCrashes(startSentAt: number) {
  const plan = [
    ...opts.killServer.map((at) => ({ kind: 'kill -9 server' as const, at })),
    ...opts.restartPostgres.map((at) => ({ kind: 'restart PostgreSQL' as const, at })),
  ];
  const done: { kind: string; atSeconds: number; downMs: number }[] = [];
  await Promise.all(
    plan.map(async ({ kind, at }) => {
      await new Promise((r) => setTimeout(r, startSentAt + at * 1000 - performance.now()));
      log(`Sự cố: ${kind}`);
      const { downMs } =
        kind === 'kill -9 server' ? await server!.crash(0) : await restartPostgres(opts.pgUrl);
      log(`Sự cố: ${kind}, phục hồi sau ${downMs} ms`);
      done.push({ kind, atSeconds: at, downMs });
    }),
  );
  return done;
}

try {
  const staff = await staffLogin(api, opts.url ? (process.env.THUOCDO_ADMIN_PASSWORD ?? '') : ADMIN_PASSWORD);
  log(`Chuẩn bị kỳ thi: ${opts.candidates} thí sinh`);
  const setup = await setUpContest(api, staff, {
    candidates: opts.candidates,
    durationMinutes: opts.durationMinutes,
    graceSeconds: opts.graceSeconds,
    prepare: opts.prepare,
    label: runName,
    practice: opts.practice,
  });
  log(`Đã chuẩn bị: ${JSON.stringify(setup.timings)}`);

  const rng = seeded(opts.seed);
  const plans: Plan[] = setup.credentials.map((_, i) => ({
    loginAt: rng() * opts.loginSpreadSeconds * 1000,
    submitAt: rng() < opts.submitFraction ? 0.75 + rng() * 0.2 : null,
    lateSave: rng() < opts.lateSaveFraction,
    rng: seeded(opts.seed * 100_003 + i),
  }));
  const origin = performance.now();
  const originEpoch = Date.now();
  recorder.origin = origin;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const stopAt =
    origin + (opts.loginSpreadSeconds + 300 + opts.durationMinutes * 60 + opts.graceSeconds + 120) * 1000;
  const world: World = {
    api,
    origin,
    startSentAt: null,
    stopAt,
    practice: opts.practice,
    behaviour: {
      saveEveryMs: opts.saveEverySeconds * 1000,
      navigateOnly: 0.15,
      staleResend: 0.03,
      duplicateResend: 0.02,
      graceSeconds: opts.graceSeconds,
    },
  };

  const cpu: { t: number; server: number; generator: number; postgres: number; rssMb: number }[] = [];
  const sampleCpu = () => {
    const u = process.cpuUsage();
    cpu.push({
      t: (performance.now() - origin) / 1000,
      server: server ? server.cpuSeconds() : 0,
      generator: (u.user + u.system) / 1e6,
      postgres: opts.db === 'postgres' ? postgresCpuSeconds() : 0,
      rssMb: server ? Math.round(server.rssMb()) : 0,
    });
  };
  sampleCpu();
  const cpuTimer = setInterval(sampleCpu, 1000);

  log(`Thí sinh đăng nhập trong ${opts.loginSpreadSeconds} s`);
  const running = setup.credentials.map((c, i) => runCandidate(c, plans[i]!, world));

  let proctorDone = false;
  const proctor = (async () => {
    if (opts.proctorPollSeconds <= 0) return;
    while (!proctorDone) {
      await proctorApi
        .call<TProctorLive>('GET', `/api/proctor/sessions/${setup.sessionId}`, {
          ...staff,
          kind: 'proctor_live',
        })
        .catch(() => null);
      await new Promise((r) => setTimeout(r, opts.proctorPollSeconds * 1000));
    }
  })();

  const lastLogin = Math.max(...plans.map((p) => p.loginAt));
  await new Promise((r) =>
    setTimeout(r, origin + lastLogin + opts.startAfterSeconds * 1000 - performance.now()),
  );
  world.startSentAt = performance.now();
  log('Giám thị bấm "Bắt đầu"');
  // The proctor's own PC: a connection of its own. A failed press is pressed again; "already started"
  // means the first press went through.
  let started = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await proctorApi.call<{ affected: number }>(
        'POST',
        `/api/proctor/sessions/${setup.sessionId}/start`,
        { ...staff, body: {}, kind: 'proctor_start', timeoutMs: 600_000 },
      );
      started = res.data.affected;
      break;
    } catch (e) {
      if (e instanceof RequestFailed && e.code === 'conflict') break;
      log(`Bắt đầu lỗi (${(e as Error).message}), bấm lại`);
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
  const startMs = performance.now() - world.startSentAt;
  log(`Bắt đầu ${started} bài trong ${Math.round(startMs)} ms`);
  const crashes = scheduleCrashes(world.startSentAt);

  const results: CandidateResult[] = await Promise.all(running);
  const crashLog = await crashes;
  proctorDone = true;
  await proctor;
  log('Mọi thí sinh đã xong; chờ máy chủ thu hết bài');
  const deadlines = results.flatMap((r) => (r.deadlineEpoch ? [r.deadlineEpoch] : []));
  const lastDeadline = deadlines.length ? Math.max(...deadlines) : Date.now();
  await waitAllFinal(api, staff, setup.sessionId, lastDeadline + (opts.graceSeconds + 60) * 1000);
  const loadEnd = performance.now();
  const loadEndEpoch = Date.now();
  loopDelay.disable();
  clearInterval(cpuTimer);
  sampleCpu();

  const databaseSize = server ? await server.databaseSizeMb().catch(() => null) : null;
  log('Đối chiếu sổ ghi của máy tải với máy chủ');
  const verification = await verify(api, staff, setup.sessionId, results, opts.graceSeconds);
  const practice = opts.practice
    ? await verifyPractice(api, staff, setup.sessionId, results, Date.now() + 180_000)
    : null;
  if (practice) log(`Phần thực hành: ${JSON.stringify(practice)}`);

  // ——— figures
  const rel = (t: number | null) => (t === null ? null : t - origin);
  const papers = results.flatMap((r) => (r.paperAt === null ? [] : [r.paperAt - world.startSentAt!]));
  const sortedPapers = [...papers].sort((a, b) => a - b);
  const allPapersAt = world.startSentAt! + (sortedPapers.at(-1) ?? 0) - origin;
  const startAt = world.startSentAt! - origin;
  const firstDeadlineRel = deadlines.length
    ? Math.min(...deadlines) - Date.now() + performance.now() - origin
    : 0;
  const logins = results.flatMap((r) => (r.loggedInAt === null ? [] : [rel(r.loggedInAt)!]));
  const windows = {
    login: [0, Math.max(0, ...logins)],
    start: [startAt, allPapersAt + 1],
    exam: [allPapersAt + 1, firstDeadlineRel - 5000],
    deadline: [firstDeadlineRel - 5000, loadEnd - origin],
  } as const;
  const cpuBetween = (from: number, to: number) => {
    const a = cpu.find((s) => s.t * 1000 >= from) ?? cpu[0]!;
    const b = [...cpu].reverse().find((s) => s.t * 1000 <= to) ?? cpu.at(-1)!;
    const dt = b.t - a.t;
    return dt > 0
      ? {
          seconds: Math.round(dt),
          serverCpuPercent: Math.round(((b.server - a.server) / dt) * 100),
          generatorCpuPercent: Math.round(((b.generator - a.generator) / dt) * 100),
          postgresCpuPercent: Math.round(((b.postgres - a.postgres) / dt) * 100),
        }
      : null;
  };
  const loadWindowMs = loadEnd - origin;
  const requests = recorder.summaries(loadWindowMs);
  const totalRequests = Object.values(requests).reduce((n, s) => n + s.count, 0);
  const saveWindows = Object.fromEntries(
    Object.entries(windows).map(([name, [from, to]]) => [
      name,
      summarise(recorder.between('save', from, to), 0, Math.max(1, to - from)),
    ]),
  );
  const problems: Record<string, number> = {};
  for (const r of results) {
    for (const p of r.problems) {
      const key = p.split(':')[0]!;
      problems[key] = (problems[key] ?? 0) + 1;
    }
  }
  const serverCpuTotal = cpu.at(-1)!.server - cpu[0]!.server;
  // Candidates already in the waiting room when the proctor pressed start: the synchronised start proper.
  const waitingPapers = results
    .filter((r) => r.loggedInAt !== null && r.loggedInAt < world.startSentAt! && r.paperAt !== null)
    .map((r) => r.paperAt! - world.startSentAt!)
    .sort((a, b) => a - b);
  const syncStart = {
    startRequestMs: Math.round(startMs),
    waitingAtStart: results.filter((r) => r.loggedInAt !== null && r.loggedInAt < world.startSentAt!).length,
    waitingPaperAfterStartSeconds: {
      p50: Math.round(percentile(waitingPapers, 50)) / 1000,
      p95: Math.round(percentile(waitingPapers, 95)) / 1000,
      max: Math.round(waitingPapers.at(-1) ?? 0) / 1000,
    },
    candidatesWithPaper: papers.length,
    paperAfterStartSeconds: {
      p50: Math.round(percentile(sortedPapers, 50)) / 1000,
      p95: Math.round(percentile(sortedPapers, 95)) / 1000,
      max: Math.round(sortedPapers.at(-1) ?? 0) / 1000,
    },
  };
  const errors = Object.fromEntries([...recorder.errors].sort(([, a], [, b]) => b - a));
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const saveP99 = requests.save?.p99 ?? 0;
  const targets = {
    saveP99Under250ms: saveP99 < 250,
    zeroErrors: errorCount === 0,
    syncStartWithin30s:
      waitingPapers.length === syncStart.waitingAtStart && (waitingPapers.at(-1) ?? Infinity) <= 30_000,
    finalisedWithin10sAfterGrace:
      verification.finalised === results.length && verification.afterGraceLagSeconds.max <= 10,
    zeroLost: verification.lost === 0 && verification.finalisedNotOnce === 0,
    ...(practice
      ? {
          practiceGradedAsDone:
            practice.done > 0 && practice.graded === practice.done && practice.wrong === 0,
        }
      : {}),
  };
  const handled = server ? await serverTimings(serverLogFile, originEpoch, loadEndEpoch) : null;
  const out = {
    date: new Date().toISOString(),
    command: `npm run bench:exam-load -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      nproc: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageStart: load0.map((x) => Math.round(x * 10) / 10),
      loadAverageEnd: loadavg().map((x) => Math.round(x * 10) / 10),
    },
    database: server?.database ?? 'running server',
    options: opts,
    setupMs: setup.timings,
    durationSeconds: Math.round(loadWindowMs / 1000),
    totalRequests,
    requestsPerSecond: Math.round((totalRequests * 1000) / loadWindowMs),
    requests,
    saveLatencyByPhase: saveWindows,
    errors,
    candidateProblems: problems,
    syncStart,
    verification,
    practice,
    cpu: {
      serverSeconds: Math.round(serverCpuTotal),
      serverMsPerRequest: totalRequests ? Math.round((serverCpuTotal * 1000 * 10) / totalRequests) / 10 : 0,
      byPhase: Object.fromEntries(Object.entries(windows).map(([n, [a, b]]) => [n, cpuBetween(a, b)])),
      serverPeakRssMb: Math.max(...cpu.map((s) => s.rssMb)),
    },
    targets,
    crashes: crashLog,
    databaseSize,
    /** The generator's own event-loop delay: latency it adds to every figure above. */
    generatorLoopDelayMs: {
      p50: Math.round(loopDelay.percentile(50) / 1e6),
      p99: Math.round(loopDelay.percentile(99) / 1e6),
      max: Math.round(loopDelay.max / 1e6),
    },
    serverHandlerMs: handled?.routes ?? null,
    /** Requests answered per server process: with several instances, each must have taken its share. */
    requestsByProcess: handled?.requestsByProcess ?? null,
    timeline: recorder.timeline(5000),
    errorTimes: recorder.errorTimes.slice(0, 500),
    profileDir: profDir ?? null,
  };
  const file = join(resultsDir, `${runName}.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`Kết quả: ${file}`);
  console.log(
    JSON.stringify({ requests, syncStart, verification, errors, problems, targets, cpu: out.cpu }, null, 2),
  );
  if (opts.docs) writeDocs(resultsDir, join(here, '../../docs/benchmarks.md'));
  if (opts.check && !(targets.zeroLost && verification.finalised === results.length)) {
    console.error(
      'KIỂM TRA THẤT BẠI: có câu trả lời đã xác nhận bị mất hoặc bài thi không được thu đúng một lần',
    );
    process.exitCode = 1;
  }
  if (opts.check && targets.practiceGradedAsDone === false) {
    console.error('KIỂM TRA THẤT BẠI: phần thực hành không được chấm đúng với các thao tác đã làm');
    process.exitCode = 1;
  }
} finally {
  await api.close().catch(() => null);
  await proctorApi.close().catch(() => null);
  if (server) {
    log('Dừng máy chủ');
    await server.stop();
  }
}
