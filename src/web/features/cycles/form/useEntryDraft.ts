import { useCallback, useEffect, useRef, useState } from 'react';
import type { TEntryView } from '../../../../contracts/cycles';
import { errorText } from '../../../ui/feedback';
import { registerFlush, saveEntry, useFormWrite } from './api';
import type { Inputs } from './score';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

const AUTOSAVE_MS = 800;

/** Keeps what the user typed when the server has the same value trimmed (no jump while typing). */
function keepTyped(local: string | null, server: string | null): string | null {
  return local !== null && server !== null && local.trim() === server ? local : server;
}

/**
 * One indicator's draft as typed: figures and the "not applicable" reason, saved ~800 ms after the last
 * keystroke. Server answers replace the local values only when no local change is waiting, so a reply
 * never undoes what the user typed meanwhile. A card that goes away sends its pending change at once.
 */
export function useEntryDraft(cycleId: string, unitId: string, entry: TEntryView) {
  const write = useFormWrite(cycleId, unitId);
  const [inputs, setInputs] = useState<Inputs>(() => (entry.inputs ?? {}) as Inputs);
  const [na, setNa] = useState<string | null>(entry.notApplicable);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef({ inputs, na });
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const code = entry.code;

  const adopt = useCallback((e: Pick<TEntryView, 'inputs' | 'notApplicable'>) => {
    const next = { inputs: (e.inputs ?? {}) as Inputs, na: keepTyped(latest.current.na, e.notApplicable) };
    latest.current = next;
    setInputs(next.inputs);
    setNa(next.na);
  }, []);

  const serverValue = JSON.stringify([entry.inputs, entry.notApplicable]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-sync when the server's values change
  useEffect(() => {
    if (edits.current === savedEdits.current) adopt(entry);
  }, [serverValue, adopt]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const version = edits.current;
    if (version === savedEdits.current) return;
    const body = { inputs: latest.current.inputs, notApplicable: latest.current.na };
    setSave({ kind: 'saving' });
    try {
      const form = await write(() => saveEntry(cycleId, unitId, code, body));
      savedEdits.current = Math.max(savedEdits.current, version);
      if (edits.current !== version) return; // a newer change has its own save coming
      setSave({ kind: 'saved', at: new Date() });
      const fresh = form.entries.find((e) => e.code === code);
      if (fresh) adopt(fresh);
    } catch (err) {
      if (edits.current === version) setSave({ kind: 'error', message: errorText(err) });
    }
  }, [write, cycleId, unitId, code, adopt]);

  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(
    () => () => {
      if (timer.current !== undefined) void flushRef.current();
    },
    [],
  );

  // Submitting first sends what is still waiting for its timer.
  useEffect(() => registerFlush(cycleId, unitId, () => flushRef.current()), [cycleId, unitId]);

  const pending = save.kind === 'saving' || save.kind === 'error';
  useEffect(() => {
    if (!pending) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);

  const change = useCallback((patch: { inputs?: Inputs; na?: string | null }) => {
    const next = {
      inputs: patch.inputs ?? latest.current.inputs,
      na: patch.na !== undefined ? patch.na : latest.current.na,
    };
    latest.current = next;
    setInputs(next.inputs);
    setNa(next.na);
    edits.current++;
    setSave({ kind: 'saving' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_MS);
  }, []);

  const setInput = useCallback(
    (name: string, value: Inputs[string]) => change({ inputs: { ...latest.current.inputs, [name]: value } }),
    [change],
  );

  return {
    inputs,
    na,
    save,
    setInput,
    setNotApplicable: (v: string | null) => change({ na: v }),
    retry: flush,
  };
}
