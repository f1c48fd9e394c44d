import type { TFunction } from 'i18next';
import { vi } from '../../i18n/vi';

/** A readable name for an audit action code; unknown codes are shown as they are. */
export function actionLabel(t: TFunction, action: string): string {
  return action in vi.auditActions ? t(`auditActions.${action as keyof typeof vi.auditActions}`) : action;
}

export function entityLabel(t: TFunction, entity: string): string {
  return entity in vi.auditEntities ? t(`auditEntities.${entity as keyof typeof vi.auditEntities}`) : entity;
}
