/** Pure domain values and helpers the web needs, re-exported so the web depends on contracts only. */
export { formatDateVn, parseDate } from '../core/shared/dates';
export type { Role } from '../core/shared/roles';
export { isUnitScoped, ROLES, UNIT_SCOPED_ROLES } from '../core/shared/roles';
export { foldVietnamese } from '../core/shared/text';
export type { UnitLevel } from '../core/units/unit';
export { isValidOn, LEVEL_KINDS, SO_GROUPS, UNIT_LEVELS } from '../core/units/unit';
