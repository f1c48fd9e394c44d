import type { TFunction } from 'i18next';
import { isValidOn } from '../../../contracts/domain';
import type { TUnit } from '../../../contracts/units';
import { vi } from '../../i18n/vi';
import { formatDate, todayIso } from '../../ui/dates';

/** "01/01/2020 – nay" or "01/01/2020 – 30/06/2025". */
export function validityText(t: TFunction, u: Pick<TUnit, 'validFrom' | 'validTo'>): string {
  return `${formatDate(u.validFrom)} – ${u.validTo ? formatDate(u.validTo) : t('common.now')}`;
}

export type UnitPhase = 'active' | 'future' | 'retired';

/** Whether a unit is in force today, not yet in force, or no longer in force. */
export function unitPhase(u: Pick<TUnit, 'validFrom' | 'validTo'>): UnitPhase {
  const today = todayIso();
  if (u.validFrom > today) return 'future';
  return isValidOn(u, today) ? 'active' : 'retired';
}

/** The translated name of a unit kind ("phường" → "ward" in English); unknown kinds as they are. */
export function kindLabel(t: TFunction, kind: string): string {
  return kind in vi.kinds ? t(`kinds.${kind as keyof typeof vi.kinds}`) : kind;
}
