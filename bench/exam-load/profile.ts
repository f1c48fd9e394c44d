import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of the server: self time by function and by area
 * (a package under node_modules, a source folder, or Node's internals), the heaviest first.
 * Usage: node --import tsx bench/exam-load/profile.ts <file.cpuprofile | directory> [top]
 */

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function areaOf(url: string): string {
  if (!url) return '(native / GC / idle)';
  if (url.startsWith('wasm://')) return 'wasm (PGlite)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return `npm:${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (path.startsWith('node:')) return 'node internals';
  const src = path.indexOf('/src/');
  if (src >= 0)
    return path
      .slice(src + 1)
      .split('/')
      .slice(0, 3)
      .join('/');
  return relative(process.cwd(), path);
}

export function summariseProfile(file: string, top = 25): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    const name = functionName || '(anonymous)';
    const key = url ? `${name} ${areaOf(url)}:${lineNumber + 1}` : name;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const area = name === '(idle)' ? '(idle)' : areaOf(url);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const busy = total - (areas.get('(idle)') ?? 0);
  // Inclusive time of the project's own functions (src/…): what each request path costs in total.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) {
      const { functionName, url } = byId.get(id)!.callFrame;
      if (!url.includes('/src/') || url.includes('node_modules')) continue;
      const key = `${functionName || '(anonymous)'} ${areaOf(url)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
    }
  }
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`;
  const lines = [
    `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`,
    '',
    'Self time by area (share of busy time):',
    ...[...areas]
      .filter(([a]) => a !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([a, us]) => `  ${pct(us).padStart(6)}  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${a}`),
    '',
    'Self time by function:',
    ...[...fns]
      .filter(([f]) => !f.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([f, us]) => `  ${pct(us).padStart(6)}  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${f}`),
    '',
    'Inclusive time of project functions (share of busy time):',
    ...[...inclusive]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([f, us]) => `  ${pct(us).padStart(6)}  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${f}`),
  ];
  return lines.join('\n');
}

const arg = process.argv[2];
if (arg) {
  const files = statSync(arg).isDirectory()
    ? readdirSync(arg)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(arg, f))
    : [arg];
  for (const f of files) console.log(`${summariseProfile(f, Number(process.argv[3] ?? 25))}\n`);
}
