import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'thuocdo-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second holder until the first releases it', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(join(dir, 'thuocdo.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'thuocdo.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 'x' }),
    );
    const release = lockDataDir(dir);
    release();
  });

  it('keeps refusing while the recorded process is alive', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'thuocdo.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), since: 'x' }),
    );
    expect(() => lockDataDir(dir)).toThrow(/đang được một tiến trình Thước Đo khác sử dụng/);
  });
});

const BIN = resolve(import.meta.dirname, '../../../bin/thuocdo.mjs');

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b) => (output += b));
  child.stderr.on('data', (b) => (output += b));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => output };
}

describe('a second server on the same data directory', () => {
  it('exits with a clear message instead of opening the database', async () => {
    const dir = tempDir();
    const env = {
      DATA_DIR: dir,
      THUOCDO_DEMO: '0',
      THUOCDO_ADMIN_PASSWORD: 'Mat-khau-thu-123',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
    };
    const first = run({ ...env, PORT: '0' });
    try {
      const deadline = Date.now() + 60_000;
      while (
        !first.output().includes('Thước Đo đang chạy') &&
        first.child.exitCode === null &&
        Date.now() < deadline
      ) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(first.output()).toContain('Thước Đo đang chạy');
      const second = run({ ...env, PORT: '0' });
      const code = await second.exited;
      expect(code).toBe(1);
      expect(second.output()).toContain('đang được một tiến trình Thước Đo khác sử dụng');
      expect(first.child.exitCode).toBeNull();
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    expect(existsSync(join(dir, 'thuocdo.lock'))).toBe(false);
  }, 90_000);
});
