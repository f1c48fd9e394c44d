/** Administrative level of an assessed unit: sở/ban/ngành, quận/huyện, xã/phường/thị trấn. */
export const UNIT_LEVELS = ['so', 'huyen', 'xa'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** The kinds a unit of each level may be (the word that starts its name). */
export const LEVEL_KINDS: Record<UnitLevel, readonly string[]> = {
  so: ['sở', 'ban', 'ngành'],
  huyen: ['quận', 'huyện', 'thị xã', 'thành phố'],
  xa: ['phường', 'xã', 'thị trấn'],
};

/** Sở groups of Quyết định 2088/QĐ-UBND: 1 = CQS+KTS+XHS, 2 = CQS only, 3 = CQS without online public services. */
export const SO_GROUPS = [1, 2, 3] as const;

export const LINK_KINDS = ['merge', 'split', 'rename'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface UnitInput {
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  groupNo: number | null;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

/** Whether a unit is in force on a given day (validity bounds are inclusive). */
export function isValidOn(unit: { validFrom: string; validTo: string | null }, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || day <= unit.validTo);
}
