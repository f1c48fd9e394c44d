import { sql } from 'drizzle-orm';
import type { TAppeal, TAppealSection } from '../../../contracts/contest-results-appeals';
import type { ContestRules } from '../../../core/exam/contest';
import { AppError } from '../../../core/shared/app-error';
import { type Actor, recordAudit } from '../../audit';
import type { Db } from '../../db/client';
import { contestAppeals } from '../../db/schema';
import { asDate, queryRows } from '../../db/sql-rows';
import { getAppeal } from './appeal-rows';
import { appealSections, assertAppealWindow } from './appeal-rules';

const SECTION_LABEL: Record<TAppealSection, string> = {
  theory: 'phần lý thuyết',
  practice: 'phần thực hành',
  total: 'toàn bộ kết quả',
};

export interface FileAppealInput {
  contestId: string;
  candidateId: string;
  section: TAppealSection;
  text: string;
  /** The candidate on the exam page, or a unit's staff member (a reporter only for their own unit). */
  filer:
    | { kind: 'candidate' }
    | { kind: 'unit'; userId: string | null; ownUnitId: string | null | undefined };
  actor: Actor;
  now: Date;
}

interface Target {
  contest_id: string;
  unit_id: string | null;
  number: string;
  attempt_id: string | null;
  attempt_status: string | null;
  rules: ContestRules;
  published_at: Date | string | null;
}

/**
 * Files an appeal on one candidate's result: only once the results are published and within the
 * appeal window, on a finalised attempt, one open appeal per candidate and section. The candidate's
 * row is locked so two filings at once cannot both pass the one-open-appeal check.
 */
export async function fileAppeal(db: Db, input: FileAppealInput): Promise<TAppeal> {
  const id = await db.transaction(async (tx) => {
    const [target] = await queryRows<Target>(
      tx,
      sql`select c.contest_id, c.unit_id, c.number, a.id as attempt_id, a.status as attempt_status, k.rules,
            pub.published_at
          from candidates c
          join contests k on k.id = c.contest_id
          left join attempts a on a.candidate_id = c.id
          left join contest_result_publications pub on pub.contest_id = c.contest_id
          where c.id = ${input.candidateId}
          for update of c`,
    );
    if (!target || target.contest_id !== input.contestId) {
      throw new AppError('candidate_not_found', 'Không tìm thấy thí sinh trong kỳ thi này');
    }
    const { filer } = input;
    if (filer.kind === 'unit' && filer.ownUnitId !== undefined && target.unit_id !== filer.ownUnitId) {
      throw new AppError('forbidden_unit', 'Bạn chỉ được nộp đơn phúc khảo cho thí sinh của đơn vị mình');
    }
    assertAppealWindow(asDate(target.published_at), input.now);
    if (!appealSections(target.rules).includes(input.section)) {
      throw new AppError('validation_failed', 'Kỳ thi không có phần thực hành để phúc khảo');
    }
    if (!target.attempt_id || target.attempt_status !== 'finalised') {
      throw new AppError('conflict', 'Thí sinh không có bài thi đã nộp nên không có kết quả để phúc khảo');
    }
    const [open] = await queryRows<{ id: string }>(
      tx,
      sql`select id from contest_appeals
          where candidate_id = ${input.candidateId} and section = ${input.section} and status = 'open'`,
    );
    if (open) {
      throw new AppError(
        'conflict',
        `Đã có đơn phúc khảo ${SECTION_LABEL[input.section]} đang chờ giải quyết; vui lòng chờ kết quả`,
        { appealId: open.id },
      );
    }
    const [row] = await tx
      .insert(contestAppeals)
      .values({
        contestId: input.contestId,
        candidateId: input.candidateId,
        attemptId: target.attempt_id,
        filedBy: filer.kind,
        filedByUserId: filer.kind === 'unit' ? filer.userId : null,
        section: input.section,
        text: input.text,
        createdAt: input.now,
      })
      .returning({ id: contestAppeals.id });
    await recordAudit(tx, input.actor, {
      action: 'appeal_filed',
      entity: 'contest_appeal',
      entityId: row!.id,
      after: {
        contestId: input.contestId,
        candidateId: input.candidateId,
        number: target.number,
        filedBy: filer.kind,
        section: input.section,
        text: input.text,
      },
    });
    return row!.id;
  });
  return getAppeal(db, id);
}
