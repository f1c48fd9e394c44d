import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { seededRandom } from '../../core/exam/random';
import type { Framework } from '../../core/framework/model';
import { type Actor, recordAudit } from '../audit';
import { confirmUnits } from '../cycle/council';
import { createCycle } from '../cycle/create-cycle';
import { loadCycle, type UnitLevel } from '../cycle/cycle-context';
import { publishCycle } from '../cycle/publish-cycle';
import type { Db } from '../db/client';
import { cycles, cycleUnits, frameworkVersions, units, users } from '../db/schema';
import { cloneFrameworkVersion } from '../framework/clone-version';
import { demoEntries } from './demo-entries';

const SYSTEM: Actor = { id: null, username: 'system', ip: null };

interface PastYear {
  year: number;
  /** Per level, the shipped set (code and year) the year's set is copied from. */
  sets: Partial<Record<UnitLevel, { code: string; year: number }>>;
}

/**
 * Two published years: 2024 on the 2022 structure (sở, quận/huyện, xã of the old city) and 2025 on the
 * merged city (sở and the new xã/phường), so that the results show a change on the previous year, a trend
 * and merged units with their predecessors' history.
 */
export const DEMO_RESULT_YEARS: readonly PastYear[] = [
  {
    year: 2024,
    sets: {
      so: { code: 'cantho-so', year: 2022 },
      huyen: { code: 'cantho-huyen', year: 2022 },
      xa: { code: 'cantho-xa', year: 2022 },
    },
  },
  { year: 2025, sets: { so: { code: 'cantho-so', year: 2026 }, xa: { code: 'cantho-xa', year: 2026 } } },
];

export const demoResultsCycleName = (year: number) =>
  `Đánh giá mức độ chuyển đổi số (DTI) năm ${year} (dữ liệu mẫu, đã công bố)`;

/** The year's calendar, as the province runs it: results are published in March of the next year. */
function pastWindows(year: number) {
  const at = (y: number, md: string) => `${y}-${md}T02:00:00.000Z`;
  const n = year + 1;
  return {
    self_assessment: { opensAt: at(year, '11-01'), closesAt: at(n, '01-15') },
    review: { opensAt: at(year, '12-01'), closesAt: at(n, '02-01') },
    explanation: { opensAt: at(year, '12-15'), closesAt: at(n, '02-15') },
    council: { opensAt: at(n, '02-01'), closesAt: at(n, '03-10') },
    publication: { opensAt: at(n, '03-01'), closesAt: at(n, '04-30') },
  };
}

async function actorOf(db: Db, username: string): Promise<Actor> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row ? { id: row.id, username, ip: null } : SYSTEM;
}

/** The year's copy of a shipped set, made (and locked by the cycle) the first time. */
async function setOfYear(db: Db, actor: Actor, from: { code: string; year: number }, year: number) {
  const find = (y: number) =>
    db
      .select({ id: frameworkVersions.id, document: frameworkVersions.document })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.code, from.code), eq(frameworkVersions.year, y)))
      .orderBy(asc(frameworkVersions.versionNo))
      .limit(1);
  const [own] = await find(year);
  if (own) return own.id;
  const [source] = await find(from.year);
  if (!source) return null;
  return cloneFrameworkVersion(db, actor, source.id, year);
}

