import type { TFramework, TFrameworkMetaPatch } from '../../../contracts/frameworks';

type Policy = TFramework['policy'];

/** The set form's values: the patchable metadata, with the lists always present. */
export interface MetaValues {
  name: string;
  source?: string;
  nominalMax: number;
  illustrative: boolean;
  groups: { no: number; name: string }[];
  policy: Policy;
}

export function metaValues(doc: TFramework): MetaValues {
  return {
    name: doc.name,
    source: doc.source,
    nominalMax: doc.nominalMax,
    illustrative: doc.illustrative,
    groups: (doc.groups ?? []).map((g) => ({ ...g })),
    policy: structuredClone(doc.policy),
  };
}

/**
 * The PATCH body. Bands are saved from the highest threshold down, the order officials read them in;
 * an empty legal basis or group list removes the field.
 */
export function metaPatch(v: MetaValues): TFrameworkMetaPatch {
  const bands = (v.policy.bands ?? [])
    .map((b) => ({ code: b.code.trim(), label: b.label.trim(), minValue: b.minValue }))
    .sort((a, b) => b.minValue - a.minValue);
  return {
    name: v.name.trim(),
    source: (v.source ?? '').trim(),
    nominalMax: v.nominalMax,
    illustrative: v.illustrative ?? false,
    groups: (v.groups ?? []).map((g) => ({ no: g.no, name: g.name.trim() })).sort((a, b) => a.no - b.no),
    policy: { ...v.policy, bands },
  };
}

/** Indexes of the entries whose key appears more than once (blank keys are left to "required"). */
export function duplicateIndexes<T>(items: (T | undefined)[], key: (item: T) => string | number | null) {
  const seen = new Map<string | number, number[]>();
  items.forEach((item, i) => {
    const k = item === undefined ? null : key(item);
    if (k === null || k === '') return;
    seen.set(k, [...(seen.get(k) ?? []), i]);
  });
  return new Set([...seen.values()].filter((list) => list.length > 1).flat());
}
