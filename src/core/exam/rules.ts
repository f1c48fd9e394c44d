import { type ContestRules, SECTION_CODES } from './contest';
import { roundPoints } from './points';
import { DIFFICULTIES } from './question';

export interface RulesProblem {
  /** Path of the offending value, e.g. "sections", "blueprint.2.count". */
  field: string;
  message: string;
}

/**
 * The rules a new contest starts from: 60 minutes, scale 100 with the 2023 split (theory 60, practice
 * 40; 2022 used 45/55), 30 questions (12 easy, 12 medium, 6 hard), both shuffles, threshold 50.
 */
export function defaultContestRules(): ContestRules {
  return {
    durationMinutes: 60,
    graceSeconds: 60,
    scale: 100,
    sections: [
      { code: 'theory', name: 'Lý thuyết (trắc nghiệm)', points: 60 },
      { code: 'practice', name: 'Thực hành', points: 40 },
    ],
    blueprint: [
      { difficulty: 'easy', count: 12 },
      { difficulty: 'medium', count: 12 },
      { difficulty: 'hard', count: 6 },
    ],
    shuffleQuestions: true,
    shuffleOptions: true,
    passThreshold: 50,
    multipleScoring: 'all_or_nothing',
    // No scenario by default: the organiser picks one in the rules (the rules tab warns while none is).
    practiceScenario: null,
  };
}

const MAX_DURATION_MINUTES = 600;
const MAX_GRACE_SECONDS = 600;
const MAX_QUESTIONS = 200;

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Checks a contest's rules as a whole; returns every problem, in Vietnamese (empty when valid). */
export function validateContestRules(rules: ContestRules): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (!isWhole(rules.durationMinutes) || rules.durationMinutes < 1) {
    add('durationMinutes', 'Thời gian làm bài phải là số phút nguyên dương');
  } else if (rules.durationMinutes > MAX_DURATION_MINUTES) {
    add('durationMinutes', `Thời gian làm bài không được quá ${MAX_DURATION_MINUTES} phút`);
  }
  if (!isWhole(rules.graceSeconds) || rules.graceSeconds < 0 || rules.graceSeconds > MAX_GRACE_SECONDS) {
    add('graceSeconds', `Thời gian gia hạn nhận bài phải từ 0 đến ${MAX_GRACE_SECONDS} giây`);
  }
  const scaleOk = isNumber(rules.scale) && rules.scale > 0;
  if (!scaleOk) add('scale', 'Thang điểm phải là số dương');

  const sections = Array.isArray(rules.sections) ? rules.sections : [];
  sections.forEach((s, i) => {
    if (!SECTION_CODES.includes(s.code))
      add(`sections.${i}.code`, 'Phần thi phải là lý thuyết hoặc thực hành');
    if (!s.name?.trim()) add(`sections.${i}.name`, 'Tên phần thi không được để trống');
    if (!isNumber(s.points) || s.points < 0)
      add(`sections.${i}.points`, 'Điểm của phần thi phải là số không âm');
  });
  for (const code of SECTION_CODES) {
    if (sections.filter((s) => s.code === code).length > 1) {
      add('sections', `Phần thi ${code === 'theory' ? 'lý thuyết' : 'thực hành'} bị khai báo hai lần`);
    }
  }
  const theory = sections.find((s) => s.code === 'theory');
  if (!theory) add('sections', 'Thể lệ phải có phần thi lý thuyết');
  else if (isNumber(theory.points) && theory.points <= 0) {
    add('sections', 'Phần thi lý thuyết phải có số điểm lớn hơn 0');
  }
  const total = sections.reduce((sum, s) => sum + (isNumber(s.points) ? s.points : 0), 0);
  if (scaleOk && roundPoints(total) !== roundPoints(rules.scale)) {
    add('sections', `Tổng điểm các phần thi (${roundPoints(total)}) phải bằng thang điểm (${rules.scale})`);
  }

  const blueprint = Array.isArray(rules.blueprint) ? rules.blueprint : [];
  if (blueprint.length === 0) add('blueprint', 'Cấu trúc đề phải có ít nhất một dòng');
  blueprint.forEach((row, i) => {
    if (!isWhole(row.count) || row.count < 1) {
      add(`blueprint.${i}.count`, `Dòng ${i + 1} của cấu trúc đề: số câu phải là số nguyên dương`);
    }
    if (row.difficulty !== undefined && !DIFFICULTIES.includes(row.difficulty)) {
      add(
        `blueprint.${i}.difficulty`,
        `Dòng ${i + 1} của cấu trúc đề: mức độ phải là dễ, trung bình hoặc khó`,
      );
    }
    if (row.tag !== undefined && !row.tag.trim()) {
      add(`blueprint.${i}.tag`, `Dòng ${i + 1} của cấu trúc đề: nhãn không được để trống`);
    }
  });
  const questions = blueprint.reduce(
    (n, row) => n + (isWhole(row.count) && row.count > 0 ? row.count : 0),
    0,
  );
  if (questions > MAX_QUESTIONS) {
    add('blueprint', `Đề lý thuyết không được quá ${MAX_QUESTIONS} câu (hiện có ${questions} câu)`);
  }

  if (
    !isNumber(rules.passThreshold) ||
    rules.passThreshold < 0 ||
    (scaleOk && rules.passThreshold > rules.scale)
  ) {
    add('passThreshold', `Ngưỡng điểm xét khen thưởng phải từ 0 đến ${scaleOk ? rules.scale : 'thang điểm'}`);
  }
  if (rules.multipleScoring !== 'all_or_nothing' && rules.multipleScoring !== 'partial') {
    add(
      'multipleScoring',
      'Cách chấm câu nhiều đáp án phải là "đúng hết mới có điểm" hoặc "tính điểm từng phần"',
    );
  }
  if (typeof rules.shuffleQuestions !== 'boolean' || typeof rules.shuffleOptions !== 'boolean') {
    add('shuffle', 'Tùy chọn trộn câu hỏi và trộn phương án phải là có hoặc không');
  }
  const scenario = rules.practiceScenario;
  if (scenario !== undefined && scenario !== null) {
    if (typeof scenario !== 'string' || !scenario.trim()) {
      add('practiceScenario', 'Mã đề thực hành không hợp lệ');
    } else if (practiceSectionPoints(rules) <= 0) {
      // A scenario whose score counts nothing is a mistake: candidates would work for 0 points.
      add('practiceScenario', 'Đã chọn đề thực hành nhưng phần thi thực hành không có điểm');
    }
  }
  return problems;
}