/** Writes every unit's appraised entries and evidence; each unit ends reviewed, ready for the council. */
async function writeEntries(db: Db, cycleId: string, year: number, sets: Map<UnitLevel, Framework>) {
  const members = await db
    .select({
      unitId: cycleUnits.unitId,
      level: cycleUnits.level,
      groupNo: cycleUnits.groupNo,
      code: units.code,
    })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .where(eq(cycleUnits.cycleId, cycleId))
    .orderBy(asc(units.code));
  const random = seededRandom(`demo-dti-results-${year}`);
  const submittedAt = new Date(`${year + 1}-01-10T03:00:00.000Z`);
  const reviewedAt = new Date(`${year + 1}-01-28T03:00:00.000Z`);
  const entryRows: object[] = [];
  const evidenceRows: object[] = [];
  for (const m of members) {
    const f = sets.get(m.level)!;
    // Later years do a little better: the trend rises on average, not for every unit.
    const skill = 0.25 + random() * 0.6 + (year - 2024) * 0.08;
    const entries = demoEntries(f, m, random, skill, 0.45 + random() * 0.55);
    for (const [k, e] of entries.entries()) {
      const { evidence, ...entry } = e;
      entryRows.push({ u: m.unitId, ...entry });
      if (!evidence) continue;
      evidenceRows.push({
        u: m.unitId,
        code: e.code,
        doc: `${100 + k}/BC-${m.level === 'so' ? 'SO' : 'UBND'}`,
        date: `${year}-12-${String(1 + (k % 28)).padStart(2, '0')}`,
        summary: `Báo cáo kết quả thực hiện chỉ số ${e.code} năm ${year}`,
        url: `https://vanban.cantho.gov.vn/demo/${year}/${m.code.toLowerCase()}/${e.code}`,
      });
    }
  }
  // One JSON parameter per statement: thousands of rows without thousands of bound values.
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into cycle_entries (cycle_id, unit_id, code, inputs, not_applicable, self_points, review,
        appraised_points, review_reason, final_points, final_reason, reviewed_at, updated_at)
      select ${cycleId}::uuid, r.u, r."code", r."inputs", r."notApplicable", r."selfPoints", r."review",
        r."appraisedPoints", r."reviewReason", r."finalPoints", r."finalReason", ${reviewedAt}, ${reviewedAt}
      from json_to_recordset(${JSON.stringify(entryRows)}::json) as r(u uuid, "code" text, "inputs" jsonb,
        "notApplicable" text, "selfPoints" float8, "review" text, "appraisedPoints" float8,
        "reviewReason" text, "finalPoints" float8, "finalReason" text)`);
    await tx.execute(sql`
      insert into cycle_evidence (cycle_id, unit_id, code, doc_number, doc_date, summary, url, created_at)
      select ${cycleId}::uuid, r.u, r.code, r.doc, r.date, r.summary, r.url, ${submittedAt}
      from json_to_recordset(${JSON.stringify(evidenceRows)}::json)
        as r(u uuid, code text, doc text, date date, summary text, url text)`);
    await tx
      .update(cycleUnits)
      .set({ state: 'reviewed', submittedAt, updatedAt: reviewedAt })
      .where(eq(cycleUnits.cycleId, cycleId));
  });
  return members.map((m) => m.unitId);
}

/** One past year: its sets, its cycle, the entries, the council's approval and the publication. */
async function loadYear(db: Db, spec: PastYear, actors: { organiser: Actor; council: Actor }) {
  const chosen = new Map<UnitLevel, string>();
  for (const [level, from] of Object.entries(spec.sets) as [UnitLevel, { code: string; year: number }][]) {
    const id = await setOfYear(db, actors.organiser, from, spec.year);
    if (id) chosen.set(level, id);
  }
  if (chosen.size === 0) return null;
  const cycleId = await createCycle(db, actors.organiser, {
    year: spec.year,
    name: demoResultsCycleName(spec.year),
    windows: pastWindows(spec.year),
    frameworks: Object.fromEntries(chosen),
  });
  const ctx = await loadCycle(db, cycleId);
  const sets = new Map([...ctx.frameworks].map(([level, f]) => [level, f.document]));
  const unitIds = await writeEntries(db, cycleId, spec.year, sets);
  await confirmUnits(db, actors.council, ctx, unitIds, new Date(`${spec.year + 1}-03-05T02:00:00.000Z`));
  await publishCycle(db, actors.organiser, ctx, '', new Date(`${spec.year + 1}-03-20T02:00:00.000Z`));
  return { cycleId, units: unitIds.length };
}

/**
 * Loads the demo's published years once (after the demo registry and the demo accounts): nothing is done
 * when a cycle of one of those years exists. Scores are seeded, so every load gives the same results.
 */
export async function loadDemoResults(db: Db): Promise<boolean> {
  const years = DEMO_RESULT_YEARS.map((y) => y.year);
  const [any] = await db.select({ id: cycles.id }).from(cycles).where(inArray(cycles.year, years)).limit(1);
  if (any) return false;
  const actors = { organiser: await actorOf(db, 'demo.tochuc'), council: await actorOf(db, 'demo.hoidong') };
  const loaded: { year: number; cycleId: string; units: number }[] = [];
  for (const spec of DEMO_RESULT_YEARS) {
    const done = await loadYear(db, spec, actors);
    if (done) loaded.push({ year: spec.year, ...done });
  }
  if (loaded.length === 0) return false;
  await recordAudit(db, SYSTEM, { action: 'load_demo', entity: 'results', after: { years: loaded } });
  return true;
}
