import { useId, useState } from 'react';
import { namesOf } from './DocumentParts';
import { checkDirective, type DirectiveDraft, handlers } from './directive';
import { formatDay } from './format';
import { ConfirmDialog } from './Modal';
import type { Incoming } from './office-docs';
import type { PracticeOps } from './use-practice';

interface Props {
  doc: Incoming;
  ops: PracticeOps;
  onDone: () => void;
}

/** The bút phê: ý kiến chỉ đạo, chủ trì, phối hợp, hạn xử lý; then "Chuyển xử lý" after a confirmation. */
export function DirectiveForm({ doc, ops, onDone }: Props) {
  const { view } = ops;
  const id = useId();
  const saved = doc.directive;
  const [draft, setDraft] = useState<DirectiveDraft>({
    text: saved?.text ?? '',
    lead: saved?.lead ?? '',
    cooperating: saved?.cooperating ?? [],
    deadline: saved?.deadline ?? '',
  });
  const [errors, setErrors] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const people = handlers(view.directory);
  const units = people.filter((p) => p.kind === 'unit');
  const persons = people.filter((p) => p.kind === 'person');
  const set = (patch: Partial<DirectiveDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const off = ops.readOnly || ops.busy;

  const forward = async () => {
    const unchanged =
      saved &&
      saved.text === draft.text.trim() &&
      saved.lead === draft.lead &&
      saved.deadline === draft.deadline &&
      [...saved.cooperating].sort().join() === [...draft.cooperating].sort().join();
    let status: string = doc.status;
    if (!unchanged) {
      const next = await ops.act({
        type: 'write_directive',
        documentId: doc.id,
        input: {
          text: draft.text.trim(),
          lead: draft.lead,
          cooperating: draft.cooperating,
          deadline: draft.deadline,
        },
      });
      if (!next) return setConfirming(false);
      status = next.documents.find((d) => d.id === doc.id)?.status ?? status;
    }
    const done = `Đã chuyển xử lý văn bản ${doc.numberSymbol}: ${namesOf(view, [draft.lead])} chủ trì.`;
    // A revised directive on a forwarded document is sent on by the server itself.
    const ok =
      status === 'cho_xu_ly'
        ? await ops.act({ type: 'forward_document', documentId: doc.id }, { done })
        : true;
    if (ok && status !== 'cho_xu_ly') ops.notify({ kind: 'success', text: done });
    setConfirming(false);
    if (ok) onDone();
  };

  const option = (p: (typeof people)[number]) => (
    <option key={p.key} value={p.key}>
      {p.name}
      {p.position ? ` — ${p.position}` : ''}
    </option>
  );

  return (
    <>
      <form
        className="directive-form"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          const found = checkDirective(draft, doc.arrivalDate);
          setErrors(found);
          if (found.length === 0) setConfirming(true);
        }}
      >
        <h4 id={`${id}-title`}>Bút phê văn bản</h4>
        <div className="field">
          <label htmlFor={`${id}-text`}>Ý kiến chỉ đạo</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            maxLength={2000}
            value={draft.text}
            disabled={off}
            onChange={(e) => set({ text: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lead`}>Chủ trì</label>
          <select
            id={`${id}-lead`}
            value={draft.lead}
            disabled={off}
            onChange={(e) =>
              set({
                lead: e.target.value,
                cooperating: draft.cooperating.filter((k) => k !== e.target.value),
              })
            }
          >
            <option value="">— Chọn đơn vị, cá nhân chủ trì —</option>
            {units.length > 0 && <optgroup label="Đơn vị">{units.map(option)}</optgroup>}
            {persons.length > 0 && <optgroup label="Cá nhân">{persons.map(option)}</optgroup>}
          </select>
        </div>
        <fieldset className="cooperating" disabled={off} aria-labelledby={`${id}-coop`}>
          <legend id={`${id}-coop`}>Phối hợp</legend>
          {people.map((p) => (
            <label key={p.key} className="check">
              <input
                type="checkbox"
                checked={draft.cooperating.includes(p.key)}
                disabled={p.key === draft.lead}
                onChange={(e) =>
                  set({
                    cooperating: e.target.checked
                      ? [...draft.cooperating, p.key]
                      : draft.cooperating.filter((k) => k !== p.key),
                  })
                }
              />{' '}
              {p.name}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-deadline`}>Hạn xử lý</label>
          <input
            id={`${id}-deadline`}
            type="date"
            min={doc.arrivalDate}
            value={draft.deadline}
            disabled={off}
            onChange={(e) => set({ deadline: e.target.value })}
            aria-describedby={`${id}-deadline-hint`}
          />
          <span id={`${id}-deadline-hint`} className="hint">
            {draft.deadline ? `Ngày đã chọn: ${formatDay(draft.deadline)}` : 'Chọn ngày (ngày/tháng/năm).'}
          </span>
        </div>
        {errors.length > 0 && (
          <ul className="form-errors" role="alert">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onDone} disabled={ops.busy}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={off}>
            Chuyển xử lý
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog
          title="Chuyển xử lý văn bản?"
          confirmLabel="Chuyển xử lý"
          busy={ops.busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void forward()}
        >
          <p>Văn bản {doc.numberSymbol} sẽ được chuyển theo ý kiến chỉ đạo:</p>
          <ul>
            <li>Chủ trì: {namesOf(view, [draft.lead])}</li>
            <li>Phối hợp: {draft.cooperating.length > 0 ? namesOf(view, draft.cooperating) : 'không'}</li>
            <li>Hạn xử lý: {formatDay(draft.deadline)}</li>
          </ul>
        </ConfirmDialog>
      )}
    </>
  );
}