/** Points of the practice section on the contest scale (0 when the rules have none). */
export function practiceSectionPoints(rules: Pick<ContestRules, 'sections'>): number {
  const points = (rules.sections ?? []).find((s) => s.code === 'practice')?.points;
  return isNumber(points) && points > 0 ? points : 0;
}

/** The scenario candidates play, or null when the contest has no practice sandbox. */
export function practiceScenarioOf(rules: Pick<ContestRules, 'practiceScenario'>): string | null {
  return rules.practiceScenario?.trim() || null;
}

/**
 * A practice section with points but no scenario: allowed (the contest runs theory only and the
 * practice counts 0 of its points), but the organiser is warned, since it is likely unfinished.
 */
export function practiceScenarioMissing(rules: Pick<ContestRules, 'sections' | 'practiceScenario'>): boolean {
  return practiceSectionPoints(rules) > 0 && practiceScenarioOf(rules) === null;
}

/**
 * The practice score on the contest scale: the scenario's points scaled to the practice section's
 * (a 55-point scenario in a 40-point section counts 40/55 per point).
 */
export function scalePracticePoints(raw: number, rawMax: number, sectionPoints: number): number {
  return rawMax > 0 ? roundPoints((raw * sectionPoints) / rawMax) : 0;
}

export type ResultFlag = 'pass' | 'khong_xet_khen_thuong';

/** Below the threshold a result is flagged "không xét khen thưởng" (no reward, no excellent rating). */
export function resultFlag(total: number, rules: Pick<ContestRules, 'passThreshold'>): ResultFlag {
  return roundPoints(total) >= roundPoints(rules.passThreshold) ? 'pass' : 'khong_xet_khen_thuong';
}
