import { describe, expect, it } from 'vitest';
import { type ExistingUnitRef, planUnitImport, type RawUnitRow } from './plan-import';

let nextRow = 2;
function row(over: Partial<RawUnitRow> = {}): RawUnitRow {
  return {
    rowNumber: nextRow++,
    code: 'X-1',
    name: 'Phường Một',
    level: 'xa',
    kind: 'phường',
    group: '',
    parentCode: '',
    validFrom: '01/07/2025',
    validTo: '',
    note: '',
    ...over,
  };
}

const existing: ExistingUnitRef[] = [
  { code: 'H-OLD', level: 'huyen' },
  { code: 'SO-OLD', level: 'so' },
  { code: 'X-OLD', level: 'xa' },
];

function errorsOf(rows: RawUnitRow[], known: ExistingUnitRef[] = existing) {
  const plan = planUnitImport(rows, known);
  if (plan.ok) throw new Error('expected the plan to be refused');
  return plan.errors;
}

function unitsOf(rows: RawUnitRow[], known: ExistingUnitRef[] = existing) {
  const plan = planUnitImport(rows, known);
  if (!plan.ok) throw new Error(`expected a plan, got ${JSON.stringify(plan.errors)}`);
  return plan.units;
}

describe('planUnitImport', () => {
  it('turns good rows into normalised units (codes upper-cased, dates ISO, group a number)', () => {
    const units = unitsOf([
      row({ code: 'so-nv', name: 'Sở  Nội vụ', level: 'so', kind: 'Sở', group: '2', validFrom: '1/7/2025' }),
      row({
        code: 'H-NEW',
        name: 'Quận Mới',
        level: 'huyen',
        kind: 'quận',
        validFrom: '01/01/2020',
        validTo: '30/06/2025',
      }),
      row({
        code: 'X-2',
        name: 'Phường Hai',
        parentCode: 'h-new',
        validFrom: '01/01/2020',
        validTo: '30/06/2025',
        note: ' ghi chú ',
      }),
    ]);
    expect(units).toEqual([
      {
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
      {
        code: 'H-NEW',
        name: 'Quận Mới',
        level: 'huyen',
        kind: 'quận',
        groupNo: null,
        parentCode: null,
        validFrom: '2020-01-01',
        validTo: '2025-06-30',
        note: null,
      },
      {
        code: 'X-2',
        name: 'Phường Hai',
        level: 'xa',
        kind: 'phường',
        groupNo: null,
        parentCode: 'H-NEW',
        validFrom: '2020-01-01',
        validTo: '2025-06-30',
        note: 'ghi chú',
      },
    ]);
  });

  it('reads the level in words as well as in codes', () => {
    const levels = unitsOf([
      row({ code: 'A1', level: 'Sở', kind: 'sở', group: '1' }),
      row({ code: 'A2', level: 'Sở, ban, ngành', kind: 'ban', group: '3' }),
      row({ code: 'A3', level: 'Huyện', kind: 'huyện' }),
      row({ code: 'A4', level: 'Quận, huyện', kind: 'quận' }),
      row({ code: 'A5', level: 'Xã', kind: 'xã' }),
      row({ code: 'A6', level: 'XA', kind: 'thị trấn' }),
    ]).map((u) => u.level);
    expect(levels).toEqual(['so', 'so', 'huyen', 'huyen', 'xa', 'xa']);
  });

  it('refuses an empty file', () => {
    expect(errorsOf([]).map((e) => e.rowNumber)).toEqual([0]);
  });

  it('refuses dates that do not exist, once per problem', () => {
    const errors = errorsOf([
      row({ code: 'OK' }),
      row({ rowNumber: 7, code: 'BAD', validFrom: '31/02/2025' }),
    ]);
    expect(errors).toEqual([
      { rowNumber: 7, code: 'BAD', messages: [expect.stringContaining('31/02/2025')] },
    ]);
    const to = errorsOf([row({ rowNumber: 4, validTo: '30/02/2026' })]);
    expect(to.map((e) => [e.rowNumber, e.messages.length])).toEqual([[4, 1]]);
    expect(
      errorsOf([row({ rowNumber: 5, validFrom: '01/07/2025', validTo: '30/06/2025' })])[0]!.rowNumber,
    ).toBe(5);
  });

  it('refuses a bad level once, without complaints about kind or group', () => {
    const [e] = errorsOf([row({ rowNumber: 3, level: 'tỉnh', kind: 'tỉnh', group: '2' })]);
    expect(e!.rowNumber).toBe(3);
    expect(e!.messages).toHaveLength(1);
    expect(e!.messages[0]).toContain('tỉnh');
  });

  it('checks the level, kind and group combination', () => {
    const errors = errorsOf([
      row({ rowNumber: 2, code: 'S1', level: 'so', kind: 'sở', group: '' }),
      row({ rowNumber: 3, code: 'S2', level: 'so', kind: 'sở', group: 'một' }),
      row({ rowNumber: 4, code: 'S3', level: 'so', kind: 'sở', group: '4' }),
      row({ rowNumber: 5, code: 'X1', level: 'xa', kind: 'phường', group: '1' }),
      row({ rowNumber: 6, code: 'X2', level: 'xa', kind: 'quận' }),
      row({ rowNumber: 7, code: 'H1', level: 'huyen', kind: 'huyện', parentCode: 'H-OLD' }),
      row({ rowNumber: 8, code: 'OK', level: 'so', kind: 'ngành', group: '3' }),
    ]);
    expect(errors.map((e) => e.rowNumber)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('reports a code repeated inside the file on the later row, naming the first', () => {
    const errors = errorsOf([
      row({ rowNumber: 2, code: 'DUP' }),
      row({ rowNumber: 3, code: 'OTHER' }),
      row({ rowNumber: 4, code: ' dup ' }),
    ]);
    expect(errors.map((e) => e.rowNumber)).toEqual([4]);
    expect(errors[0]!.messages.join(' ')).toContain('dòng 2');
  });

  it('refuses codes that are already registered, whatever their case', () => {
    const errors = errorsOf([row({ rowNumber: 2, code: 'x-old' }), row({ rowNumber: 3, code: 'NEW' })]);
    expect(errors.map((e) => [e.rowNumber, e.code])).toEqual([[2, 'x-old']]);
  });

  it('finds the parent among existing units or in the same file, in any order', () => {
    const units = unitsOf([
      row({ code: 'X-A', parentCode: 'H-OLD' }),
      row({ code: 'X-B', parentCode: 'H-LATER' }),
      row({ code: 'H-LATER', name: 'Huyện Sau', level: 'huyen', kind: 'huyện' }),
    ]);
    expect(units.map((u) => u.parentCode)).toEqual(['H-OLD', 'H-LATER', null]);
  });

  it('refuses a parent that is missing or is not a quận/huyện', () => {
    const errors = errorsOf([
      row({ rowNumber: 2, code: 'X-A', parentCode: 'NOWHERE' }),
      row({ rowNumber: 3, code: 'X-B', parentCode: 'SO-OLD' }),
      row({ rowNumber: 4, code: 'X-C', parentCode: 'X-OLD' }),
      row({ rowNumber: 5, code: 'X-D', parentCode: 'X-E' }),
      row({ rowNumber: 6, code: 'X-E' }),
      row({ rowNumber: 7, code: 'X-F', parentCode: 'X-F' }),
    ]);
    expect(errors.map((e) => e.rowNumber)).toEqual([2, 3, 4, 5, 7]);
    expect(errors[0]!.messages.join(' ')).toContain('NOWHERE');
  });

  it('lists every bad row and every problem of a row, and plans nothing', () => {
    const rows = [
      row({ rowNumber: 2, code: 'G1' }),
      row({ rowNumber: 3, code: 'B1', validFrom: '31/02/2025' }),
      row({ rowNumber: 4, code: 'G2' }),
      row({ rowNumber: 5, code: '', name: '' }),
      row({ rowNumber: 6, code: 'G3' }),
      row({ rowNumber: 7, code: 'B3', level: 'so', kind: 'phường', group: '', validFrom: 'hôm qua' }),
    ];
    const plan = planUnitImport(rows, existing);
    expect(plan.ok).toBe(false);
    expect('units' in plan).toBe(false);
    const errors = errorsOf(rows);
    expect(errors.map((e) => e.rowNumber)).toEqual([3, 5, 7]);
    expect(errors[1]!.messages.length).toBeGreaterThanOrEqual(2); // code and name
    expect(errors[2]!.messages.length).toBeGreaterThanOrEqual(3); // kind, group and date
  });
});
