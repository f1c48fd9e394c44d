import type { FastifyInstance } from 'fastify';
import { candidateRoutes } from './candidate-routes';
import { contestCoreRoutes } from './contest-routes';
import { sessionRoutes } from './session-routes';

/** Contest setup: contests and rules, sessions (ca thi), candidates and their credential slips. */
export async function contestRoutes(app: FastifyInstance) {
  await contestCoreRoutes(app);
  await sessionRoutes(app);
  await candidateRoutes(app);
}
