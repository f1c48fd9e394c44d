import { describe, expect, it } from 'vitest';
import type { UnitInput, UnitLevel } from './unit';
import { normaliseUnit, validateUnit } from './validate-unit';

const base: Record<UnitLevel, UnitInput> = {
  so: {
    code: 'SO-NV',
    name: 'Sở Nội vụ',
    level: 'so',
    kind: 'sở',
    groupNo: 2,
    parentCode: null,
    validFrom: '2025-07-01',
    validTo: null,
    note: null,
  },
  huyen: {
    code: 'H-NK',
    name: 'Quận Ninh Kiều',
    level: 'huyen',
    kind: 'quận',
    groupNo: null,
    parentCode: null,
    validFrom: '2020-01-01',
    validTo: '2025-06-30',
    note: null,
  },
  xa: {
    code: 'X-AB',
    name: 'Phường An Bình',
    level: 'xa',
    kind: 'phường',
    groupNo: null,
    parentCode: 'H-NK',
    validFrom: '2020-01-01',
    validTo: null,
    note: null,
  },
};

const unit = (level: UnitLevel, over: Partial<UnitInput> = {}): UnitInput => ({ ...base[level], ...over });
const fields = (u: UnitInput) => validateUnit(u).map((p) => p.field);

describe('validateUnit', () => {
  it('accepts a well-formed unit of each level', () => {
    for (const level of ['so', 'huyen', 'xa'] as const) expect(validateUnit(unit(level)), level).toEqual([]);
  });

  it('accepts every kind listed for the level and refuses kinds of another level', () => {
    for (const kind of ['sở', 'ban', 'ngành']) expect(fields(unit('so', { kind }))).toEqual([]);
    for (const kind of ['quận', 'huyện', 'thị xã', 'thành phố'])
      expect(fields(unit('huyen', { kind }))).toEqual([]);
    for (const kind of ['phường', 'xã', 'thị trấn']) expect(fields(unit('xa', { kind }))).toEqual([]);
    expect(fields(unit('xa', { kind: 'sở' }))).toEqual(['kind']);
    expect(fields(unit('so', { kind: 'phường' }))).toEqual(['kind']);
    expect(fields(unit('huyen', { kind: 'xã' }))).toEqual(['kind']);
  });

  it('requires a sở to be in group 1, 2 or 3', () => {
    for (const groupNo of [1, 2, 3]) expect(fields(unit('so', { groupNo }))).toEqual([]);
    for (const groupNo of [null, 0, 4])
      expect(fields(unit('so', { groupNo })), String(groupNo)).toEqual(['groupNo']);
  });

  it('refuses a group on quận/huyện and xã/phường', () => {
    expect(fields(unit('huyen', { groupNo: 1 }))).toEqual(['groupNo']);
    expect(fields(unit('xa', { groupNo: 2 }))).toEqual(['groupNo']);
  });

  it('allows a parent only for xã/phường', () => {
    expect(fields(unit('xa', { parentCode: null }))).toEqual([]);
    expect(fields(unit('so', { parentCode: 'H-NK' }))).toEqual(['parentCode']);
    expect(fields(unit('huyen', { parentCode: 'H-OM' }))).toEqual(['parentCode']);
  });

  it('refuses a unit that is its own parent', () => {
    expect(fields(unit('xa', { parentCode: 'X-AB' }))).toEqual(['parentCode']);
  });

  it('reports an unknown level once, without complaints about kind or group', () => {
    expect(fields(unit('xa', { level: 'tinh' as UnitLevel, parentCode: null }))).toEqual(['level']);
  });

  it('checks the code pattern', () => {
    for (const code of ['A', 'CT26-001', 'so.nv_2', 'X'.repeat(32)])
      expect(fields(unit('xa', { code })), code).toEqual([]);
    for (const code of ['', '-AB', '.AB', 'A B', 'Ă1', 'X'.repeat(33), 'A/B']) {
      expect(fields(unit('xa', { code })), code).toEqual(['code']);
    }
  });

  it('checks the name length (2 to 200)', () => {
    expect(fields(unit('xa', { name: 'A' }))).toEqual(['name']);
    expect(fields(unit('xa', { name: 'AB' }))).toEqual([]);
    expect(fields(unit('xa', { name: 'a'.repeat(200) }))).toEqual([]);
    expect(fields(unit('xa', { name: 'a'.repeat(201) }))).toEqual(['name']);
  });

  it('checks the dates are real and in order (bounds inclusive)', () => {
    expect(fields(unit('xa', { validFrom: '2025-02-31' }))).toEqual(['validFrom']);
    expect(fields(unit('xa', { validTo: '2025-02-30' }))).toEqual(['validTo']);
    expect(fields(unit('xa', { validFrom: '2025-07-01', validTo: '2025-06-30' }))).toEqual(['validTo']);
    expect(fields(unit('xa', { validFrom: '2025-07-01', validTo: '2025-07-01' }))).toEqual([]);
  });

  it('limits the note to 1000 characters', () => {
    expect(fields(unit('xa', { note: 'a'.repeat(1000) }))).toEqual([]);
    expect(fields(unit('xa', { note: 'a'.repeat(1001) }))).toEqual(['note']);
  });

  it('returns every problem, not only the first, each with a message', () => {
    const problems = validateUnit(
      unit('so', { code: ' ', name: 'x', kind: 'xã', groupNo: null, parentCode: 'H', validFrom: 'x' }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'code',
      'groupNo',
      'kind',
      'name',
      'parentCode',
      'validFrom',
    ]);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(5);
  });
});

describe('normaliseUnit', () => {
  it('trims and upper-cases codes, composes and tidies text, lower-cases the kind', () => {
    const out = normaliseUnit({
      ...base.xa,
      code: '  ct26-001 ',
      name: '  Phường   An Bình '.normalize('NFD'),
      kind: ' Phường '.normalize('NFD'),
      parentCode: ' h-nk ',
      note: '   ',
    });
    expect(out.code).toBe('CT26-001');
    expect(out.name).toBe('Phường An Bình');
    expect(out.kind).toBe('phường');
    expect(out.parentCode).toBe('H-NK');
    expect(out.note).toBeNull();
    expect(validateUnit(out)).toEqual([]);
  });

  it('turns an empty parent code into null and keeps other fields', () => {
    const out = normaliseUnit({ ...base.so, parentCode: '' });
    expect(out.parentCode).toBeNull();
    expect(out.groupNo).toBe(2);
    expect(out.validFrom).toBe('2025-07-01');
  });
});
