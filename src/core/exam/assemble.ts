import { AppError } from '../shared/app-error';
import { foldVietnamese } from '../shared/text';
import type { BlueprintRow, ContestRules, PaperItem } from './contest';
import type { Difficulty, QuestionType } from './question';
import { seededRandom, shuffled } from './random';

/** An approved question the assembler may draw (the caller filters by status and takes the current version). */
export interface PoolQuestion {
  questionId: string;
  versionId: string;
  categoryId: string | null;
  difficulty: Difficulty;
  tags: string[];
  /** Option keys in the bank's order. */
  optionKeys: string[];
  /** Needed to keep Đúng/Sai in place: without it a two-option question counts as shuffleable. */
  type?: QuestionType;
}

export interface AssembleOptions {
  /**
   * Category tree as child id → parent id. With it, a blueprint row's category also matches every
   * subcategory below it; without it, only questions filed directly in that category match.
   */
  categoryParents?: Record<string, string | null>;
  /** Category id → name, so errors name the category rather than its id. */
  categoryNames?: Record<string, string>;
}

export interface BlueprintRowCheck {
  /** Position of the row in `rules.blueprint` (0-based). */
  index: number;
  row: BlueprintRow;
  /** Vietnamese description of the row, e.g. "Dòng 2 (chuyên mục “An toàn thông tin”, mức độ khó)". */
  label: string;
  needed: number;
  /** Questions in the pool matching the row's filters, ignoring the other rows. */
  available: number;
  /** Slots of this row that can be filled once questions shared with other rows are counted once. */
  fillable: number;
  ok: boolean;
}

export interface BlueprintCheck {
  ok: boolean;
  needed: number;
  rows: BlueprintRowCheck[];
}

const DIFFICULTY_LABELS: Record<Difficulty, string> = { easy: 'dễ', medium: 'trung bình', hard: 'khó' };

/** Builds the Vietnamese label of a blueprint row for messages. */
export function blueprintRowLabel(row: BlueprintRow, index: number, options: AssembleOptions = {}): string {
  const filters: string[] = [];
  if (row.categoryId) {
    filters.push(`chuyên mục “${options.categoryNames?.[row.categoryId] ?? row.categoryId}”`);
  }
  if (row.difficulty) filters.push(`mức độ ${DIFFICULTY_LABELS[row.difficulty] ?? row.difficulty}`);
  if (row.tag) filters.push(`nhãn “${row.tag}”`);
  return `Dòng ${index + 1} (${filters.length ? filters.join(', ') : 'mọi câu hỏi'})`;
}

function inCategory(
  questionCategory: string | null,
  wanted: string,
  parents: Record<string, string | null> | undefined,
): boolean {
  let current = questionCategory;
  const seen = new Set<string>();
  while (current && !seen.has(current)) {
    if (current === wanted) return true;
    if (!parents) return false;
    seen.add(current);
    current = parents[current] ?? null;
  }
  return false;
}

function matches(q: PoolQuestion, row: BlueprintRow, options: AssembleOptions): boolean {
  // A null category in a row means "no filter", like an absent one (forms send null for an empty choice).
  if (row.categoryId && !inCategory(q.categoryId, row.categoryId, options.categoryParents)) return false;
  if (row.difficulty && q.difficulty !== row.difficulty) return false;
  if (row.tag) {
    const wanted = foldVietnamese(row.tag);
    if (!q.tags.some((t) => foldVietnamese(t) === wanted)) return false;
  }
  return true;
}

/**
 * Assigns pool questions to every slot of every row, each question at most once. Rows may overlap
 * (a "hard" row and an "An toàn thông tin" row share hard security questions), so a greedy draw could
 * fail where a valid paper exists; augmenting paths (bipartite matching) find one whenever it exists.
 * Candidates are tried in `order`, so for disjoint rows each row takes the first free questions of a
 * shuffled order, i.e. a uniform random sample.
 */
function matchSlots(order: PoolQuestion[], rules: ContestRules, options: AssembleOptions) {
  const rows = rules.blueprint;
  const candidates = rows.map((row) =>
    order.map((q, i) => (matches(q, row, options) ? i : -1)).filter((i) => i >= 0),
  );
  const slotRow: number[] = [];
  rows.forEach((row, r) => {
    for (let k = 0; k < Math.max(0, Math.floor(row.count)); k++) slotRow.push(r);
  });
  const slotOf = new Array<number>(order.length).fill(-1);
  const questionOf = new Array<number>(slotRow.length).fill(-1);

  const augment = (slot: number, visited: boolean[]): boolean => {
    for (const q of candidates[slotRow[slot]!]!) {
      if (visited[q]) continue;
      visited[q] = true;
      const holder = slotOf[q]!;
      if (holder === -1 || augment(holder, visited)) {
        slotOf[q] = slot;
        questionOf[slot] = q;
        return true;
      }
    }
    return false;
  };

  for (let slot = 0; slot < slotRow.length; slot++) {
    const free = candidates[slotRow[slot]!]!.find((q) => slotOf[q] === -1);
    if (free !== undefined) {
      slotOf[free] = slot;
      questionOf[slot] = free;
    } else {
      augment(slot, new Array<boolean>(order.length).fill(false));
    }
  }
  return { candidates, slotRow, questionOf };
}

