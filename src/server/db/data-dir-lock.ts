import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on an embedded-database directory: PGlite does not lock it itself,
 * and two processes writing the same files corrupt it. A lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'thuocdo.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: { pid?: number; host?: string; since?: string } = {};
      try {
        owner = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // An unreadable lock file is treated as held: better refuse than corrupt.
      }
      const sameHost = owner.host === hostname();
      if (attempt === 0 && sameHost && typeof owner.pid === 'number' && !isAlive(owner.pid)) {
        rmSync(file, { force: true });
        continue;
      }
      throw new DataDirLockedError(
        `Thư mục dữ liệu ${dir} đang được một tiến trình Thước Đo khác sử dụng ` +
          `(pid ${owner.pid ?? '?'} trên ${owner.host ?? '?'}, từ ${owner.since ?? '?'}). ` +
          'Hãy dừng tiến trình đó hoặc dùng DATA_DIR khác. / ' +
          `The data directory ${dir} is in use by another Thước Đo process; stop it or set another DATA_DIR.`,
      );
    }
  }
  throw new DataDirLockedError(`Không lấy được khóa thư mục dữ liệu ${dir}`);
}
