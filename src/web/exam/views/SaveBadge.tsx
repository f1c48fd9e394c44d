import { useText } from '../i18n';
import type { SaveStatus } from '../sync/answer-sync';

/** The visible saved / not-yet-saved state; the offline message says the answers are kept on this PC. */
export function SaveBadge({ status }: { status: SaveStatus }) {
  const { t } = useText();
  return (
    <output className={`save-badge ${status}`} data-testid="save-status" data-status={status}>
      {status === 'saved' ? `✓ ${t('saved')}` : t(status)}
    </output>
  );
}
