import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ContestRules } from '../../core/exam/contest';
import { defaultContestRules } from '../../core/exam/rules';
import { recordAudit } from '../audit';
import type { Db } from '../db/client';
import { candidates, contests, examSessions, units } from '../db/schema';
import { assignNumbers, numberPrefix } from './candidate-numbers';
import { candidateSearchText } from './candidates-repo';

export const DEMO_CONTEST_NAME =
  'Hội thi đánh giá năng lực ứng dụng công nghệ thông tin, chuyển đổi số của cán bộ lãnh đạo, quản lý năm 2026 (dữ liệu mẫu)';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Hoàng', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Hữu', 'Thị Kim', 'Đức'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hạnh',
  'Khoa',
  'Lan',
  'Mai',
  'Nghĩa',
  'Phúc',
  'Quyên',
  'Sơn',
  'Thảo',
  'Uyên',
  'Việt',
  'Yến',
];
const SO_POSITIONS = ['Phó Giám đốc', 'Trưởng phòng', 'Phó Trưởng phòng'];
const XA_POSITIONS = ['Chủ tịch UBND', 'Phó Chủ tịch UBND'];

/** The shipped 2022 scenario (quận level) as the practice part, scaled to the default 40 points. */
export const DEMO_PRACTICE_SCENARIO = 'cantho-2022-quan';

function demoRules(): ContestRules {
  return { ...defaultContestRules(), practiceScenario: DEMO_PRACTICE_SCENARIO };
}

/**
 * Loads the demo contest once (2026, draft so it can be edited): two sessions and 40 fictitious
 * candidates from the demo unit register, sở and xã mixed. Passwords are not issued: "Cấp mật khẩu"
 * in the contest page makes them. Does nothing when a demo contest exists or the register is empty.
 */
export async function loadDemoContest(db: Db): Promise<boolean> {
  const [existing] = await db
    .select({ id: contests.id })
    .from(contests)
    .where(eq(contests.isDemo, true))
    .limit(1);
  if (existing) return false;
  const current = await db
    .select({ id: units.id, name: units.name, level: units.level })
    .from(units)
    .where(and(isNull(units.validTo), eq(units.isDemo, true), sql`${units.level} in ('so', 'xa')`))
    .orderBy(units.code);
  const so = current.filter((u) => u.level === 'so').slice(0, 10);
  const xa = current.filter((u) => u.level === 'xa').slice(0, 15);
  if (so.length === 0 || xa.length === 0) return false;

  // Deterministic, so every demo install shows the same people.
  const people = Array.from({ length: 40 }, (_, i) => {
    const unit = i % 5 < 2 ? so[i % so.length]! : xa[i % xa.length]!;
    const positions = unit.level === 'so' ? SO_POSITIONS : XA_POSITIONS;
    return {
      rowNumber: i + 1,
      number: null,
      fullName: `${FAMILY[(i * 7) % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 5) % GIVEN.length]}`,
      birthDate: `${1968 + (i % 18)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      position: positions[i % positions.length]!,
      unit,
      unitName: unit.name,
      extraSeconds: i === 7 ? 15 * 60 : 0,
    };
  });
  const numbers = assignNumbers(people, [], numberPrefix(2026));

  await db.transaction(async (tx) => {
    const [contest] = await tx
      .insert(contests)
      .values({ year: 2026, name: DEMO_CONTEST_NAME, rules: demoRules(), isDemo: true })
      .returning({ id: contests.id });
    const contestId = contest!.id;
    const sessions = await tx
      .insert(examSessions)
      .values([
        { contestId, name: 'Ca 1', room: 'Phòng máy 1', scheduledAt: new Date('2026-06-24T07:30:00+07:00') },
        { contestId, name: 'Ca 2', room: 'Phòng máy 2', scheduledAt: new Date('2026-06-24T09:30:00+07:00') },
      ])
      .returning({ id: examSessions.id, name: examSessions.name });
    const sessionOf = (number: string) =>
      Number(number.slice(-4)) <= 20
        ? sessions.find((s) => s.name === 'Ca 1')!.id
        : sessions.find((s) => s.name === 'Ca 2')!.id;
    await tx.insert(candidates).values(
      people.map((p) => {
        const number = numbers.get(p.rowNumber)!;
        return {
          contestId,
          sessionId: sessionOf(number),
          number,
          fullName: p.fullName,
          birthDate: p.birthDate,
          position: p.position,
          unitId: p.unit.id,
          unitName: p.unit.name,
          level: p.unit.level,
          extraSeconds: p.extraSeconds,
          searchText: candidateSearchText({ ...p, number }),
        };
      }),
    );
    await recordAudit(
      tx,
      { id: null, username: 'system', ip: null },
      {
        action: 'load_demo',
        entity: 'contest',
        entityId: contestId,
        after: { candidates: people.length, sessions: 2 },
      },
    );
  });
  return true;
}
