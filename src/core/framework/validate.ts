import { type Framework, type FrameworkNode, NODE_KINDS, type NodeKind } from './model';
import { validateRule } from './rules';
import { applicabilityContexts, applicableNodes, flattenNodes, isLeaf } from './tree';
import { CODE_PATTERN, type Issue, validateRenames, validateSetFields } from './validate-set';

export type { Issue } from './validate-set';

const KIND_LABEL: Record<NodeKind, string> = {
  pillar: 'trụ cột',
  main: 'chỉ số chính',
  component: 'chỉ số thành phần',
  criterion: 'tiêu chí',
};

/** Equal up to floating-point noise (2.5 + 7.5 + 0.1 + 0.2 style sums). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6).replace('.', ',');

/**
 * Checks a whole index set. Errors block saving and publishing; warnings are shown but allowed.
 *
 * Maxima with sở groups: a node's maximum is one number, but its children may apply to different
 * groups (group 3 has no online public services; a group may get an alternative indicator). So for every
 * context (each declared group, or just the set's level) and every inner node that applies there, the
 * applicable children's maxima are added: a sum above the node's maximum is an error; the largest sum over
 * contexts must equal the maximum (some group must be able to earn it all); a context whose sum is lower
 * gets a warning, since that group's maximum is smaller and the scoring policy decides how to compare.
 * The same rule holds for `nominalMax` against the top-level nodes.
 */
export function validateFramework(f: Framework): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  validateSetFields(f, errors, warnings);
  const nodes = Array.isArray(f.nodes) ? f.nodes : [];
  if (nodes.length === 0) {
    errors.push({ path: '$nodes', message: 'Bộ chỉ số chưa có chỉ số nào' });
    return { errors, warnings };
  }
  const codes = new Set<string>();
  const groupNos = new Set((f.groups ?? []).map((g) => g.no));
  const topKinds = new Set(nodes.map((n) => n.kind));
  if (topKinds.size > 1 || !(topKinds.has('pillar') || topKinds.has('main'))) {
    errors.push({ path: '$nodes', message: 'Cấp trên cùng phải toàn là trụ cột, hoặc toàn là chỉ số chính' });
  }
  for (const { node, parent } of flattenNodes(nodes)) {
    const err = (message: string) => errors.push({ path: node.code, message });
    if (typeof node.code !== 'string' || !CODE_PATTERN.test(node.code)) {
      err(`Mã "${node.code}" chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 40 ký tự)`);
    } else if (codes.has(node.code)) err(`Mã "${node.code}" bị trùng`);
    codes.add(node.code);
    if (typeof node.name !== 'string' || node.name.trim() === '') err('Nhập tên chỉ số');
    if (!NODE_KINDS.includes(node.kind)) err(`Loại nút "${node.kind}" không hợp lệ`);
    else if (parent && parent.kind !== 'criterion' && NODE_KINDS.includes(parent.kind)) {
      const expected = NODE_KINDS[NODE_KINDS.indexOf(parent.kind) + 1]!;
      if (node.kind !== expected) {
        err(
          `Dưới ${KIND_LABEL[parent.kind]} phải là ${KIND_LABEL[expected]}, không phải ${KIND_LABEL[node.kind]}`,
        );
      }
    }
    if (node.kind === 'criterion' && !isLeaf(node)) err('Tiêu chí không được có nút con');
    const validMax = Number.isFinite(node.maxPoints) && node.maxPoints > 0;
    if (!validMax) err('Điểm tối đa phải là số dương');
    if (isLeaf(node)) {
      if (node.kind === 'pillar') err('Trụ cột phải có chỉ số con');
      if (!node.rule) err('Chỉ số lá phải có quy tắc tính điểm');
      else if (validMax) for (const m of validateRule(node.rule, node.maxPoints)) err(`Quy tắc: ${m}`);
    } else if (node.rule) err('Chỉ số có chỉ số con không được có quy tắc tính điểm riêng');
    checkApplicability(node, f, groupNos, errors, warnings);
  }
  validateRenames(f, codes, errors);
  checkSums(f, nodes, errors, warnings);
  return { errors, warnings };
}

function checkApplicability(
  node: FrameworkNode,
  f: Framework,
  groupNos: Set<number>,
  errors: Issue[],
  warnings: Issue[],
): void {
  const a = node.applicability;
  if (!a) return;
  if (a.levels && !a.levels.includes(f.level)) {
    warnings.push({ path: node.code, message: 'Chỉ số không áp dụng cho cấp đơn vị của bộ chỉ số này' });
  }
  for (const g of a.groups ?? []) {
    if (!groupNos.has(g))
      errors.push({ path: node.code, message: `Nhóm ${g} chưa được khai báo trong bộ chỉ số` });
  }
  if (a.groups && a.groups.length === 0) {
    errors.push({
      path: node.code,
      message: 'Danh sách nhóm áp dụng đang trống: bỏ danh sách nếu áp dụng mọi nhóm',
    });
  }
}

function checkSums(f: Framework, nodes: FrameworkNode[], errors: Issue[], warnings: Issue[]): void {
  const contexts = applicabilityContexts(f).map(({ level, group }) => ({
    group,
    applies: new Set(applicableNodes({ nodes }, level, group).map((n) => n.code)),
  }));
  const inGroup = (g: number | undefined) => (g === undefined ? '' : ` (nhóm ${g})`);
  const check = (path: string, what: string, max: number, children: FrameworkNode[], owner?: string) => {
    if (!Number.isFinite(max) || max <= 0) return;
    const sums: { group: number | undefined; sum: number }[] = [];
    for (const { group, applies } of contexts) {
      if (owner !== undefined && !applies.has(owner)) continue;
      const sum = children
        .filter((c) => applies.has(c.code) && Number.isFinite(c.maxPoints))
        .reduce((acc, c) => acc + c.maxPoints, 0);
      sums.push({ group, sum });
      if (sum > max && !same(sum, max)) {
        const message = `Tổng điểm các chỉ số con${inGroup(group)} là ${fmt(sum)}, vượt ${what} ${fmt(max)}`;
        errors.push({ path, message });
      }
    }
    if (sums.length === 0) return;
    const best = Math.max(...sums.map((s) => s.sum));
    if (best < max && !same(best, max)) {
      errors.push({
        path,
        message: `Tổng điểm các chỉ số con là ${fmt(best)}, chưa bằng ${what} ${fmt(max)}`,
      });
      return;
    }
    for (const s of sums) {
      if (s.sum < max && !same(s.sum, max)) {
        const message = `Nhóm ${s.group}: tổng điểm các chỉ số con là ${fmt(s.sum)}, thấp hơn ${what} ${fmt(max)}`;
        warnings.push({ path, message });
      }
    }
  };
  check('$nominalMax', 'tổng điểm tối đa của bộ chỉ số', f.nominalMax, nodes);
  for (const { node } of flattenNodes(nodes)) {
    if (!isLeaf(node)) check(node.code, 'điểm tối đa', node.maxPoints, node.children!, node.code);
  }
}
