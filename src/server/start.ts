import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { type AdminLogin, ensureAdmin } from './bootstrap-admin';
import { type Database, openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { loadDemoData } from './demo/load-demo';
import type { Env } from './env';
import { closePdfPool, configurePdfWorkers } from './office/pdf-pool-run';

/** Pending connections the kernel queues for the server (capped by `net.core.somaxconn`). */
const LISTEN_BACKLOG = 4096;

export interface Started {
  app: FastifyInstance;
  database: Database;
  admin: AdminLogin;
  demoLoaded: boolean;
  url: string;
  stop(): Promise<void>;
}

/** Opens and migrates the database, makes sure an admin exists, loads demo data once, and listens. */
export async function startServer(env: Env): Promise<Started> {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  try {
    let admin: AdminLogin = { username: 'admin', password: null, created: false };
    let demoLoaded = false;
    // Instances starting together on an empty database: one creates the admin and the demo data.
    await migrateDatabase(database, env.DATABASE_URL, async () => {
      admin = await ensureAdmin(database.db, env.THUOCDO_ADMIN_PASSWORD);
      demoLoaded = env.THUOCDO_DEMO === '1' ? await loadDemoData(database.db) : false;
    });
    await configurePdfWorkers(env.THUOCDO_PDF_WORKERS);
    const app = await buildApp({ env, db: database.db, dbKind: database.kind, runJobs: true });
    // At a synchronised exam start thousands of browsers whose idle connections have closed connect
    // at once; Node's default queue of 511 pending connections overflows and the kernel drops them.
    await app.listen({ port: env.PORT, host: env.HOST, backlog: LISTEN_BACKLOG });
    const address = app.server.address();
    const url = `http://localhost:${typeof address === 'object' && address ? address.port : env.PORT}`;
    let stopped = false;
    return {
      app,
      database,
      admin,
      demoLoaded,
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        await closePdfPool();
        await database.close();
      },
    };
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
}
