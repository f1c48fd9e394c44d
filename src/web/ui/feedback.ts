import { App } from 'antd';
import i18n from 'i18next';
import { useEffect } from 'react';

type AppApi = ReturnType<typeof App.useApp>;
let appApi: AppApi | null = null;

/** Renders nothing; lets code outside React (query callbacks) use AntD's themed message API. */
export function FeedbackBridge(): null {
  const api = App.useApp();
  useEffect(() => {
    appApi = api;
  }, [api]);
  return null;
}

export function errorText(err: unknown): string {
  return err instanceof Error && err.message ? err.message : i18n.t('errors.unknown');
}

export function showError(err: unknown): void {
  appApi?.message.error(errorText(err));
}

export function showSuccess(text: string): void {
  appApi?.message.success(text);
}

export function showInfo(text: string): void {
  appApi?.message.info(text);
}
