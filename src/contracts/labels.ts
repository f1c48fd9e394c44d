/** Display labels and option lists the web needs, re-exported so the web depends on contracts only. */
export { ROLE_LABELS, ROLES, UNIT_SCOPED_ROLES } from '../core/shared/roles';
export type { Role } from '../core/shared/roles';
export { LEVEL_KINDS, LEVEL_LABELS, SO_GROUPS, UNIT_LEVELS } from '../core/units/unit';
export type { UnitLevel } from '../core/units/unit';
export { formatDateVn, parseDate } from '../core/shared/dates';
