import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { outcomePoints, selfOutcome } from '../../core/cycle/entry-score';
import { sampleInputs } from '../../core/cycle/sample-inputs';
import { CYCLE_WINDOWS } from '../../core/cycle/windows';
import { seededRandom } from '../../core/exam/random';
import type { Framework } from '../../core/framework/model';
import { applicableNodes, isLeaf } from '../../core/framework/tree';
import { type Actor, recordAudit } from '../audit';
import { hashPassword } from '../auth/password';
import { createCycle, unitsOfYear } from '../cycle/create-cycle';
import type { Db } from '../db/client';
import {
  cycleEntries,
  cycleEvidence,
  cycleExtensions,
  cycleReviewers,
  cycles,
  cycleUnits,
  evidenceFiles,
  frameworkVersions,
  notifications,
  units,
  users,
} from '../db/schema';
import { renderPdf } from '../pdf/render-pdf';

/** Password of the demo accounts (shown in the README; the demo never runs with real data). */
export const DEMO_PASSWORD = 'Demo-2026-ThuocDo';
export const DEMO_CYCLE_NAME = 'Đánh giá mức độ chuyển đổi số (DTI) năm 2026 (dữ liệu mẫu)';
const SYSTEM: Actor = { id: null, username: 'system', ip: null };
const DAY = 86_400_000;

/** The calendar of the demo: self-assessment under way, review started on early submissions. */
function demoWindows(now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const spans: [number, number][] = [
    [-14, 16],
    [-7, 30],
    [-7, 37],
    [20, 50],
    [40, 70],
  ];
  return Object.fromEntries(
    CYCLE_WINDOWS.map((w, i) => [w, { opensAt: at(spans[i]![0]), closesAt: at(spans[i]![1]) }]),
  ) as Record<(typeof CYCLE_WINDOWS)[number], { opensAt: string; closesAt: string }>;
}

async function demoUser(
  db: Db,
  username: string,
  fullName: string,
  role: string,
  unitId: string | null,
  hash: string,
) {
  const [row] = await db
    .insert(users)
    .values({ username, fullName, role, unitId, passwordHash: hash })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return row?.id ?? null;
}

/**
 * The demo cycle (2026, sở and xã on the shipped sets): accounts for each role, every unit with a draft
 * at its own stage — not started, half done, complete, submitted, reviewed with a request for more
 * evidence — so each screen has something to show. Loaded once, when no cycle exists.
 */
