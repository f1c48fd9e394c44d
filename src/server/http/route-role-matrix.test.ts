import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUnitScoped, ROLES, type Role } from '../../core/shared/roles';
import { type Agent, createTestApp, type TestApp } from '../testing/test-app';
import { dbKinds } from '../testing/test-db';
import type { PermissionRow } from './access';

/** The message of the access layer's own refusal; handlers that refuse a caller themselves word it otherwise. */
const ACCESS_REFUSAL = 'Tài khoản của bạn không có quyền thực hiện thao tác này';

type Caller = 'anonymous' | Role;
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];

/**
 * Calls that may end or alter the caller's session (logout, password change) run after every other
 * route, logout last of all; exam routes run first, while each staff session is known to be fresh.
 */
function order(row: PermissionRow): number {
  if (row.roles === 'candidate_login') return 0;
  if (!row.url.startsWith('/api/auth/')) return 1;
  return row.url === '/api/auth/logout' ? 3 : 2;
}

function scopeParam(row: PermissionRow): string | null {
  return row.unitScope.startsWith('param:') ? row.unitScope.slice('param:'.length) : null;
}

/** The route's URL with every path parameter filled: the unit parameter with `unitId`, the rest random. */
function urlOf(row: PermissionRow, unitId: string): string {
  const param = scopeParam(row);
  return row.url.replace(/:(\w+)(\([^)]*\))?/g, (_m, name: string) =>
    name === param ? unitId : randomUUID(),
  );
}

function allows(row: PermissionRow, role: Role): boolean {
  if (row.roles === 'public' || row.roles === 'authenticated') return true;
  if (row.roles === 'candidate_login') return false;
  return row.roles.split(',').includes(role);
}

function codeOf(res: LightMyRequestResponse): string | undefined {
  try {
    return res.json().code;
  } catch {
    return undefined;
  }
}

function messageOf(res: LightMyRequestResponse): string | undefined {
  try {
    return res.json().message;
  } catch {
    return undefined;
  }
}

/** Why the answer does not match the permission table, or null when it does. */
function mismatch(row: PermissionRow, caller: Caller, res: LightMyRequestResponse): string | null {
  const status = res.statusCode;
  const code = codeOf(res);
  const got = `${status} ${code ?? ''}`.trim();
  if (caller === 'anonymous') {
    if (row.roles === 'public')
      return status === 401 || status === 403 ? `public route refused: ${got}` : null;
    return status === 401 && code === 'unauthenticated' ? null : `expected 401 unauthenticated, got ${got}`;
  }
  if (row.roles === 'candidate_login') {
    return status === 401 ? null : `staff session accepted by the exam API: ${got}`;
  }
  if (!allows(row, caller)) {
    return status === 403 && code === 'forbidden' ? null : `expected 403 forbidden, got ${got}`;
  }
  if (status === 401) return `allowed role refused: ${got}`;
  if (
    status === 403 &&
    (messageOf(res) === ACCESS_REFUSAL || code === 'csrf_failed' || code === 'forbidden_unit')
  )
    return `allowed role refused by the access layer: ${got}`;
  return null;
}

