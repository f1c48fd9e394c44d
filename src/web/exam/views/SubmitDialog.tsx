import { useEffect, useRef } from 'react';
import { useText } from '../i18n';

interface Props {
  open: boolean;
  /** Numbers (1-based) of the questions without an answer. */
  unanswered: number[];
  flagged: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Closes the dialog and opens question `index` (0-based). */
  onGo: (index: number) => void;
}

/** Asks before the irreversible submit; focus starts on "keep working", Escape cancels. */
export function SubmitDialog(p: Props) {
  const { t } = useText();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (p.open && !dialog.open) dialog.showModal();
    if (!p.open && dialog.open) dialog.close();
  }, [p.open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="submit-title"
      onCancel={(e) => {
        e.preventDefault();
        p.onCancel();
      }}
    >
      <h2 id="submit-title">{t('submitTitle')}</h2>
      {p.unanswered.length > 0 && (
        <>
          <p className="warn" id="submit-unanswered">
            {t('submitUnanswered', { n: p.unanswered.length })}
          </p>
          <ul className="unanswered" aria-labelledby="submit-unanswered">
            {p.unanswered.map((n) => (
              <li key={n}>
                <button type="button" onClick={() => p.onGo(n - 1)} disabled={p.busy}>
                  {t('questionShort', { n })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.flagged > 0 && <p>{t('submitFlagged', { n: p.flagged })}</p>}
      <p>{t('submitWarn')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={p.onCancel} disabled={p.busy}>
          {t('keepWorking')}
        </button>
        <button type="button" className="primary" onClick={p.onConfirm} disabled={p.busy}>
          {p.busy ? t('submitting') : t('submitConfirm')}
        </button>
      </div>
    </dialog>
  );
}
