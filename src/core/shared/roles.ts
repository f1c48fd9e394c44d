/** Every role of the platform. `reporter` and `candidate` are bound to one unit. */
export const ROLES = [
  'admin',
  'organiser',
  'reviewer',
  'council',
  'reporter',
  'viewer',
  'proctor',
  'candidate',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose data access is limited to the user's own unit. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['reporter', 'candidate'];

export function isUnitScoped(role: Role): boolean {
  return UNIT_SCOPED_ROLES.includes(role);
}
