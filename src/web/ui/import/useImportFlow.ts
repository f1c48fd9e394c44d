import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../backend/client';
import { errorText } from '../feedback';

/** The bad rows of an `import_invalid` answer; null for any other error. */
export function importErrorDetails<E>(err: unknown): E[] | null {
  if (!(err instanceof ApiError) || err.code !== 'import_invalid' || !Array.isArray(err.details)) return null;
  return err.details as E[];
}

interface Options<R> {
  /** Sends the file; a dry run checks everything and imports nothing. */
  send: (file: File, dryRun: boolean) => Promise<R>;
  /** Called once the file has really been imported (refresh lists, close, …). */
  onImported?: (result: R) => void;
}

/**
 * The state of an all-or-nothing file import: chosen file → dry run (preview or every error) →
 * confirmation → import. `failure` holds the server's message for any error, `rowErrors` the
 * itemised problems when the server listed them.
 */
export function useImportFlow<R extends { dryRun: boolean }, E>({ send, onImported }: Options<R>) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<R | null>(null);
  const [rowErrors, setRowErrors] = useState<E[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<R | null>(null);

  const run = useMutation({
    meta: { handlesError: true },
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => send(f, dryRun),
    onSuccess: (result) => {
      if (result.dryRun) return setPreview(result);
      setDone(result);
      onImported?.(result);
    },
    onError: (err) => {
      setRowErrors(importErrorDetails<E>(err));
      setFailure(errorText(err));
    },
  });

  /** Forgets the outcome of the last check or import, keeping the chosen file. */
  const clearResults = () => {
    setPreview(null);
    setRowErrors(null);
    setFailure(null);
    setDone(null);
  };
  const startOver = () => {
    clearResults();
    setFile(null);
  };
  const check = (f: File | null = file) => {
    if (!f) return;
    clearResults();
    run.mutate({ f, dryRun: true });
  };
  // Any file is kept: the server checks the type and answers with its own message.
  const choose = (f: File) => {
    clearResults();
    setFile(f);
  };
  const confirm = (texts: { title: string; content?: string; okText: string }) => {
    if (!file || !preview) return;
    modal.confirm({
      ...texts,
      cancelText: t('common.cancel'),
      onOk: () => run.mutateAsync({ f: file, dryRun: false }).catch(() => undefined),
    });
  };

  return {
    file,
    preview,
    rowErrors,
    failure,
    done,
    pending: run.isPending,
    choose,
    check,
    confirm,
    clearResults,
    startOver,
  };
}
