import type { CycleWorld } from './testing';

/** Fails the test with the answer's status and body unless the request succeeded. */
export async function ok(res: Promise<{ statusCode: number; body: string }>) {
  const r = await res;
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  return r;
}

/**
 * What four communes enter on the test set (1.1.1 = a ÷ b × 20; 1.1.2 and 2.1 yes/no for 20 and 40;
 * 1.1.3 = 5 per meeting up to 4). Self-assessed totals: 85/100, 40/80 (1.1.3 not applicable), 40/100,
 * 50/100.
 */
export const FOUR_COMMUNES: Record<string, object>[] = [
  {
    '1.1.1': { inputs: { a: 30, b: 40 } },
    '1.1.2': { inputs: { yes: true } },
    '1.1.3': { inputs: { value: 2 } },
    '2.1': { inputs: { yes: true } },
  },
  {
    '1.1.1': { inputs: { a: 0, b: 10 } },
    '1.1.2': { inputs: { yes: false } },
    '1.1.3': { notApplicable: 'Chưa thành lập Ban Chỉ đạo' },
    '2.1': { inputs: { yes: true } },
  },
  {
    '1.1.1': { inputs: { a: 10, b: 10 } },
    '1.1.2': { inputs: { yes: false } },
    '1.1.3': { inputs: { value: 4 } },
    '2.1': { inputs: { yes: false } },
  },
  {
    '1.1.1': { inputs: { a: 5, b: 10 } },
    '1.1.2': { inputs: { yes: false } },
    '1.1.3': { inputs: { value: 0 } },
    '2.1': { inputs: { yes: true } },
  },
];

/** A reviewer's adjustment of one unit's indicator (the unit by its place in `w.units`). */
export interface Adjustment {
  unit: number;
  code: string;
  points: number;
  reason: string;
}

/**
 * Takes a cycle world to the council's approval: each unit's reporter saves `entries[i]`, adds a link as
 * evidence wherever the form asks for one and submits; the reviewer makes the adjustments and agrees to
 * every other indicator entered; the council approves every unit.
 */
export async function throughCouncil(
  w: CycleWorld,
  entries: Record<string, object>[],
  adjustments: Adjustment[] = [],
): Promise<void> {
  for (const [i, u] of w.units.entries()) {
    const base = `/api/cycles/${w.cycleId}/units/${u.id}`;
    const rep = w.reporters[i]!;
    for (const [code, body] of Object.entries(entries[i]!)) {
      await ok(rep.request('PUT', `${base}/entries/${code}`, body));
    }
    const form = (await rep.request('GET', `${base}/form`)).json();
    for (const e of form.entries) {
      if (e.status !== 'needs_evidence') continue;
      await ok(
        rep.request('POST', `${base}/entries/${e.code}/evidence`, {
          docNumber: 'Số 1',
          docDate: '2025-03-01',
          summary: 'Minh chứng',
          url: `https://example.gov.vn/${u.code}/${e.code}`,
        }),
      );
    }
    await ok(rep.request('POST', `${base}/submit`));
  }
  const adjusted = new Set<string>();
  for (const a of adjustments) {
    const unitId = w.units[a.unit]!.id;
    adjusted.add(`${unitId}|${a.code}`);
    await ok(
      w.reviewer.request('POST', `/api/cycles/${w.cycleId}/units/${unitId}/entries/${a.code}/review`, {
        action: 'adjust',
        points: a.points,
        reason: a.reason,
      }),
    );
  }
  const items = w.units
    .flatMap((u, i) => Object.keys(entries[i]!).map((code) => ({ unitId: u.id, code })))
    .filter((x) => !adjusted.has(`${x.unitId}|${x.code}`));
  await ok(w.reviewer.request('POST', `/api/cycles/${w.cycleId}/review/agree`, { items }));
  await ok(
    w.council.request('POST', `/api/cycles/${w.cycleId}/council/confirm`, {
      unitIds: w.units.map((u) => u.id),
    }),
  );
}
