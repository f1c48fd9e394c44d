import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { loadDemoContest } from '../contests/load-demo-contest';
import type { Db } from '../db/client';
import { unitLinks, units } from '../db/schema';
import { loadShippedFrameworks } from '../framework/load-shipped';
import { type DemoInfo, getMeta, setMeta } from '../meta';
import { loadShippedScenarios } from '../office/scenario-store';
import { loadDemoQuestions } from '../questions/load-demo-questions';
import { buildDemoRegistry, type DepartmentsFile } from './build-demo-registry';
import { loadDemoCycle } from './load-demo-cycle';
import { loadDemoResults } from './load-demo-results';

const DEMO_DIR = new URL('../../../templates/demo/', import.meta.url);
export const DEMO_LABEL = 'danh mục đơn vị Cần Thơ 2022 và từ 1/7/2025 (tên sở, ban, ngành là giả định)';

export function readDemoRegistry() {
  const read = (f: string) => readFileSync(new URL(f, DEMO_DIR), 'utf8');
  return buildDemoRegistry(
    read('cantho-communes-2022.csv'),
    read('cantho-communes-2025.csv'),
    JSON.parse(read('departments.json')) as DepartmentsFile,
  );
}

/** Loads the demo registry once, into an empty registry; returns false when there was nothing to do. */
export async function loadDemoData(db: Db, now = new Date()): Promise<boolean> {
  // Shipped index sets are loaded on their own terms (each set once), even when the registry has data.
  await loadShippedFrameworks(db);
  // The demo question bank too: idempotent by question code, so a later release adds only new questions.
  await loadDemoQuestions(db);
  // The shipped practice scenarios: the demo contest plays one; idempotent by scenario code.
  await loadShippedScenarios(db);
  if (await getMeta<DemoInfo>(db, 'demo_data')) return false;
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  if (Number(n) > 0) return false;
  const registry = readDemoRegistry();
  await db.transaction(async (tx) => {
    const idByCode = new Map<string, string>();
    for (const withParent of [false, true]) {
      const batch = registry.units
        .filter((u) => (u.parentCode !== null) === withParent)
        .map(({ parentCode, ...u }) => ({
          ...u,
          parentId: parentCode ? idByCode.get(parentCode)! : null,
          isDemo: true,
        }));
      const rows = await tx.insert(units).values(batch).returning({ id: units.id, code: units.code });
      for (const r of rows) idByCode.set(r.code, r.id);
    }
    await tx.insert(unitLinks).values(
      registry.links.map((l) => ({
        predecessorId: idByCode.get(l.from)!,
        successorId: idByCode.get(l.to)!,
        kind: l.kind,
        effectiveDate: l.effectiveDate,
      })),
    );
    const info: DemoInfo = {
      label: DEMO_LABEL,
      loadedAt: now.toISOString(),
      sources: [
        'templates/demo/cantho-communes-2022.csv',
        'templates/demo/cantho-communes-2025.csv',
        'templates/demo/departments.json',
      ],
    };
    await setMeta(tx, 'demo_data', info);
    await recordAudit(
      tx,
      { id: null, username: 'system', ip: null },
      {
        action: 'load_demo',
        entity: 'unit',
        after: { units: registry.units.length, links: registry.links.length, label: DEMO_LABEL },
      },
    );
  });
  await loadDemoContest(db);
  await loadDemoCycle(db, now);
  await loadDemoResults(db);
  return true;
}