/** Stable order independent of how the database returned the pool, so a seed always gives one paper. */
function canonicalOrder(pool: PoolQuestion[]): PoolQuestion[] {
  return [...pool].sort((a, b) => (a.versionId < b.versionId ? -1 : a.versionId > b.versionId ? 1 : 0));
}

/** Per blueprint row: how many questions are needed, available and fillable (for the contest editor). */
export function checkBlueprint(
  pool: PoolQuestion[],
  rules: ContestRules,
  options: AssembleOptions = {},
): BlueprintCheck {
  const { candidates, slotRow, questionOf } = matchSlots(canonicalOrder(pool), rules, options);
  const rows = rules.blueprint.map((row, index): BlueprintRowCheck => {
    const needed = Math.max(0, Math.floor(row.count));
    const fillable = slotRow.filter((r, slot) => r === index && questionOf[slot] !== -1).length;
    return {
      index,
      row,
      label: blueprintRowLabel(row, index, options),
      needed,
      available: candidates[index]!.length,
      fillable,
      ok: fillable === needed,
    };
  });
  return { ok: rows.every((r) => r.ok), needed: slotRow.length, rows };
}

function shortageMessage(check: BlueprintCheck): string {
  const parts = check.rows
    .filter((r) => !r.ok)
    .map((r) =>
      r.available < r.needed
        ? `${r.label}: cần ${r.needed} câu nhưng ngân hàng chỉ có ${r.available} câu đã duyệt phù hợp`
        : `${r.label}: cần ${r.needed} câu nhưng chỉ còn ${r.fillable} câu không trùng với các dòng khác`,
    );
  return `Ngân hàng câu hỏi không đủ để tạo đề. ${parts.join('; ')}.`;
}

/**
 * Draws a candidate's theory paper from the approved pool by the blueprint, seeded: the same pool,
 * rules and seed always give the same paper. Each item carries `theory points ÷ number of items`
 * unrounded, so the items sum to the section's points; totals are rounded once, when graded.
 */
export function assemblePaper(
  pool: PoolQuestion[],
  rules: ContestRules,
  seed: string,
  options: AssembleOptions = {},
): PaperItem[] {
  const theory = rules.sections.find((s) => s.code === 'theory');
  if (!theory || !(theory.points > 0)) {
    throw new AppError('validation_failed', 'Thể lệ chưa có phần thi lý thuyết với số điểm dương');
  }
  const needed = rules.blueprint.reduce((n, row) => n + Math.max(0, Math.floor(row.count)), 0);
  if (needed === 0) {
    throw new AppError(
      'validation_failed',
      'Cấu trúc đề chưa có câu hỏi nào (số câu của các dòng đều bằng 0)',
    );
  }
  const seen = new Set<string>();
  const duplicate = pool.find((q) => seen.has(q.questionId) || !seen.add(q.questionId));
  if (duplicate) {
    throw new AppError('validation_failed', 'Mỗi câu hỏi chỉ được có một phiên bản trong nguồn đề', {
      questionId: duplicate.questionId,
    });
  }

  const random = seededRandom(seed);
  const order = shuffled(canonicalOrder(pool), random);
  const { questionOf } = matchSlots(order, rules, options);
  if (questionOf.includes(-1)) {
    const check = checkBlueprint(pool, rules, options);
    throw new AppError('validation_failed', shortageMessage(check), { rows: check.rows });
  }

  const positionInPool = new Map(pool.map((q, i) => [q.versionId, i]));
  let drawn = questionOf.map((i) => order[i]!);
  if (rules.shuffleQuestions) {
    drawn = shuffled(drawn, random);
  } else {
    // Unshuffled papers follow the blueprint rows, and within a row the order the caller gave the pool.
    const slotsPerRow = rules.blueprint.map((row) => Math.max(0, Math.floor(row.count)));
    let start = 0;
    const sortedRows: PoolQuestion[] = [];
    for (const n of slotsPerRow) {
      const rowItems = drawn.slice(start, start + n);
      rowItems.sort((a, b) => positionInPool.get(a.versionId)! - positionInPool.get(b.versionId)!);
      sortedRows.push(...rowItems);
      start += n;
    }
    drawn = sortedRows;
  }

  const points = theory.points / drawn.length;
  return drawn.map((q) => ({
    questionId: q.questionId,
    versionId: q.versionId,
    optionOrder:
      rules.shuffleOptions && q.type !== 'true_false' ? shuffled(q.optionKeys, random) : [...q.optionKeys],
    points,
  }));
}
