import { useCurrentUser } from '../../../backend/session';
import { useCycles } from '../../cycles/api';
import { profilePath } from './api';
import { useProfileText } from './text';

/**
 * For a reporter: the link to the own unit's profile in the newest cycle with published results
 * (among the 20 newest cycles), with its title and description; null for other roles or before any
 * publication.
 */
export function useOwnResultsLink(): { to: string; title: string; text: string } | null {
  const { pt } = useProfileText();
  const user = useCurrentUser();
  const unitId = user.role === 'reporter' ? user.unitId : null;
  const cycles = useCycles({ page: 1, pageSize: 20 }, Boolean(unitId));
  const published = cycles.data?.items.find((c) => c.publishedVersion !== null);
  if (!unitId || !published) return null;
  return {
    to: profilePath(published.id, unitId),
    title: pt('homeShortcut'),
    text: pt('homeShortcutDesc', { unit: user.unitName ?? '', name: published.name }),
  };
}
