import type { ResultsVersion } from '../api';

/** The results pages' addresses; the version travels along so a linked page shows the same figures. */
export const resultsPath = '/dti/results';

export function unitProfilePath(cycleId: string, unitId: string, version?: ResultsVersion): string {
  const q = version === undefined ? '' : `?version=${version}`;
  return `${resultsPath}/${cycleId}/units/${unitId}${q}`;
}

export function whatIfPath(cycleId: string, version?: ResultsVersion): string {
  const q = version === undefined ? '' : `?version=${version}`;
  return `${resultsPath}/${cycleId}/what-if${q}`;
}