export async function loadDemoCycle(db: Db, now = new Date()): Promise<boolean> {
  const [any] = await db.select({ id: cycles.id }).from(cycles).limit(1);
  if (any) return false;
  const sets = await db
    .select({
      id: frameworkVersions.id,
      level: frameworkVersions.level,
      document: frameworkVersions.document,
    })
    .from(frameworkVersions)
    .where(
      and(eq(frameworkVersions.year, 2026), sql`${frameworkVersions.code} in ('cantho-so', 'cantho-xa')`),
    );
  const so = sets.find((s) => s.level === 'so');
  const xa = sets.find((s) => s.level === 'xa');
  if (!so || !xa) return false;
  const members = (await unitsOfYear(db, 2026, ['so', 'xa'])).filter(
    (u) => u.level === 'so' || u.level === 'xa',
  );
  if (members.length === 0) return false;

  const report = await renderPdf(
    [
      { text: 'ỦY BAN NHÂN DÂN', bold: true },
      { text: 'BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2026 (DỮ LIỆU MẪU)', bold: true, margin: [0, 20, 0, 10] },
      'Tài liệu kiểm chứng minh họa cho dữ liệu mẫu của Thước Đo.',
    ],
    { title: 'Báo cáo kết quả chuyển đổi số năm 2026' },
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  const organiserId = await demoUser(db, 'demo.tochuc', 'Nguyễn Thị Tổ Chức', 'organiser', null, hash);
  const reviewerId = await demoUser(db, 'demo.thamdinh', 'Trần Văn Thẩm Định', 'reviewer', null, hash);
  await demoUser(db, 'demo.hoidong', 'Lê Minh Hội Đồng', 'council', null, hash);
  const actor: Actor = { id: organiserId, username: 'demo.tochuc', ip: null };
  const cycleId = await createCycle(db, actor, {
    year: 2026,
    name: DEMO_CYCLE_NAME,
    windows: demoWindows(now),
    frameworks: { so: so.id, xa: xa.id },
  });

  const ordered = await db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      level: cycleUnits.level,
      groupNo: cycleUnits.groupNo,
    })
    .from(cycleUnits)
    .innerJoin(units, eq(units.id, cycleUnits.unitId))
    .where(eq(cycleUnits.cycleId, cycleId))
    .orderBy(cycleUnits.level, units.code);
  const random = seededRandom('demo-dti-2026');
  const reporters: { unitId: string; userId: string | null }[] = [];
  for (const level of ['so', 'xa'] as const) {
    for (const u of ordered.filter((o) => o.level === level).slice(0, 2)) {
      const username = `demo.${u.code.toLowerCase()}`;
      reporters.push({
        unitId: u.id,
        userId: await demoUser(db, username, `Cán bộ đầu mối ${u.name}`, 'reporter', u.id, hash),
      });
    }
  }

  await db.transaction(async (tx) => {
    for (const [i, u] of ordered.entries()) {
      const f = (u.level === 'so' ? so : xa).document as Framework;
      const leaves = applicableNodes(f, u.level, u.groupNo).filter(isLeaf);
      // Stage by position: every fifth unit untouched, then half done, complete, submitted, reviewed.
      const stage = i % 5;
      if (stage === 0) continue;
      const take = stage === 1 ? Math.ceil(leaves.length / 2) : leaves.length;
      const rows = leaves.slice(0, take).map((leaf) => {
        const inputs = sampleInputs(leaf, random);
        const points = outcomePoints(
          selfOutcome(leaf, f.policy, { inputs, notApplicable: null, central: null }),
        );
        const review = stage >= 3 ? (stage === 4 ? 'agreed' : 'pending') : null;
        return {
          cycleId,
          unitId: u.id,
          code: leaf.code,
          inputs,
          selfPoints: points,
          review,
          appraisedPoints: stage === 4 ? points : null,
          updatedAt: now,
        };
      });
      if (stage === 4 && rows[0]) {
        Object.assign(rows[0], {
          review: 'requested',
          appraisedPoints: null,
          requestComment: 'Đề nghị bổ sung văn bản có chữ ký, số hiệu đầy đủ',
          requestDeadline: new Date(now.getTime() + 10 * DAY),
          reviewedBy: reviewerId,
          reviewedAt: now,
        });
      }
      await tx.insert(cycleEntries).values(rows);
      if (stage >= 2) {
        const withEvidence = leaves.filter((l) => l.evidence?.trim());
        let fileId: string | null = null;
        if (stage === 4 && withEvidence[0]) {
          const [file] = await tx
            .insert(evidenceFiles)
            .values({
              cycleId,
              unitId: u.id,
              filename: 'bao-cao-chuyen-doi-so-2026.pdf',
              mime: 'application/pdf',
              size: report.length,
              sha256: createHash('sha256').update(report).digest('hex'),
              data: report,
            })
            .returning({ id: evidenceFiles.id });
          fileId = file!.id;
        }
        await tx.insert(cycleEvidence).values(
          withEvidence.map((l, k) => ({
            fileId: k === 0 ? fileId : null,
            cycleId,
            unitId: u.id,
            code: l.code,
            docNumber: `${100 + k}/BC-${u.level === 'so' ? 'SO' : 'UBND'}`,
            docDate: '2026-10-15',
            summary: `Báo cáo kết quả thực hiện chỉ số ${l.code} năm 2026`,
            url: `https://vanban.cantho.gov.vn/demo/${u.code.toLowerCase()}/${l.code}`,
            createdAt: now,
          })),
        );
      }
      if (stage >= 3) {
        const state = stage === 4 ? 'returned' : 'submitted';
        await tx
          .update(cycleUnits)
          .set({ state, submittedAt: now })
          .where(and(eq(cycleUnits.cycleId, cycleId), eq(cycleUnits.unitId, u.id)));
        if (reviewerId) await tx.insert(cycleReviewers).values({ cycleId, userId: reviewerId, unitId: u.id });
      }
    }
    const late = ordered.find((_, i) => i % 5 === 1);
    if (late) {
      await tx.insert(cycleExtensions).values({
        cycleId,
        unitId: late.id,
        window: 'self_assessment',
        until: new Date(now.getTime() + 23 * DAY),
        reason: 'Đơn vị mới sắp xếp, bàn giao hồ sơ chậm',
        createdBy: organiserId,
      });
    }
    const notices = reporters
      .filter((r) => r.userId)
      .map((r) => ({
        userId: r.userId!,
        kind: 'deadline_approaching',
        title: 'Kỳ đánh giá DTI năm 2026 đã mở',
        body: `${DEMO_CYCLE_NAME}: đơn vị tự đánh giá và nộp kết quả trước hạn.`,
        link: `/dti/cycles/${cycleId}/units/${r.unitId}`,
      }));
    if (notices.length > 0) await tx.insert(notifications).values(notices);
    await recordAudit(tx, SYSTEM, {
      action: 'load_demo',
      entity: 'cycle',
      entityId: cycleId,
      after: { units: ordered.length },
    });
  });
  return true;
}
