import { compileExpression, inputCodeProblem } from './expression';
import type { Rule } from './model';

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Problems with a rule's own parameters for a leaf worth `maxPoints`, in Vietnamese; empty when usable. */
export function validateRule(rule: Rule, maxPoints: number): string[] {
  const errors: string[] = [];
  if (!finite(maxPoints) || maxPoints <= 0) errors.push('Điểm tối đa phải là số dương');
  const pointsProblem = (p: unknown, what: string): void => {
    if (!finite(p) || p < 0) errors.push(`${what}: điểm phải là số không âm`);
    else if (finite(maxPoints) && p > maxPoints)
      errors.push(`${what}: điểm ${p} vượt điểm tối đa ${maxPoints}`);
  };
  switch (rule.type) {
    case 'ratio':
      if (rule.target !== undefined && (!finite(rule.target) || rule.target <= 0)) {
        errors.push('Tỷ lệ đạt điểm tối đa phải là số dương');
      }
      if (rule.cap !== undefined && (!finite(rule.cap) || rule.cap <= 0)) {
        errors.push('Mức trần của tỷ lệ phải là số dương');
      }
      if (!['zero', 'full', 'not_applicable'].includes(rule.whenDenominatorZero)) {
        errors.push('Chọn cách tính khi mẫu số bằng 0');
      }
      break;
    case 'steps': {
      if (!Array.isArray(rule.steps) || rule.steps.length === 0) {
        errors.push('Cần ít nhất một mức điểm');
        break;
      }
      const mins = new Set<number>();
      rule.steps.forEach((s, i) => {
        if (!finite(s.min)) errors.push(`Mức ${i + 1}: ngưỡng phải là số`);
        else if (mins.has(s.min)) errors.push(`Mức ${i + 1}: ngưỡng ${s.min} bị trùng`);
        else mins.add(s.min);
        pointsProblem(s.points, `Mức ${i + 1}`);
      });
      break;
    }
    case 'option': {
      if (!Array.isArray(rule.options) || rule.options.length === 0) {
        errors.push('Cần ít nhất một lựa chọn');
        break;
      }
      const codes = new Set<string>();
      rule.options.forEach((o, i) => {
        const what = `Lựa chọn ${i + 1}`;
        if (typeof o.code !== 'string' || o.code.trim() === '') errors.push(`${what}: thiếu mã`);
        else if (codes.has(o.code)) errors.push(`${what}: mã "${o.code}" bị trùng`);
        else codes.add(o.code);
        if (typeof o.label !== 'string' || o.label.trim() === '') errors.push(`${what}: thiếu nội dung`);
        if (o.points !== undefined && o.fraction !== undefined) {
          errors.push(`${what}: chỉ ghi điểm hoặc tỷ lệ của điểm tối đa, không ghi cả hai`);
        }
        if (o.points !== undefined) pointsProblem(o.points, what);
        if (o.fraction !== undefined && (!finite(o.fraction) || o.fraction < 0 || o.fraction > 1)) {
          errors.push(`${what}: tỷ lệ của điểm tối đa phải từ 0 đến 1`);
        }
      });
      break;
    }
    case 'yes_no':
    case 'manual':
      break;
    case 'count':
      if (!finite(rule.cap) || rule.cap <= 0 || !Number.isInteger(rule.cap)) {
        errors.push('Số lượng tối đa được tính điểm phải là số nguyên dương');
      }
      if (rule.pointsEach !== undefined) pointsProblem(rule.pointsEach, 'Điểm mỗi đơn vị đếm');
      break;
    case 'linear':
      if (!finite(rule.worst) || !finite(rule.best)) errors.push('Hai mốc của quy tắc tuyến tính phải là số');
      else if (rule.worst === rule.best) errors.push('Mốc 0 điểm và mốc điểm tối đa phải khác nhau');
      break;
    case 'expression': {
      const inputs = Array.isArray(rule.inputs) ? rule.inputs : [];
      const codes = new Set<string>();
      for (const input of inputs) {
        const problem = inputCodeProblem(input.code);
        if (problem) errors.push(problem);
        else if (codes.has(input.code)) errors.push(`Mã biến "${input.code}" bị trùng`);
        codes.add(input.code);
        if (typeof input.label !== 'string' || input.label.trim() === '') {
          errors.push(`Biến "${input.code}": thiếu tên hiển thị`);
        }
      }
      if (typeof rule.formula !== 'string' || rule.formula.trim() === '') {
        errors.push('Nhập công thức');
        break;
      }
      const compiled = compileExpression(
        rule.formula,
        inputs.map((i) => i.code),
      );
      if (!compiled.ok) errors.push(...compiled.errors.map((e) => `Công thức: ${e}`));
      break;
    }
    default:
      errors.push(`Loại quy tắc "${(rule as { type: unknown }).type}" không được hỗ trợ`);
  }
  return errors;
}
