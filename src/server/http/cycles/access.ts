import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../core/shared/app-error';
import type { Role } from '../../../core/shared/roles';
import { loadCycle, loadCycleUnit } from '../../cycle/cycle-context';
import { leafPillar } from '../../cycle/review-entry';
import { reviewScope } from '../../cycle/reviewers';
import type { Db } from '../../db/client';
import { requireSession } from '../access';

export const ORGANISERS: Role[] = ['admin', 'organiser'];
/** Staff who read cycles; a reporter reads only its own unit's part (checked per route). */
export const CYCLE_READERS: Role[] = ['admin', 'organiser', 'reviewer', 'council', 'reporter', 'viewer'];
export const FORM_READERS: Role[] = ['admin', 'organiser', 'reviewer', 'council', 'reporter', 'viewer'];
export const REVIEWERS: Role[] = ['admin', 'organiser', 'reviewer'];
export const COUNCIL_READERS: Role[] = ['admin', 'organiser', 'council'];
export const COUNCIL: Role[] = ['admin', 'council'];
export const BOARD_READERS: Role[] = ['admin', 'organiser', 'council', 'viewer'];

export const access = (roles: Role[], unitScope: 'none' | 'own' | { param: string } = 'none') => ({
  access: { roles, unitScope },
});

/**
 * What of a unit's form a caller may read: everything, or for a reviewer assigned by pillar only those
 * pillars. A reviewer with no assignment touching the unit is refused (the route already limited
 * reporters to their own unit).
 */
export async function formReadScope(
  db: Db,
  req: FastifyRequest,
  cycleId: string,
  unitId: string,
): Promise<Set<string> | null> {
  const user = requireSession(req).user;
  if (user.role !== 'reviewer') return null;
  const scope = await reviewScope(db, cycleId, user);
  if (scope.all || scope.units.has(unitId)) return null;
  if (scope.pillars.size > 0) return scope.pillars;
  throw new AppError('forbidden', 'Bạn không được phân công thẩm định đơn vị này');
}

/** Refuses a pillar reviewer an indicator outside the pillars assigned (null scope: everything is readable). */
export async function assertIndicatorReadable(
  db: Db,
  only: Set<string> | null,
  cycleId: string,
  unitId: string,
  code: string,
) {
  if (!only) return;
  const ctx = await loadCycle(db, cycleId);
  const member = await loadCycleUnit(db, cycleId, unitId);
  if (!only.has(leafPillar(ctx, member, code))) {
    throw new AppError('forbidden', 'Bạn không được phân công thẩm định trụ cột của chỉ số này');
  }
}
