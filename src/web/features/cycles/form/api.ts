import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TEntrySave, TEvidenceInput, THistoryEntry, TUnitForm } from '../../../../contracts/cycles';
import { ApiError, api, apiGet } from '../../../backend/client';

export const formKey = (cycleId: string, unitId: string) => ['cycles', cycleId, 'units', unitId, 'form'];
const base = (cycleId: string, unitId: string) => `/cycles/${cycleId}/units/${unitId}`;
const entryPath = (cycleId: string, unitId: string, code: string) =>
  `${base(cycleId, unitId)}/entries/${encodeURIComponent(code)}`;

export function evidenceFileUrl(cycleId: string, unitId: string, evidenceId: string): string {
  return `/api${base(cycleId, unitId)}/evidence/${evidenceId}/file`;
}

export function useUnitForm(cycleId: string, unitId: string) {
  return useQuery({
    queryKey: formKey(cycleId, unitId),
    queryFn: () => apiGet<TUnitForm>(`${base(cycleId, unitId)}/form`),
  });
}

// Every write answers with the whole form. Writes of one form go one after another, so each answer
// is newer than the one before and an earlier answer never overwrites a later save in the cache.
const chains = new Map<string, Promise<unknown>>();

function serial<T>(key: string, task: () => Promise<T>): Promise<T> {
  const next = (chains.get(key) ?? Promise.resolve()).then(task, task);
  chains.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

const STALE_CODES = new Set(['window_closed', 'cycle_state', 'forbidden_unit']);

/** Runs a write of this form in order with the others and puts the returned form in the cache. */
export function useFormWrite(cycleId: string, unitId: string) {
  const qc = useQueryClient();
  return useCallback(
    async (task: () => Promise<TUnitForm>): Promise<TUnitForm> => {
      try {
        const form = await serial(`${cycleId}/${unitId}`, task);
        qc.setQueryData(formKey(cycleId, unitId), form);
        return form;
      } catch (err) {
        // A window that closed or a state that moved on while the page was open: reload, so the form
        // turns read-only and says why.
        if (err instanceof ApiError && STALE_CODES.has(err.code))
          void qc.invalidateQueries({ queryKey: formKey(cycleId, unitId), exact: true });
        throw err;
      }
    },
    [qc, cycleId, unitId],
  );
}

const flushers = new Map<string, Set<() => Promise<void>>>();

/** Lets a card's pending autosave be sent on demand; returns the unregistration. */
export function registerFlush(cycleId: string, unitId: string, flush: () => Promise<void>): () => void {
  const key = `${cycleId}/${unitId}`;
  const set = flushers.get(key) ?? new Set();
  flushers.set(key, set);
  set.add(flush);
  return () => set.delete(flush);
}

/** Sends every pending autosave now and waits until all writes queued so far have finished. */
export async function flushWrites(cycleId: string, unitId: string): Promise<void> {
  const key = `${cycleId}/${unitId}`;
  await Promise.all([...(flushers.get(key) ?? [])].map((f) => f()));
  await (chains.get(key) ?? Promise.resolve());
}

export function saveEntry(cycleId: string, unitId: string, code: string, body: TEntrySave) {
  return api<TUnitForm>(entryPath(cycleId, unitId, code), { method: 'PUT', body });
}

/** A write of the form as a mutation (pending state, errors shown by the caller or the global toast). */
function useFormMutation<V>(
  cycleId: string,
  unitId: string,
  call: (v: V) => Promise<TUnitForm>,
  handlesError = false,
) {
  const write = useFormWrite(cycleId, unitId);
  return useMutation({ meta: { handlesError }, mutationFn: (v: V) => write(() => call(v)) });
}

export function useSetAssignee(cycleId: string, unitId: string) {
  return useFormMutation(cycleId, unitId, (v: { code: string; userId: string | null }) =>
    api<TUnitForm>(`${entryPath(cycleId, unitId, v.code)}/assignee`, {
      method: 'PUT',
      body: { userId: v.userId },
    }),
  );
}

export type EvidenceUpload = Omit<TEvidenceInput, 'url'> & { url: string | null; file: File | null };

export function useAddEvidence(cycleId: string, unitId: string, code: string) {
  return useFormMutation(
    cycleId,
    unitId,
    (v: EvidenceUpload) => {
      const path = `${entryPath(cycleId, unitId, code)}/evidence`;
      if (!v.file) {
        const body: TEvidenceInput = {
          docNumber: v.docNumber,
          docDate: v.docDate,
          summary: v.summary,
          url: v.url,
        };
        return api<TUnitForm>(path, { method: 'POST', body });
      }
      const body = new FormData();
      body.append('docNumber', v.docNumber);
      body.append('docDate', v.docDate);
      body.append('summary', v.summary);
      body.append('file', v.file);
      return api<TUnitForm>(path, { method: 'POST', body });
    },
    true,
  );
}

export function useDeleteEvidence(cycleId: string, unitId: string, code: string) {
  return useFormMutation(cycleId, unitId, (evidenceId: string) =>
    api<TUnitForm>(`${entryPath(cycleId, unitId, code)}/evidence/${evidenceId}`, { method: 'DELETE' }),
  );
}

export function useSaveExplanation(cycleId: string, unitId: string, code: string) {
  return useFormMutation(
    cycleId,
    unitId,
    (explanation: string) =>
      api<TUnitForm>(`${entryPath(cycleId, unitId, code)}/explanation`, {
        method: 'PUT',
        body: { explanation },
      }),
    true,
  );
}

export function useSubmitForm(cycleId: string, unitId: string) {
  return useFormMutation(
    cycleId,
    unitId,
    () => api<TUnitForm>(`${base(cycleId, unitId)}/submit`, { method: 'POST', body: {} }),
    true,
  );
}

export function useResubmit(cycleId: string, unitId: string) {
  return useFormMutation(
    cycleId,
    unitId,
    (codes: string[]) =>
      api<TUnitForm>(`${base(cycleId, unitId)}/resubmit`, { method: 'POST', body: { codes } }),
    true,
  );
}

export function useEntryHistory(cycleId: string, unitId: string, code: string | null) {
  return useQuery({
    queryKey: [...formKey(cycleId, unitId), 'history', code],
    queryFn: () => apiGet<{ items: THistoryEntry[] }>(`${entryPath(cycleId, unitId, code ?? '')}/history`),
    enabled: code !== null,
  });
}
