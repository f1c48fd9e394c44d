import type { Role } from '../../../core/shared/roles';

/** Organisers set contests up; proctors read them to run the sessions. */
export const CONTEST_EDITORS: Role[] = ['admin', 'organiser'];
export const CONTEST_READERS: Role[] = ['admin', 'organiser', 'proctor'];
