import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db, DbKind } from './db/client';
import type { Env } from './env';
import { installAccessControl, type PermissionRow } from './http/access';
import { auditRoutes } from './http/audit/routes';
import { authRoutes } from './http/auth/routes';
import { appealRoutes } from './http/contest-results/appeal-routes';
import { itemAnalysisRoutes } from './http/contest-results/item-routes';
import { regradeRoutes } from './http/contest-results/regrade-routes';
import { contestResultRoutes } from './http/contest-results/routes';
import { contestRoutes } from './http/contests/routes';
import { allCycleRoutes } from './http/cycles/routes';
import { installErrorHandler } from './http/errors';
import { examRoutes } from './http/exam/routes';
import { frameworkRoutes } from './http/frameworks/routes';
import { metaRoutes } from './http/meta/routes';
import { notificationRoutes } from './http/notifications/routes';
import { practiceRoutes } from './http/practice/routes';
import { proctorRoutes } from './http/proctor/routes';
import { publicPageRoutes } from './http/public/routes';
import { questionRoutes } from './http/questions/routes';
import { databaseRateLimitStore } from './http/rate-limit-store';
import { resultReportRoutes } from './http/results/report-routes';
import { resultRoutes } from './http/results/routes';
import { scenarioRoutes } from './http/scenarios/routes';
import { unitRoutes } from './http/units/routes';
import { userRoutes } from './http/users/routes';
import { installExamJobs } from './jobs/exam-jobs';
import { installNotificationJobs } from './jobs/notification-jobs';
import { loadSecretBox, type SecretBox } from './office/secret-box';
import { installResultsWarmup } from './results/warm-results';
import { APP_VERSION } from './version';
import { WEB_DIST } from './web-dist';

z.config(z.locales.vi());

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbKind: DbKind;
    env: Env;
    permissionTable: PermissionRow[];
    /** The server's clock: the only clock of the exam (tests inject their own). */
    clock: () => Date;
    /** Seals and opens the practice part's private keys and PINs (THUOCDO_SECRET, else the stored one). */
    secretBox: SecretBox;
  }
}

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Builds the HTTP application on an open database (no listening, no migration). */
export async function buildApp(opts: {
  env: Env;
  db: Db;
  dbKind: DbKind;
  /** The built web app to serve; tests point it at a folder of their own. */
  webDist?: string;
  clock?: () => Date;
  /** Run background jobs (deadline finalisation) while the app is up; the server does, tests don't. */
  runJobs?: boolean;
}): Promise<FastifyInstance> {
  const { env } = opts;
  const webDist = opts.webDist ?? WEB_DIST;
  const app = Fastify({
    logger: env.LOG_LEVEL === 'silent' ? false : { level: env.LOG_LEVEL },
    trustProxy: env.TRUST_PROXY === '1',
    bodyLimit: 1024 * 1024,
  });
  app.decorate('db', opts.db);
  app.decorate('dbKind', opts.dbKind);
  app.decorate('env', env);
  app.decorate('permissionTable', [] as PermissionRow[]);
  app.decorate('clock', opts.clock ?? (() => new Date()));
  app.decorate('secretBox', await loadSecretBox(opts.db, env.THUOCDO_SECRET));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, webDist);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  // Counted in the database: every instance behind a proxy sees the same attempts.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(opts.db) });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Thước Đo API', version: APP_VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'thuocdo_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  installAccessControl(app, app.permissionTable);

  await app.register(metaRoutes);
  await app.register(authRoutes);
  await app.register(unitRoutes);
  await app.register(questionRoutes);
  await app.register(contestRoutes);
  await app.register(contestResultRoutes);
  await app.register(frameworkRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(examRoutes);
  await app.register(practiceRoutes);
  await app.register(proctorRoutes);
  await app.register(scenarioRoutes);
  await app.register(allCycleRoutes);
  await app.register(resultRoutes);
  await app.register(publicPageRoutes);
  await app.register(resultReportRoutes);
  await app.register(notificationRoutes);
  await app.register(appealRoutes);
  await app.register(itemAnalysisRoutes);
  await app.register(regradeRoutes);
  if (opts.runJobs) {
    installExamJobs(app);
    installNotificationJobs(app);
    installResultsWarmup(app);
  }

  app.get(
    '/api/openapi.json',
    { config: { access: { roles: 'public', unitScope: 'none' } }, schema: { hide: true } },
    () => app.swagger(),
  );

  if (existsSync(webDist)) {
    // Files are looked up per request (a rebuilt web app is served without a restart); any other
    // page path falls back to index.html in the not-found handler so the web router can take it.
    await app.register(fastifyStatic, { root: webDist, index: ['index.html'], wildcard: true });
  }
  return app;
}
