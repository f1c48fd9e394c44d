import type { Rule, RuleInput } from './model';

/** One input field a leaf's rule asks for, as the entry form and the import templates show it. */
export interface RuleInputField {
  name: string;
  kind: 'number' | 'boolean' | 'option' | 'options';
  label: string;
  options?: { code: string; label: string }[];
}

/** The fields a rule reads, in entry order. */
export function ruleInputFields(rule: Rule): RuleInputField[] {
  switch (rule.type) {
    case 'ratio':
      return [
        { name: 'a', kind: 'number', label: 'Tử số (a)' },
        { name: 'b', kind: 'number', label: 'Mẫu số (b)' },
      ];
    case 'steps':
    case 'linear':
      return [{ name: 'value', kind: 'number', label: 'Giá trị' }];
    case 'count':
      return [{ name: 'value', kind: 'number', label: 'Số lượng' }];
    case 'option':
      return [
        {
          name: 'option',
          kind: rule.multiple ? 'options' : 'option',
          label: rule.multiple ? 'Các lựa chọn' : 'Lựa chọn',
          options: rule.options.map((o) => ({ code: o.code, label: o.label })),
        },
      ];
    case 'yes_no':
      return [{ name: 'yes', kind: 'boolean', label: 'Có / Không' }];
    case 'manual':
      return [{ name: 'points', kind: 'number', label: 'Điểm chấm' }];
    case 'expression':
      return rule.inputs.map((i) => ({ name: i.code, kind: 'number' as const, label: i.label }));
  }
}

/** Result of reading one numeric field: a value, nothing entered, or an error message. */
export type NumberRead = { value: number } | { missing: true } | { error: string };

/** Absent, null and blank text all mean "not entered". */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Reads a numeric field. Text is refused rather than parsed: "1,5" means 1.5 to a Vietnamese reader and
 * 15 to a program, so conversion belongs to the form or the import, which know their locale.
 */
export function readNumber(
  input: RuleInput | undefined,
  name: string,
  label: string,
  allowNegative = false,
): NumberRead {
  // Own fields only: a field named like an Object method ("constructor") must read as not entered.
  const v = input && Object.hasOwn(input, name) ? input[name] : undefined;
  if (isBlank(v)) return { missing: true };
  if (typeof v !== 'number') return { error: `${label} phải là một số` };
  if (!Number.isFinite(v)) return { error: `${label} phải là một số hữu hạn` };
  if (v < 0 && !allowNegative) return { error: `${label} không được âm` };
  return { value: v };
}

/** Reads several numeric fields at once; errors win over missing values so every problem is reported. */
export function readNumbers(
  input: RuleInput | undefined,
  fields: { name: string; label: string; allowNegative?: boolean }[],
): { values: Record<string, number> } | { missing: true } | { errors: string[] } {
  const values: Record<string, number> = {};
  const errors: string[] = [];
  let missing = false;
  for (const f of fields) {
    const r = readNumber(input, f.name, f.label, f.allowNegative);
    if ('error' in r) errors.push(r.error);
    else if ('missing' in r) missing = true;
    else values[f.name] = r.value;
  }
  if (errors.length > 0) return { errors };
  if (missing) return { missing: true };
  return { values };
}
