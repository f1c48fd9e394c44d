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
      'GET /api/results/cycles/:cycleId/exports/detail.xlsx admin,organiser,council,viewer none',
      'GET /api/results/cycles/:cycleId/exports/league.xlsx admin,organiser,council,viewer none',
      'GET /api/results/cycles/:cycleId/report.pdf admin,organiser,council,viewer none',
      'GET /api/results/cycles/:cycleId/units/:unitId admin,organiser,council,viewer,reporter param:unitId',
      'GET /api/results/cycles/:cycleId/units/:unitId/scorecard.pdf admin,organiser,council,viewer,reporter param:unitId',
      'POST /api/results/cycles/:cycleId/what-if admin,organiser none',
    ]);
  });

  it('serves the public results pages (outside /api) to everyone alike, signed in or not', async () => {
    const pages = ['/cong-khai/dti', '/cong-khai/dti/2025', '/cong-khai/dti/2025/MA'];
    expect(t.app.permissionTable.some((r) => r.url.startsWith('/cong-khai'))).toBe(false);
    for (const url of pages) {
      const answers = new Set<string>();
      for (const caller of CALLERS) {
        const res = await agents.get(caller)!.request('GET', url);
        answers.add(`${res.statusCode} ${res.headers['content-type']}`);
      }
      // Nothing is published in this database: the list answers 200, a year or unit the Vietnamese 404 page.
      expect([...answers], url).toEqual([`${url === pages[0] ? 200 : 404} text/html; charset=utf-8`]);
    }
  });

  it('lists the contest results: organisers publish, viewers read, a reporter reads only their unit, a candidate only their own', () => {
    const rows = t.app.permissionTable.filter(
      (r) =>
        r.url === '/api/exam/result' ||
        /^\/api\/contest-results\/(contests|:contestId(\/(units(\/:unitId)?|export|slips|dashboard|publish|withdraw|candidates\/:candidateId\/slip))?)$/.test(
          r.url,
        ),
    );
    expect(rows.map((r) => `${r.method} ${r.url} ${r.roles} ${r.unitScope}`).sort()).toEqual([
      'GET /api/contest-results/:contestId admin,organiser,viewer none',
      'GET /api/contest-results/:contestId/candidates/:candidateId/slip admin,organiser,viewer none',
      'GET /api/contest-results/:contestId/dashboard admin,organiser,viewer none',
      'GET /api/contest-results/:contestId/export admin,organiser,viewer none',
      'GET /api/contest-results/:contestId/slips admin,organiser,viewer none',
      'GET /api/contest-results/:contestId/units admin,organiser,viewer none',
      'GET /api/contest-results/:contestId/units/:unitId admin,organiser,viewer,reporter param:unitId',
      'GET /api/contest-results/contests admin,organiser,viewer none',
      'GET /api/exam/result candidate_login none',
      'POST /api/contest-results/:contestId/publish admin,organiser none',
      'POST /api/contest-results/:contestId/withdraw admin,organiser none',
    ]);
  });

  it('lists the appeals: a unit files and follows its own, organisers decide and see the record, a candidate only their own', () => {
    const rows = t.app.permissionTable.filter(
      (r) =>
        r.url.includes('appeal') &&
        (r.url.startsWith('/api/contest-results') || r.url.startsWith('/api/exam')),
    );
    expect(rows.map((r) => `${r.method} ${r.url} ${r.roles} ${r.unitScope}`).sort()).toEqual([
      'GET /api/contest-results/:contestId/appeal-candidates admin,organiser,reporter own',
      'GET /api/contest-results/:contestId/appeals admin,organiser,reporter own',
      'GET /api/contest-results/appeal-contests admin,organiser,reporter none',
      'GET /api/contest-results/appeals/:appealId admin,organiser none',
      'GET /api/contest-results/appeals/:appealId/files/:fileId admin,organiser none',
      'GET /api/exam/appeals candidate_login none',
      'POST /api/contest-results/:contestId/appeals admin,organiser,reporter own',
      'POST /api/contest-results/appeals/:appealId/decision admin,organiser none',
      'POST /api/exam/appeals candidate_login none',
    ]);
  });

  it('lists item analysis and regrading: viewers read the statistics, organisers regrade', () => {
    const rows = t.app.permissionTable.filter((r) =>
      /^\/api\/contest-results\/:contestId\/(items|questions|regrade)/.test(r.url),
    );
    expect(rows.map((r) => `${r.method} ${r.url} ${r.roles} ${r.unitScope}`).sort()).toEqual([
      'GET /api/contest-results/:contestId/items admin,organiser,viewer none',
      'GET /api/contest-results/:contestId/questions admin,organiser none',
      'GET /api/contest-results/:contestId/regrades admin,organiser none',
      'POST /api/contest-results/:contestId/items/compute admin,organiser none',
      'POST /api/contest-results/:contestId/regrade admin,organiser none',
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
