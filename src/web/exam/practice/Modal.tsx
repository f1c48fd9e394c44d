import { type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Closing is refused for now (a request is under way). */
  busy?: boolean;
  /** A refusal from the server, shown here since the page behind is covered. */
  alert?: string;
}

/**
 * A modal dialog open while mounted: the browser's own <dialog> keeps focus inside and makes the page
 * behind inert; Escape closes it; focus starts on the element marked `data-autofocus`, if any, and goes
 * back where it was when the dialog closes.
 */
export function Modal({ title, onClose, children, className, busy, alert }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={id}>{title}</h2>
      {alert && (
        <p className="notice error" role="alert">
          {alert}
        </p>
      )}
      {children}
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  alert?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a step that cannot be taken back; Enter confirms, Escape cancels. */
export function ConfirmDialog(p: ConfirmProps) {
  return (
    <Modal title={p.title} onClose={p.onCancel} busy={p.busy} alert={p.alert}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!p.busy) p.onConfirm();
        }}
      >
        {p.children}
        <div className="dialog-actions">
          <button type="button" onClick={p.onCancel} disabled={p.busy}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={p.busy} data-autofocus>
            {p.confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
