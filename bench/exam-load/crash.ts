import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';

/**
 * Stops this machine's PostgreSQL cluster in immediate mode (no checkpoint, as a crash or a power cut
 * leaves it: the next start replays the WAL) and starts it again; resolves once it accepts a query.
 */
export async function restartPostgres(pgUrl: string): Promise<{ downMs: number }> {
  const version = readdirSync('/etc/postgresql')[0];
  if (!version) throw new Error('Không thấy cụm PostgreSQL trong /etc/postgresql');
  const down = performance.now();
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop', '-m', 'immediate']);
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  for (;;) {
    const c = new pg.Client({ connectionString: pgUrl });
    try {
      await c.connect();
      await c.query('select 1');
      await c.end();
      break;
    } catch {
      await c.end().catch(() => null);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { downMs: Math.round(performance.now() - down) };
}
