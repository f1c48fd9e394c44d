import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testEnv } from '../env';
import { openTestDatabase, type TestDatabase } from '../testing/test-db';

describe('serving the web app', () => {
  let dir: string;
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thuocdo-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Thước Đo</title>');
    writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1)');
    mkdirSync(join(dir, 'exam'));
    writeFileSync(join(dir, 'exam', 'index.html'), '<!doctype html><title>Bài thi</title>');
    database = await openTestDatabase('pglite');
    app = await buildApp({ env: testEnv(), db: database.db, dbKind: 'pglite', webDist: dir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at the root and for deep links the web router handles', async () => {
    for (const url of ['/', '/units/123', '/admin/audit?page=2']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>Thước Đo</title>');
    }
  });

  it('serves the candidate exam page, its own entry, under /exam', async () => {
    for (const url of ['/exam', '/exam/', '/exam/anything?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>Bài thi</title>');
    }
    expect((await app.inject({ method: 'GET', url: '/examples' })).body).toContain('<title>Thước Đo</title>');
  });

  it('serves assets, including ones built after the server started', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/main.js' })).body).toBe('console.log(1)');
    writeFileSync(join(dir, 'assets', 'later.js'), 'console.log(2)');
    expect((await app.inject({ method: 'GET', url: '/assets/later.js' })).body).toBe('console.log(2)');
  });

  it('answers a missing asset and an unknown API path with a JSON 404, not the page', async () => {
    for (const url of ['/assets/missing.js', '/api/nothing-here']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toBe('not_found');
    }
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
