import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupCommand } from '../../cli/backup';
import { scoreRun } from '../../core/scoring/score-run';
import { sampleFramework } from '../../core/scoring/test-fixtures';
import type { UnitData } from '../../core/scoring/types';
import { loadDemoData } from '../demo/load-demo';
import { testEnv } from '../env';
import { createExamKit } from '../http/exam/exam-test-kit';
import { issueCandidateCertificates } from '../office/issue-candidate-certificates';
import { loadSecretBox } from '../office/secret-box';
import { seedPracticeSandbox } from '../office/seed-practice-sandbox';
import { createRun, storeInputs, storeResults } from '../scoring/score-store';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { writeBackup } from './backup';
import { BackupError } from './backup-format';
import type { Sql } from './catalog';
import { type Database, type DbKind, PGLITE_EXTENSIONS, wrapPglite } from './client';
import { lockDataDir } from './data-dir-lock';
import { applyMigrations, shippedMigrations } from './migration-level';
import { insertTextRows, restoreBackup } from './restore';
import { queryRows } from './sql-rows';

/** Text that quoting, escaping or array syntax would get wrong. */
const AWKWARD = 'Chưa có "hệ thống" \\ {a,b} NULL, ; \' – đủ 😀\ttab\nxuống dòng';

const dir = mkdtempSync(join(tmpdir(), 'thuocdo-backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const newFile = () => join(dir, `b${++fileNo}.thuocdo.gz`);

/**
 * Every table of the public schema (from information_schema, so a new table is covered without
 * touching this test), each as its rows in JSON made by the database (not by the backup code), sorted;
 * then the sequences and the migrations recorded.
 */
async function snapshot(db: Sql & Database['db']): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = await queryRows<{ name: string }>(
      tx,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const list = await queryRows<{ r: string }>(
        tx,
        sql.raw(`select row_to_json(t)::text as r from public."${name}" t`),
      );
      // Sorted here: PostgreSQL and PGlite may collate text keys differently.
      out[name] = list.map((x) => x.r).sort();
    }
    const seqs = await queryRows<{ name: string }>(
      tx,
      sql`select sequence_name as name from information_schema.sequences where sequence_schema = 'public' order by 1`,
    );
    for (const { name } of seqs) {
      const [s] = await queryRows<{ v: string }>(
        tx,
        sql.raw(`select last_value::text || '/' || is_called::text as v from public."${name}"`),
      );
      out[`sequence ${name}`] = [s!.v];
    }
    const migrations = await queryRows<{ m: string }>(
      tx,
      sql`select hash || ' ' || created_at::text as m from drizzle.__drizzle_migrations order by created_at`,
    );
    out['drizzle migrations'] = migrations.map((m) => m.m);
    return out;
  });
}

