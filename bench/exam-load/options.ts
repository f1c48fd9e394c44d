import { parseArgs } from 'node:util';

export interface Options {
  candidates: number;
  db: 'pglite' | 'postgres';
  pgUrl: string;
  /** A server already running (its admin password in THUOCDO_ADMIN_PASSWORD); none is started. */
  url: string | null;
  durationMinutes: number;
  graceSeconds: number;
  loginSpreadSeconds: number;
  /** The proctor starts this long after the last scheduled login. */
  startAfterSeconds: number;
  saveEverySeconds: number;
  submitFraction: number;
  lateSaveFraction: number;
  prepare: boolean;
  proctorPollSeconds: number;
  connections: number;
  cpuProf: boolean;
  serverLog: string | null;
  seed: number;
  docs: boolean;
  /** Server processes behind a round-robin nginx (PostgreSQL only). */
  instances: number;
  /** Seconds after the start press at which the first server instance is killed (-9) and restarted. */
  killServer: number[];
  /** Seconds after the start press at which PostgreSQL is stopped in immediate mode and started again. */
  restartPostgres: number[];
  /** Where the run's JSON goes (bench/exam-load/results). */
  resultsDir: string | null;
  /** Exit with status 1 unless every answer is kept and every attempt finalised exactly once. */
  check: boolean;
  /** The contest has the 2022 practice part; every candidate also does its e-office tasks. */
  practice: boolean;
}

export const USAGE = `Usage: npm run bench:exam-load -- [options]
  --candidates N        simulated candidates (200)
  --db pglite|postgres  database of the server started for the run (pglite)
  --pg-url URL          PostgreSQL server where a fresh thuocdo_bench_* database is made (postgres://postgres@127.0.0.1:5432/postgres)
  --url URL             use a running server instead (admin password from THUOCDO_ADMIN_PASSWORD)
  --duration M          exam duration in minutes (4)
  --grace S             grace seconds after the deadline (10)
  --login-spread S      logins spread over S seconds (60)
  --start-after S       proctor starts S seconds after the last scheduled login (10)
  --save-every S        mean seconds between answer ticks (10)
  --submit-fraction F   share that submits; the rest meet the deadline (0.8)
  --late-save F         share of the deadline group whose last save arrives within the grace (0.2)
  --no-prepare          let "start" assemble the papers instead of a "prepare" beforehand
  --proctor-poll S      proctor live view every S seconds (5; 0 = none)
  --connections N       keep-alive connections to the server (= candidates)
  --cpu-prof            run the server under node --cpu-prof (profile in bench/exam-load/results/profiles)
  --server-log FILE     write the server's request log (level info) to FILE
  --seed N              seed of the candidates' plans (1)
  --instances N         server processes on one PostgreSQL behind a round-robin nginx (1)
  --kill-server S[,S…]  kill -9 the (first) server S seconds after the start and restart it
  --restart-postgres S  restart this machine's PostgreSQL (immediate mode) S seconds after the start;
                        needs root and stops every other user of that server for a few seconds
  --results DIR         write the run's JSON there instead of bench/exam-load/results
  --practice            give the contest the 2022 practice part (45 theory / 55 practice); midway each
                        candidate directs the incoming document, signs the decision with the slip's PIN
                        and hands it to the văn thư, and the grade of those tasks is checked
  --check               exit 1 unless no acknowledged answer is lost and every attempt is finalised once
                        (and, with --practice, every practice is graded as done)
  --no-docs             do not rewrite the section in docs/benchmarks.md`;

export function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      candidates: { type: 'string', default: '200' },
      db: { type: 'string', default: 'pglite' },
      'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      url: { type: 'string' },
      duration: { type: 'string', default: '4' },
      grace: { type: 'string', default: '10' },
      'login-spread': { type: 'string', default: '60' },
      'start-after': { type: 'string', default: '10' },
      'save-every': { type: 'string', default: '10' },
      'submit-fraction': { type: 'string', default: '0.8' },
      'late-save': { type: 'string', default: '0.2' },
      'no-prepare': { type: 'boolean', default: false },
      'proctor-poll': { type: 'string', default: '5' },
      connections: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'server-log': { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-docs': { type: 'boolean', default: false },
      instances: { type: 'string', default: '1' },
      'kill-server': { type: 'string', default: '' },
      'restart-postgres': { type: 'string', default: '' },
      check: { type: 'boolean', default: false },
      practice: { type: 'boolean', default: false },
      results: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const num = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} phải là số ≥ ${min}\n${USAGE}`);
    return n;
  };
  if (values.db !== 'pglite' && values.db !== 'postgres') throw new Error(`--db pglite|postgres\n${USAGE}`);
  const candidates = Math.floor(num('candidates', values.candidates, 1));
  const times = (name: string, v: string | undefined) =>
    (v ?? '')
      .split(',')
      .filter((x) => x.trim() !== '')
      .map((x) => num(name, x, 0));
  return {
    candidates,
    db: values.db,
    pgUrl: values['pg-url']!,
    url: values.url ?? null,
    durationMinutes: Math.floor(num('duration', values.duration, 1)),
    graceSeconds: Math.floor(num('grace', values.grace, 0)),
    loginSpreadSeconds: num('login-spread', values['login-spread'], 0),
    startAfterSeconds: num('start-after', values['start-after'], 0),
    saveEverySeconds: num('save-every', values['save-every'], 0.5),
    submitFraction: num('submit-fraction', values['submit-fraction'], 0),
    lateSaveFraction: num('late-save', values['late-save'], 0),
    prepare: !values['no-prepare'],
    proctorPollSeconds: num('proctor-poll', values['proctor-poll'], 0),
    connections: Math.floor(num('connections', values.connections ?? String(candidates), 1)),
    cpuProf: values['cpu-prof']!,
    serverLog: values['server-log'] ?? null,
    seed: Math.floor(num('seed', values.seed, 0)),
    docs: !values['no-docs'],
    instances: Math.floor(num('instances', values.instances, 1)),
    killServer: times('kill-server', values['kill-server']),
    restartPostgres: times('restart-postgres', values['restart-postgres']),
    check: values.check!,
    practice: values.practice!,
    resultsDir: values.results ?? null,
  };
}
