import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { asDate, queryRows } from '../db/sql-rows';
import { loadShippedScenarios, readShippedScenarios } from '../office/scenario-store';

export interface ScenarioListItem {
  code: string;
  name: string;
  year: number;
  totalPoints: number;
  taskCount: number;
  shipped: boolean;
  /** Contests whose rules name this scenario, whatever their status. */
  usedBy: number;
  /** Saves so far: an editor sends it back so that two editors cannot overwrite each other. */
  version: number;
  updatedAt: string;
}

let shippedCache: Set<string> | null = null;

/** Codes of the scenarios shipped in templates/contest/scenarios/ (read once). */
export function shippedCodes(): Set<string> {
  shippedCache ??= new Set(readShippedScenarios().map((s) => s.code));
  return shippedCache;
}

async function selectItems(db: Db, where: SQL): Promise<ScenarioListItem[]> {
  // The shipped ones appear from the start, not only after their first use.
  await loadShippedScenarios(db);
  const rows = await queryRows<{
    code: string;
    name: string;
    year: number;
    totalPoints: number;
    taskCount: number;
    usedBy: number;
    version: number;
    updatedAt: Date | string;
  }>(
    db,
    sql`select s.code, s.name, s.year::int as year, s.version::int as version, s.updated_at as "updatedAt",
          (s.document->>'totalPoints')::float8 as "totalPoints",
          jsonb_array_length(s.document->'tasks')::int as "taskCount",
          (select count(*)::int from contests k where k.rules->>'practiceScenario' = s.code) as "usedBy"
        from practice_scenarios s
        where ${where}
        order by s.year desc, s.code`,
  );
  const shipped = shippedCodes();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    year: Number(r.year),
    totalPoints: Number(r.totalPoints),
    taskCount: Number(r.taskCount),
    shipped: shipped.has(r.code),
    usedBy: Number(r.usedBy),
    version: Number(r.version),
    updatedAt: asDate(r.updatedAt)!.toISOString(),
  }));
}

/** The scenarios for the editor's list, newest year first; `q` matches code or name ignoring diacritics. */
export function listScenarios(db: Db, q?: string): Promise<ScenarioListItem[]> {
  const term = q?.trim() ? `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return selectItems(db, term ? sql`vn_fold(s.name || ' ' || s.code) like vn_fold(${term})` : sql`true`);
}

/** One list item by code, or `not_found`. */
export async function getScenarioItem(db: Db, code: string): Promise<ScenarioListItem> {
  const [item] = await selectItems(db, sql`s.code = ${code}`);
  if (!item) throw new AppError('not_found', `Không tìm thấy đề thực hành “${code}”`);
  return item;
}

/** Contests of the scenario, by status: an open one locks it (its candidates are seeded from it). */
export async function contestsUsing(
  db: Db,
  code: string,
): Promise<{ id: string; name: string; status: string }[]> {
  return queryRows(
    db,
    sql`select id, name, status from contests where rules->>'practiceScenario' = ${code} order by year desc, name`,
  );
}

/** Refuses a change to a scenario an open contest plays. */
export function assertNotInOpenContest(code: string, using: { name: string; status: string }[]): void {
  const open = using.filter((c) => c.status === 'open');
  if (open.length > 0) {
    throw new AppError(
      'conflict',
      `Đề “${code}” đang được dùng ở kỳ thi đang mở (${open.map((c) => c.name).join('; ')}): không sửa được. ` +
        'Hãy sao chép thành đề mới, hoặc chuyển kỳ thi về nháp.',
      { contests: open.map((c) => c.name) },
    );
  }
}