/** Demo data plus a contest run (logins, a started session, saves, a submission), scoring and odd values. */
async function filledDatabase(kind: DbKind): Promise<{ database: TestDatabase; close(): Promise<void> }> {
  const kit = await createExamKit(kind, { candidateCount: 3 });
  const db = kit.db;
  expect(await loadDemoData(db, new Date('2026-06-20T01:02:03.456Z'))).toBe(true);
  const proctor = await kit.staff('proctor');
  const [c1, c2] = kit.candidates;
  const page = await kit.candidate(c1!.number);
  await kit.candidate(c2!.number);
  const start = await proctor.request('POST', `/api/proctor/sessions/${kit.sessionId}/start`);
  expect(start.statusCode, start.body).toBe(200);
  const state = (await page.request('GET', '/api/exam/state')).json();
  const q = state.questions[0] as { versionId: string; options: { key: string }[] };
  const save = await page.request('POST', '/api/exam/save', {
    seq: 1,
    answers: { [q.versionId]: [q.options[1]!.key] },
    flagged: [q.versionId],
  });
  expect(save.statusCode, save.body).toBe(200);
  expect((await page.request('POST', '/api/exam/submit', {})).statusCode).toBe(200);

  const [framework] = await queryRows<{ id: string }>(
    db,
    sql`select id from framework_versions order by code limit 1`,
  );
  const units: UnitData[] = [0, 1, 2, 3].map((i) => ({
    unitId: i === 3 ? AWKWARD : `DV${i}`,
    level: 'so',
    group: (i % 2) + 1,
    inputs: { '1.1.1': { yes: i % 2 === 0 }, '1.1.3': { notApplicable: true, reason: AWKWARD } },
  }));
  const runId = await createRun(db, AWKWARD, framework!.id);
  await storeInputs(db, runId, units);
  await storeResults(db, runId, scoreRun(sampleFramework(), units), 7);

  await db.execute(sql`
    insert into cycle_snapshots (cycle_id, version, reason, data)
    select id, 1, ${AWKWARD}, '{"units": []}'::json from cycles c
    where not exists (select 1 from cycle_snapshots s where s.cycle_id = c.id) limit 1`);
  await db.execute(sql`
    insert into cycle_snapshot_details (snapshot_id, unit_id, framework_version_id, final, evidence_required, evidence_provided)
    select s.id, (select min(id::text)::uuid from units), ${framework!.id},
      ${JSON.stringify({ '1.1.1': { points: 1 }, '1.1.3': { notApplicable: true, reason: AWKWARD } })}::json, 2, 1
    from cycle_snapshots s where s.reason = ${AWKWARD}`);
  await db.execute(sql`
    update units set note = ${AWKWARD}, created_at = '2026-01-02 03:04:05.123456+07', valid_to = '2031-12-31'
    where code = (select min(code) from units)`);
  await db.execute(sql`
    update questions set tags = array[${AWKWARD}, 'NULL', '', '{x}']::text[]
    where id = (select min(id::text)::uuid from questions)`);
  await db.execute(sql`
    insert into app_meta (key, value) values ('kiểm thử', ${`{"s": ${JSON.stringify(AWKWARD)}, "n": 12345678901234567890.5, "big": 9007199254740993}`}::jsonb)`);
  // The practice part: the contest's CA, a candidate's certificate, a sandbox with its rendered files.
  const box = await loadSecretBox(db, undefined);
  await issueCandidateCertificates(db, box, kit.contestId, { now: kit.clock.now, limit: 1 });
  const attempt = await kit.attempt(c1!.id);
  await seedPracticeSandbox(db, {
    attemptId: attempt.id,
    scenarioCode: 'cantho-2022-quan',
    now: kit.clock.now,
  });
  // After the exam: a corrected key and its regrade, an appeal with an adjustment, item statistics, publication.
  const version = q.versionId;
  const regrade = '00000000-0000-4000-8000-0000000000a1';
  const appeal = '00000000-0000-4000-8000-0000000000a2';
  await db.execute(sql`
    insert into contest_regrades (id, contest_id, cause, version_id, change, reason, diff, changed_count, checked_count)
    values (${regrade}, ${kit.contestId}, 'key', ${version}, ${JSON.stringify({ correct: ['a'] })}::jsonb,
      ${AWKWARD}, ${JSON.stringify([{ attemptId: attempt.id, delta: 1.5 }])}::jsonb, 1, 2)`);
  await db.execute(sql`
    insert into contest_item_overrides (contest_id, version_id, mode, correct, reason, regrade_id)
    values (${kit.contestId}, ${version}, 'key', '["a"]'::jsonb, ${AWKWARD}, ${regrade})`);
  await db.execute(sql`
    insert into contest_appeals (id, contest_id, candidate_id, attempt_id, filed_by, section, text)
    values (${appeal}, ${kit.contestId}, ${c1!.id}, ${attempt.id}, 'candidate', 'theory', ${AWKWARD})`);
  await db.execute(sql`
    insert into attempt_adjustments (attempt_id, section, points, reason, appeal_id)
    values (${attempt.id}, 'theory', 0.5, ${AWKWARD}, ${appeal})`);
  await db.execute(sql`
    insert into question_version_stats (version_id, contest_id, responses, stats)
    values (${version}, ${kit.contestId}, 2, ${JSON.stringify({ facility: 0.5, note: AWKWARD })}::jsonb)`);
  await db.execute(sql`
    insert into contest_item_analyses (contest_id, summary) values (${kit.contestId}, '{"alpha": null}'::jsonb)`);
  await db.execute(sql`
    insert into contest_result_publications (contest_id, show_answers) values (${kit.contestId}, 'own')`);
  return { database: kit.database, close: () => kit.close() };
}

