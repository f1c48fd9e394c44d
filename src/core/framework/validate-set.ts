import { FRAMEWORK_LEVELS, type Framework } from './model';

/** One finding about a set: `path` is a node code, or `$field` for a set-level field. */
export interface Issue {
  path: string;
  message: string;
}

export const CODE_PATTERN = /^[\p{L}\p{N}._-]{1,40}$/u;
const FAMILY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Checks the set-level fields (everything but the node tree and its sums). */
export function validateSetFields(f: Framework, errors: Issue[], warnings: Issue[]): void {
  const err = (path: string, message: string) => errors.push({ path, message });
  if (f.formatVersion !== 1) err('$formatVersion', 'Phiên bản định dạng phải là 1');
  if (typeof f.code !== 'string' || !FAMILY_PATTERN.test(f.code)) {
    err('$code', 'Mã bộ chỉ số gồm 1–40 ký tự chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới');
  }
  if (typeof f.name !== 'string' || f.name.trim() === '') err('$name', 'Nhập tên bộ chỉ số');
  if (!Number.isInteger(f.year) || f.year < 2000 || f.year > 2100) {
    err('$year', 'Năm đánh giá phải là số nguyên từ 2000 đến 2100');
  }
  if (!FRAMEWORK_LEVELS.includes(f.level)) err('$level', 'Cấp của bộ chỉ số phải là tinh, so, huyen hoặc xa');
  if (!Number.isFinite(f.nominalMax) || f.nominalMax <= 0)
    err('$nominalMax', 'Tổng điểm tối đa phải là số dương');

  const groupNos = new Set<number>();
  for (const g of f.groups ?? []) {
    if (!Number.isInteger(g.no) || g.no <= 0) err('$groups', `Số nhóm "${g.no}" phải là số nguyên dương`);
    else if (groupNos.has(g.no)) err('$groups', `Nhóm ${g.no} bị khai báo hai lần`);
    groupNos.add(g.no);
    if (typeof g.name !== 'string' || g.name.trim() === '') err('$groups', `Nhóm ${g.no}: nhập tên nhóm`);
  }
  if (groupNos.size > 0 && f.level !== 'so') {
    warnings.push({ path: '$groups', message: 'Nhóm đơn vị thường chỉ dùng cho bộ chỉ số cấp sở' });
  }
  validatePolicy(f, err, warnings);
}

function validatePolicy(f: Framework, err: (path: string, message: string) => void, warnings: Issue[]) {
  const p = f.policy;
  if (!p || typeof p !== 'object') {
    err('$policy', 'Thiếu quy định tính điểm');
    return;
  }
  if (!['rescale', 'rank_separately'].includes(p.notApplicable)) {
    err('$policy', 'Cách xử lý chỉ số không áp dụng phải là rescale hoặc rank_separately');
  }
  if (!['zero', 'not_applicable'].includes(p.missing)) {
    err('$policy', 'Cách xử lý số liệu thiếu phải là zero hoặc not_applicable');
  }
  const r = p.rounding;
  if (!r || !Number.isInteger(r.decimals) || r.decimals < 0 || r.decimals > 6) {
    err('$policy', 'Số chữ số thập phân khi làm tròn phải là số nguyên từ 0 đến 6');
  }
  if (!r || !['half_up', 'half_even', 'none'].includes(r.mode)) {
    err('$policy', 'Cách làm tròn phải là half_up, half_even hoặc none');
  }
  const bands = Array.isArray(p.bands) ? p.bands : [];
  const codes = new Set<string>();
  bands.forEach((b, i) => {
    const label = `Mức xếp loại ${i + 1}`;
    if (typeof b.code !== 'string' || b.code.trim() === '') err('$policy.bands', `${label}: thiếu mã`);
    else if (codes.has(b.code)) err('$policy.bands', `${label}: mã "${b.code}" bị trùng`);
    codes.add(b.code);
    if (typeof b.label !== 'string' || b.label.trim() === '') err('$policy.bands', `${label}: thiếu tên`);
    if (!Number.isFinite(b.minValue) || b.minValue < 0 || b.minValue > 1) {
      err('$policy.bands', `${label}: ngưỡng dưới phải từ 0 đến 1`);
    }
  });
  const mins = bands.map((b) => b.minValue);
  const up = mins.every((m, i) => i === 0 || m > mins[i - 1]!);
  const down = mins.every((m, i) => i === 0 || m < mins[i - 1]!);
  if (mins.length > 1 && !up && !down) {
    err('$policy.bands', 'Các mức xếp loại phải xếp theo ngưỡng tăng dần hoặc giảm dần, không trùng ngưỡng');
  }
  if (bands.length > 0 && !mins.includes(0)) {
    warnings.push({
      path: '$policy.bands',
      message: 'Không có mức xếp loại bắt đầu từ 0: điểm thấp sẽ không có xếp loại',
    });
  }
}

/** Renames point from a code of the previous version to a code that exists in this one. */
export function validateRenames(f: Framework, codes: Set<string>, errors: Issue[]): void {
  const targets = new Map<string, string>();
  for (const [from, to] of Object.entries(f.renamedFrom ?? {})) {
    if (!codes.has(to)) {
      errors.push({
        path: '$renamedFrom',
        message: `Đổi mã "${from}" → "${to}": mã mới không có trong bộ chỉ số`,
      });
    } else if (targets.has(to)) {
      errors.push({
        path: to,
        message: `Hai mã cũ "${targets.get(to)}" và "${from}" cùng đổi thành "${to}"`,
      });
    }
    if (from === to) errors.push({ path: to, message: `Đổi mã "${from}" thành chính nó` });
    else if (codes.has(from)) {
      errors.push({
        path: from,
        message: `Mã cũ "${from}" vẫn còn trong bộ chỉ số nên không thể là mã đã đổi`,
      });
    }
    targets.set(to, from);
  }
}
