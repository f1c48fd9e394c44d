import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Scenario } from '../../core/office/scenario';
import { validateScenario } from '../../core/office/validate-scenario';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { practiceScenarios } from '../db/schema';

const SHIPPED_DIR = new URL('../../../templates/contest/scenarios/', import.meta.url);

export interface StoredScenario {
  id: string;
  code: string;
  version: number;
  document: Scenario;
}

/** The scenarios shipped in templates/contest/scenarios/, each checked by the core's validator. */
export function readShippedScenarios(dir: URL = SHIPPED_DIR): Scenario[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const scenario = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Scenario;
      const problems = validateScenario(scenario);
      if (problems.length > 0)
        throw new Error(`templates/contest/scenarios/${file}: ${JSON.stringify(problems)}`);
      return scenario;
    });
}

/** Inserts each shipped scenario whose code is not stored yet; returns how many were added. */
export async function loadShippedScenarios(db: Db, dir?: URL): Promise<number> {
  let added = 0;
  for (const document of readShippedScenarios(dir)) {
    const rows = await db
      .insert(practiceScenarios)
      .values({ code: document.code, name: document.name, year: document.year, document })
      .onConflictDoNothing({ target: practiceScenarios.code })
      .returning({ id: practiceScenarios.id });
    added += rows.length;
  }
  return added;
}

/** The stored scenario of that code; a shipped one is stored on first use. */
export async function findScenario(db: Db, code: string): Promise<StoredScenario> {
  const read = () =>
    db
      .select({
        id: practiceScenarios.id,
        code: practiceScenarios.code,
        version: practiceScenarios.version,
        document: practiceScenarios.document,
      })
      .from(practiceScenarios)
      .where(eq(practiceScenarios.code, code))
      .limit(1);
  let [row] = await read();
  if (!row && readShippedScenarios().some((s) => s.code === code)) {
    await loadShippedScenarios(db);
    [row] = await read();
  }
  if (!row) throw new AppError('not_found', `Không tìm thấy đề thực hành “${code}”`);
  return row;
}
