import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...found, ...dynamic];
}

/** Which top-level layer (core, contracts, server, web, cli) an import lands in, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return `pkg:${spec}`;
  const abs = resolve(file, '..', spec);
  return relative(SRC, abs).split('/')[0] ?? '';
}

function violations(layer: string, allowed: (t: string) => boolean): string[] {
  return sourceFiles(join(SRC, layer)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => !allowed(target(file, spec)))
      .map((spec) => `${relative(SRC, file)} imports ${spec}`),
  );
}

describe('layers', () => {
  it('src/core is pure: no node built-ins, no packages, no outer layer', () => {
    expect(violations('core', (t) => t === 'core')).toEqual([]);
  });

  it('src/contracts depends only on zod and the core', () => {
    expect(violations('contracts', (t) => ['contracts', 'core', 'pkg:zod'].includes(t))).toEqual([]);
  });

  it('src/web depends on contracts, not on the core, server or cli', () => {
    expect(violations('web', (t) => t === 'web' || t === 'contracts' || t.startsWith('pkg:'))).toEqual([]);
  });

  it('the server and the cli never import the web app', () => {
    expect(violations('server', (t) => t !== 'web')).toEqual([]);
    expect(violations('cli', (t) => t !== 'web')).toEqual([]);
  });

  it('the checks see real imports (a file that imports IO is caught)', () => {
    const file = join(SRC, 'core', 'example.ts');
    expect(target(file, 'node:fs')).toBe('pkg:node:fs');
    expect(target(file, '../server/db/client')).toBe('server');
    expect(target(file, './shared/roles')).toBe('core');
    expect(importsOf(join(SRC, 'server', 'app.ts'))).toContain('./db/client');
  });

  it('only src/server/env.ts reads process.env', () => {
    const readers = ['core', 'contracts', 'server', 'cli', 'web']
      .flatMap((layer) => sourceFiles(join(SRC, layer)))
      .filter((f) => !f.includes(`${join('server', 'testing')}`))
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(readers).toEqual(['server/env.ts']);
  });
});
