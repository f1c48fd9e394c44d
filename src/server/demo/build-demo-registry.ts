import type { LinkKind, UnitLevel } from '../../core/units/unit';

export interface DemoUnit {
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  groupNo: number | null;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface DemoLink {
  from: string;
  to: string;
  kind: LinkKind;
  effectiveDate: string;
}

export interface DepartmentsFile {
  [year: string]: {
    validFrom: string;
    validTo: string | null;
    units: { code: string; name: string; kind: string; group: number; from?: string[] }[];
  };
}

const OLD_FROM = '2020-01-01';
const OLD_TO = '2025-06-30';
const REFORM = '2025-07-01';

const DISTRICT_CODES: Record<string, string> = {
  'Quận Ninh Kiều': 'H22-NK',
  'Quận Bình Thủy': 'H22-BT',
  'Quận Cái Răng': 'H22-CR',
  'Quận Ô Môn': 'H22-OM',
  'Quận Thốt Nốt': 'H22-TN',
  'Huyện Phong Điền': 'H22-PD',
  'Huyện Thới Lai': 'H22-TL',
  'Huyện Cờ Đỏ': 'H22-CD',
  'Huyện Vĩnh Thạnh': 'H22-VT',
};

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.normalize('NFC').trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines
    .filter((l) => l.trim())
    .map((l) => {
      const cells = l.split(',');
      return Object.fromEntries(cols.map((c, i) => [c, (cells[i] ?? '').trim()]));
    });
}

/** "Phường Bùi Hữu Nghĩa (một phần)" → the name and whether only part of it went to this successor. */
function predecessorName(entry: string): { name: string; partial: boolean } {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(entry.trim());
  if (!m) return { name: entry.trim(), partial: false };
  return { name: m[1]!, partial: /phần/.test(m[2]!) };
}

/**
 * Builds the demo registry from the published unit lists: the 2022 structure (sở, quận/huyện and their
 * communes, ended 30/6/2025) and the merged city from 1/7/2025, with successor links between them.
 */
export function buildDemoRegistry(
  communes2022Csv: string,
  communes2025Csv: string,
  departments: DepartmentsFile,
) {
  const units: DemoUnit[] = [];
  const links = new Map<string, DemoLink>();
  const addLink = (l: DemoLink) => {
    const key = `${l.from}>${l.to}`;
    if (!links.has(key) || l.kind === 'split') links.set(key, l);
  };

  for (const [year, set] of Object.entries(departments)) {
    if (!/^\d{4}$/.test(year)) continue;
    for (const d of set.units) {
      units.push({
        code: d.code,
        name: d.name,
        level: 'so',
        kind: d.kind,
        groupNo: d.group,
        parentCode: null,
        validFrom: set.validFrom,
        validTo: set.validTo,
      });
      for (const from of d.from ?? [])
        addLink({ from, to: d.code, kind: 'merge', effectiveDate: set.validFrom });
    }
  }

  for (const [name, code] of Object.entries(DISTRICT_CODES)) {
    const kind = name.startsWith('Quận') ? 'quận' : 'huyện';
    units.push({
      code,
      name,
      level: 'huyen',
      kind,
      groupNo: null,
      parentCode: null,
      validFrom: OLD_FROM,
      validTo: OLD_TO,
    });
  }

  const new2025 = parseCsv(communes2025Csv);
  const codeByNewName = new Map(new2025.map((r) => [r.name!, r.code!]));
  const old = parseCsv(communes2022Csv);
  const codeByOldName = new Map<string, string>();
  // Where each old commune went, by its own successor_2025 column: the authority when a commune of
  // another province (Hậu Giang, Sóc Trăng) has the same name as one of the old Cần Thơ list.
  const successorNames = new Map<string, Set<string>>();
  old.forEach((r, i) => {
    const code = `X22-${String(i + 1).padStart(3, '0')}`;
    codeByOldName.set(r.name!, code);
    const parentCode = DISTRICT_CODES[r.district!];
    if (!parentCode) throw new Error(`Unknown district ${r.district} for ${r.name}`);
    units.push({
      code,
      name: r.name!,
      level: 'xa',
      kind: r.kind!,
      groupNo: null,
      parentCode,
      validFrom: OLD_FROM,
      validTo: OLD_TO,
    });
    const names = new Set(r.successor_2025!.split(';').map((s) => predecessorName(s).name));
    successorNames.set(code, names);
    for (const name of names) {
      const successor = codeByNewName.get(name);
      if (successor) addLink({ from: code, to: successor, kind: 'merge', effectiveDate: REFORM });
    }
  });

  for (const r of new2025) {
    units.push({
      code: r.code!,
      name: r.name!,
      level: 'xa',
      kind: r.kind!,
      groupNo: null,
      parentCode: null,
      validFrom: REFORM,
      validTo: null,
    });
    const sources = r.formed_from!.split(';').map(predecessorName);
    for (const s of sources) {
      const from = codeByOldName.get(s.name);
      // A predecessor from Hậu Giang or Sóc Trăng, which the 2022 list does not hold (maybe under the same name).
      if (!from || !successorNames.get(from)?.has(r.name!)) continue;
      const kind: LinkKind = s.partial ? 'split' : r.change === 'giữ nguyên' ? 'rename' : 'merge';
      addLink({ from, to: r.code!, kind, effectiveDate: REFORM });
    }
  }
  return { units, links: [...links.values()] };
}