describe.each(dbKinds())('route × role matrix (%s)', (kind) => {
  let t: TestApp;
  let unitA: string;
  let unitB: string;
  const agents = new Map<Caller, Agent>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    unitA = await t.addUnit('MA', 'Phường Ma Trận A');
    unitB = await t.addUnit('MB', 'Phường Ma Trận B');
    for (const role of ROLES) await t.addUser(`m-${role}`, role, isUnitScoped(role) ? unitA : null);
    await t.app.ready();
    agents.set('anonymous', t.anonymous());
    for (const role of ROLES) agents.set(role, await t.login(`m-${role}`));
  });
  afterAll(() => t.close());

  it('lists the practice part of the exam page, for the candidate’s own login only', () => {
    const practice = t.app.permissionTable.filter((r) => r.url.startsWith('/api/exam/practice'));
    expect(practice.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/exam/practice',
      'GET /api/exam/practice/files/:fileId',
      'POST /api/exam/practice/actions',
      'POST /api/exam/practice/send-to-clerk',
      'POST /api/exam/practice/sign',
      'POST /api/exam/practice/uploads',
    ]);
    for (const row of practice) expect(row.roles).toBe('candidate_login');
  });

  it('lists the practice scenario editor, for organisers and admins only', () => {
    const editor = t.app.permissionTable.filter((r) => r.url.startsWith('/api/scenarios'));
    expect(editor.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'DELETE /api/scenarios/:code',
      'GET /api/scenarios',
      'GET /api/scenarios/:code',
      'POST /api/scenarios',
      'POST /api/scenarios/:code/dry-run',
      'POST /api/scenarios/:code/preview',
      'POST /api/scenarios/validate',
      'PUT /api/scenarios/:code',
    ]);
    for (const row of editor) expect(row).toMatchObject({ roles: 'admin,organiser', unitScope: 'none' });
  });

  it('lists the results: dashboard for leaders, profile also for a unit’s own reporter, what-if for organisers, public page without login', () => {
    const results = t.app.permissionTable.filter(
      (r) => r.url.startsWith('/api/results') || r.url.startsWith('/api/public/results'),
    );
    expect(results.map((r) => `${r.method} ${r.url} ${r.roles} ${r.unitScope}`).sort()).toEqual([
      'GET /api/public/results/:year public none',
      'GET /api/public/results/:year/units/:unitCode public none',
      'GET /api/results/cycles/:cycleId/dashboard admin,organiser,council,viewer none',
      'GET /api/results/cycles/:cycleId/units/:unitId admin,organiser,council,viewer,reporter param:unitId',
      'POST /api/results/cycles/:cycleId/what-if admin,organiser none',
    ]);
  });

  it('every route answers every role as its declared access says', { timeout: 120_000 }, async () => {
    const rows = [...t.app.permissionTable].sort(
      (a, b) => order(a) - order(b) || a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
    );
    expect(rows.length).toBeGreaterThan(50);

    const problems: string[] = [];
    const notes: string[] = [];
    const matrix: string[] = [];

    const send = async (caller: Caller, row: PermissionRow, url: string) => {
      const body = row.method === 'GET' ? undefined : {};
      let res = await agents.get(caller)!.request(row.method, url, body);
      // An earlier call may have ended this session; a fresh login tells a dead session from a refusal.
      if (caller !== 'anonymous' && row.roles !== 'candidate_login' && res.statusCode === 401) {
        agents.set(caller, await t.login(`m-${caller}`));
        const retry = await agents.get(caller)!.request(row.method, url, body);
        if (retry.statusCode !== 401)
          notes.push(`${caller}: session had ended before ${row.method} ${row.url}`);
        res = retry;
      }
      return res;
    };

    for (const row of rows) {
      const route = `${row.method} ${row.url}`;
      const param = scopeParam(row);
      const cells: string[] = [];
      for (const caller of CALLERS) {
        const res = await send(caller, row, urlOf(row, unitA));
        const problem = mismatch(row, caller, res);
        if (problem) problems.push(`${route} as ${caller}: ${problem}`);
        let cell = String(res.statusCode);
        if (param && caller !== 'anonymous' && isUnitScoped(caller)) {
          // Another unit's id: refused for unit-bound roles, whether or not the role may use the route.
          const other = await send(caller, row, urlOf(row, unitB));
          const expected = allows(row, caller) ? 'forbidden_unit' : 'forbidden';
          if (other.statusCode !== 403 || codeOf(other) !== expected)
            problems.push(
              `${route} as ${caller} on another unit: expected 403 ${expected}, got ${other.statusCode} ${codeOf(other) ?? ''}`,
            );
          cell += `/${other.statusCode}`;
        }
        cells.push(cell.padEnd(8));
      }
      matrix.push(`${row.method.padEnd(6)} ${row.url.padEnd(64)} ${cells.join('')}`);
    }

    const header = `${''.padEnd(71)} ${CALLERS.map((c) => c.slice(0, 7).padEnd(8)).join('')}`;
    console.log(
      `\nRoute × role matrix (${kind}; unit-scoped routes: own unit/other unit)\n${header}\n${matrix.join('\n')}` +
        (notes.length ? `\n${notes.join('\n')}` : ''),
    );
    expect(problems).toEqual([]);
  });
});