async function expectUnchanged(db: Database['db'], before: Record<string, string[]>) {
  expect(await snapshot(db)).toEqual(before);
}

async function refusal(p: Promise<unknown>): Promise<BackupError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}

/** Rewrites the decompressed lines of a backup. */
function rewrite(from: string, edit: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(from)).toString('utf8').split('\n');
  const to = newFile();
  writeFileSync(to, gzipSync(edit(lines).join('\n')));
  return to;
}

describe.each(dbKinds())('backup and restore (%s)', (kind) => {
  let source: Awaited<ReturnType<typeof filledDatabase>>;
  let original: Record<string, string[]>;
  let file: string;

  beforeAll(async () => {
    source = await filledDatabase(kind);
    original = await snapshot(source.database.db);
    file = newFile();
    await writeBackup(source.database, file);
  }, 180_000);
  afterAll(() => source.close());

  it('fills every table of the schema, so the round trip below proves each of them', () => {
    const empty = Object.entries(original)
      .filter(([, list]) => list.length === 0)
      .map(([name]) => name);
    expect(empty, 'tables this test leaves empty: give them rows in filledDatabase').toEqual([]);
  });

  it('restores into an empty database exactly: every row of every table, sequences, migrations', async () => {
    const target = await openTestDatabase(kind);
    try {
      const seen: string[] = [];
      const summary = await restoreBackup(target, file, {
        replace: false,
        onProgress: (p) => p.done && p.step === 'load' && seen.push(p.table),
      });
      expect(summary.migrated).toBe(0);
      expect(await snapshot(target.db)).toEqual(original);
      expect(summary.rows).toBe(
        Object.entries(original).reduce((n, [t, l]) => n + (t.includes(' ') ? 0 : l.length), 0),
      );
      // referenced tables come first
      expect(seen.indexOf('units')).toBeLessThan(seen.indexOf('users'));
      expect(seen.indexOf('attempts')).toBeLessThan(seen.indexOf('attempt_events'));
      // the append-only guard is back on, and new rows continue after the restored ones
      await expect(target.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
      await expect(target.db.execute(sql`delete from audit_log`)).rejects.toThrow();
      const [next] = await queryRows<{ ok: boolean }>(
        target.db,
        sql`insert into audit_log (action, entity) values ('sau_khoi_phuc', 'test')
            returning id > (select max(id) from audit_log where action <> 'sau_khoi_phuc') as ok`,
      );
      expect(next!.ok).toBe(true);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a database with data unless told to replace it; replacing gives the source exactly', async () => {
    const target = await openTestDatabase(kind);
    try {
      await target.db.execute(
        sql`insert into units (code, name, level, kind, valid_from) values ('X', 'Đơn vị cũ', 'xa', 'xã', '2025-07-01')`,
      );
      const before = await snapshot(target.db);
      const e = await refusal(restoreBackup(target, file, { replace: false }));
      expect(e.code).toBe('restore_target_not_empty');
      expect(e.message).toContain('--yes');
      expect(e.message).toContain('units');
      await expectUnchanged(target.db, before);
      // a database a newer release has migrated is not replaced, even when asked to
      await target.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('ban-moi', 99999999999999)`,
      );
      expect((await refusal(restoreBackup(target, file, { replace: true }))).code).toBe(
        'restore_target_newer',
      );
      await target.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'ban-moi'`);
      await expectUnchanged(target.db, before);

      await restoreBackup(target, file, { replace: true });
      expect(await snapshot(target.db)).toEqual(original);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a truncated, damaged, newer or inconsistent file and changes nothing', async () => {
    const target = await openTestDatabase(kind);
    try {
      await target.db.execute(
        sql`insert into units (code, name, level, kind, valid_from) values ('Y', 'Giữ nguyên', 'xa', 'xã', '2025-07-01')`,
      );
      const before = await snapshot(target.db);
      const bytes = readFileSync(file);
      const truncated = newFile();
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      const damaged = newFile();
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(flipped.length / 2)]! ^= 0x5a;
      writeFileSync(damaged, flipped);
      const noTrailer = rewrite(file, (lines) => lines.filter((l) => !l.startsWith('{"t":"trailer"')));
      const lastTable = rewrite(file, (lines) =>
        lines.slice(
          0,
          lines.findLastIndex((l) => l.startsWith('[')),
        ),
      );
      const newer = rewrite(file, (lines) => {
        const header = JSON.parse(lines[0]!);
        const last = header.migrations[header.migrations.length - 1].createdAt;
        header.migrations.push({ hash: 'ban-moi', createdAt: last + 1000 });
        return [JSON.stringify(header), ...lines.slice(1)];
      });
      const notBackup = newFile();
      writeFileSync(notBackup, gzipSync('{"hello":"world"}\n'));

      for (const [bad, code] of [
        [truncated, 'backup_invalid'],
        [damaged, 'backup_invalid'],
        [noTrailer, 'backup_invalid'],
        [lastTable, 'backup_invalid'],
        [newer, 'backup_newer'],
        [notBackup, 'backup_invalid'],
      ] as const) {
        const e = await refusal(restoreBackup(target, bad, { replace: true }));
        expect(e.code, bad).toBe(code);
      }
      await expectUnchanged(target.db, before);

      // Sound as a file but not as data (a primary key twice): the load fails midway and rolls back.
      const duplicated = rewrite(file, (lines) => {
        const start = lines.findIndex((l) => l.startsWith('{"t":"table","name":"units"'));
        const out = [...lines.slice(0, start + 2), lines[start + 1]!, ...lines.slice(start + 2)];
        return out.map((l) => {
          if (l.startsWith('{"t":"end","name":"units"') || l.startsWith('{"t":"trailer"')) {
            const rec = JSON.parse(l);
            rec.rows += 1;
            return JSON.stringify(rec);
          }
          return l;
        });
      });
      await expect(restoreBackup(target, duplicated, { replace: true })).rejects.toThrow();
      await expectUnchanged(target.db, before);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('restores a backup of an older release into its own schema, then migrates it', async () => {
    const shipped = shippedMigrations();
    const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const old = wrapPglite(client);
    const target = await openTestDatabase(kind);
    try {
      await old.db.transaction(async (tx) => {
        await applyMigrations(tx, shipped, 0, shipped.length - 1);
        await tx.execute(
          sql`insert into units (code, name, level, kind, valid_from, note) values ('CU', 'Đơn vị cũ', 'xa', 'xã', '2024-01-01', ${AWKWARD})`,
        );
        await tx.execute(
          sql`insert into audit_log (action, entity, after) values ('cu', 'unit', '{"a": [1, 2]}')`,
        );
      });
      const oldFile = newFile();
      await writeBackup(old, oldFile);
      const summary = await restoreBackup(target, oldFile, { replace: false });
      expect(summary.level).toBe(shipped.length - 1);
      expect(summary.migrated).toBe(1);
      const after = await snapshot(target.db);
      expect(after['drizzle migrations']).toEqual(shipped.map((m) => `${m.hash} ${m.folderMillis}`));
      expect(after.units).toHaveLength(1);
      expect(JSON.parse(after.units![0]!)).toMatchObject({ code: 'CU', note: AWKWARD });
      expect(after.audit_log).toHaveLength(1);
      // the schema is the current one: the same tables as a database migrated from scratch
      const fresh = await openTestDatabase(kind);
      try {
        expect(Object.keys(after)).toEqual(Object.keys(await snapshot(fresh.db)));
      } finally {
        await fresh.close();
      }
    } finally {
      await old.close();
      await target.close();
    }
  }, 120_000);

  it('carries values of every kind the database has, through the same text path', async () => {
    const database = await openTestDatabase(kind);
    try {
      const values = [
        [
          '1',
          '\\x00ff10',
          '{a,"b c",NULL,"NULL",""}',
          '2026-01-02 03:04:05.123456+00',
          '0.1',
          '{"k": [1, 2.50]}',
        ],
        ['2', '\\x', '{}', '0001-01-01 00:00:00+00 BC', 'NaN', '"chuỗi"'],
        ['3', null, null, 'infinity', '-Infinity', 'null'],
      ];
      const extra = [
        '123456789012345678901234567890.123',
        '9223372036854775807',
        '1 day 02:00:00.5',
        '{1,NULL,3}',
      ];
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local timezone = 'UTC'`);
        await tx.execute(
          sql`create temp table kinds (id int primary key, b bytea, a text[], t timestamptz, f float8, j jsonb,
              n numeric, i bigint, iv interval, ia int[]) on commit drop`,
        );
        const cols = ['id', 'b', 'a', 't', 'f', 'j', 'n', 'i', 'iv', 'ia'];
        const types = [
          'integer',
          'bytea',
          'text[]',
          'timestamp with time zone',
          'double precision',
          'jsonb',
          'numeric',
          'bigint',
          'interval',
          'integer[]',
        ];
        await insertTextRows(
          tx,
          'kinds',
          cols,
          types,
          values.map((v) => JSON.stringify([...v, ...extra])),
        );
        const back = await queryRows<Record<string, string | null>>(
          tx,
          sql.raw(`select ${cols.map((c) => `${c}::text as ${c}`).join(', ')} from kinds order by id`),
        );
        expect(back.map((r) => cols.map((c) => r[c]))).toEqual(values.map((v) => [...v, ...extra]));
      });
    } finally {
      await database.close();
    }
  });
});

describe.runIf(dbKinds().includes('postgres'))('backup of one database restored into the other', () => {
  it('PGlite → PostgreSQL and PostgreSQL → PGlite give the same rows', async () => {
    const from = await filledDatabase('pglite');
    const intoPg = await openTestDatabase('postgres');
    const intoPglite = await openTestDatabase('pglite');
    try {
      const original = await snapshot(from.database.db);
      const a = newFile();
      await writeBackup(from.database, a);
      await restoreBackup(intoPg, a, { replace: false });
      expect(await snapshot(intoPg.db)).toEqual(original);
      const b = newFile();
      await writeBackup(intoPg, b);
      await restoreBackup(intoPglite, b, { replace: false });
      expect(await snapshot(intoPglite.db)).toEqual(original);
    } finally {
      await from.close();
      await intoPg.close();
      await intoPglite.close();
    }
  }, 240_000);
});

describe('thuocdo backup / restore on the embedded database', () => {
  it('restores into a data directory, refuses a non-empty one without --yes, and a running server', async () => {
    const source = await openTestDatabase('pglite');
    const dataDir = join(dir, 'data');
    const err: string[] = [];
    const io = { out: (t: string) => err.push(t), err: (t: string) => err.push(t) };
    const env = testEnv({ DATA_DIR: dataDir, DATABASE_URL: undefined });
    try {
      await source.db.execute(
        sql`insert into units (code, name, level, kind, valid_from) values ('CLI', 'Đơn vị', 'xa', 'xã', '2025-07-01')`,
      );
      const file = newFile();
      await writeBackup(source, file);

      expect(await runBackupCommand('restore', ['--in', file], { env, io })).toBe(0);
      expect(err.join('\n')).toMatch(/units +1 dòng/);
      err.length = 0;
      expect(await runBackupCommand('restore', ['--in', file], { env, io })).toBe(1);
      expect(err.join('\n')).toContain('CSDL đích đã có dữ liệu (bảng units)');
      expect(await runBackupCommand('restore', ['--in', file, '--yes'], { env, io })).toBe(0);

      const out = newFile();
      expect(await runBackupCommand('backup', ['--out', out], { env, io })).toBe(0);
      // it holds password hashes: readable by its owner only
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const lines = gunzipSync(readFileSync(out)).toString('utf8');
      expect(lines).toContain('"CLI"');

      const release = lockDataDir(dataDir);
      try {
        err.length = 0;
        expect(await runBackupCommand('backup', ['--out', newFile()], { env, io })).toBe(1);
        expect(err.join('\n')).toContain('hãy dừng `thuocdo serve`');
        expect(err.join('\n')).toContain('stop the server');
      } finally {
        release();
      }
      expect(await runBackupCommand('backup', [], { env, io })).toBe(2);
      err.length = 0;
      expect(await runBackupCommand('restore', ['--in', join(dir, 'khong-co.gz')], { env, io })).toBe(1);
      expect(err.join('\n')).toContain('Không tìm thấy tệp');
    } finally {
      await source.close();
    }
  }, 120_000);
});
