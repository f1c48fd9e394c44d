import type { FastifyInstance } from 'fastify';
import { cycleRoutes } from './cycle-routes';
import { cycleFormRoutes } from './form-routes';
import { cycleReviewRoutes } from './review-routes';

/** Every route of the DTI cycle. */
export async function allCycleRoutes(app: FastifyInstance) {
  await cycleRoutes(app);
  await cycleFormRoutes(app);
  await cycleReviewRoutes(app);
}
