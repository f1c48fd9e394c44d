import { useId, useState } from 'react';
import { type ComposeAttachment, type ComposeForm, checkCompose } from './compose';
import { FileIcon } from './Icons';
import { Modal } from './Modal';
import { practiceApi } from './practice-api';
import { RecipientInput } from './RecipientInput';
import type { PracticeOps } from './use-practice';

interface Props {
  title: string;
  initial: ComposeForm;
  ops: PracticeOps;
  onClose: () => void;
}

const SOURCE_LABELS = { document: 'Văn bản', seed: 'Tệp nhận qua thư', upload: 'Tệp đã tải lên' } as const;

/** The compose window: recipients from the directory or typed, attachments from the store or the PC. */
export function ComposeDialog({ title, initial, ops, onClose }: Props) {
  const { view } = ops;
  const id = useId();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<string[]>([]);
  const [warned, setWarned] = useState<string[]>([]);
  const [pick, setPick] = useState('');
  const [uploading, setUploading] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const off = ops.readOnly || ops.busy || uploading;
  const set = (patch: Partial<ComposeForm>) => setForm((f) => ({ ...f, ...patch }));
  const attach = (a: ComposeAttachment) => {
    const same = (b: ComposeAttachment) => JSON.stringify(b.input) === JSON.stringify(a.input);
    if (!form.attachments.some(same)) set({ attachments: [...form.attachments, a] });
  };
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);

  const submit = async (purpose: 'send' | 'draft') => {
    ops.notify(null);
    const check = checkCompose(form, view.directory, purpose);
    setErrors(check.errors);
    if (check.errors.length > 0) return;
    // A warning is shown once; sending again with the same warnings goes ahead.
    if (check.warnings.length > 0 && check.warnings.join() !== warned.join()) {
      setWarned(check.warnings);
      return;
    }
    const done = purpose === 'send' ? 'Đã gửi thư.' : 'Đã lưu thư nháp.';
    const type = purpose === 'send' ? 'send_mail' : 'save_mail_draft';
    if (await ops.act({ type, input: check.input }, { done })) onClose();
  };

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const r = await practiceApi.upload(file);
      attach({ label: r.fileName, input: { upload: { ref: r.ref } } });
    } catch (e) {
      setErrors([
        e instanceof Error && e.message !== 'network' ? e.message : 'Không tải được tệp lên, thử lại.',
      ]);
    } finally {
      setUploading(false);
    }
  };

  const close = () => (dirty && !ops.readOnly ? setLeaving(true) : onClose());
  const recipient = (label: string, field: 'to' | 'cc' | 'bcc') => (
    <RecipientInput
      label={label}
      value={form[field]}
      onChange={(v) => set({ [field]: v })}
      directory={view.directory}
      exclude={[view.candidate.email]}
      disabled={ops.readOnly}
    />
  );

  return (
    <Modal
      title={title}
      onClose={close}
      busy={ops.busy}
      className="compose-dialog"
      alert={ops.notice && ops.notice.kind !== 'success' ? ops.notice.text : undefined}
    >
      <form
        className="compose-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit('send');
        }}
        onKeyDown={(e) => {
          const target = e.target as HTMLElement;
          if (e.key !== 'Enter' || target.tagName !== 'INPUT') return;
          // Enter in a one-line field does not send a half-written mail; Ctrl+Enter sends.
          if (!e.ctrlKey) e.preventDefault();
        }}
      >
        <p className="from">
          Từ: {view.candidate.name} &lt;{view.candidate.email}&gt;
        </p>
        {recipient('Đến', 'to')}
        {recipient('Cc', 'cc')}
        {recipient('Bcc', 'bcc')}
        <div className="field">
          <label htmlFor={`${id}-subject`}>Tiêu đề</label>
          <input
            id={`${id}-subject`}
            value={form.subject}
            maxLength={500}
            disabled={ops.readOnly}
            onChange={(e) => set({ subject: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>Nội dung</label>
          <textarea
            id={`${id}-body`}
            rows={9}
            value={form.body}
            disabled={ops.readOnly}
            onChange={(e) => set({ body: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.ctrlKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </div>
        <fieldset className="attach" disabled={off}>
          <legend>Tệp đính kèm</legend>
          {form.attachments.length > 0 && (
            <ul className="chips">
              {form.attachments.map((a) => (
                <li key={JSON.stringify(a.input)}>
                  <FileIcon /> {a.label}
                  <button
                    type="button"
                    className="link"
                    aria-label={`Gỡ tệp ${a.label}`}
                    onClick={() => set({ attachments: form.attachments.filter((b) => b !== a) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="attach-row">
            <label htmlFor={`${id}-store`}>Tệp trong kho văn bản</label>
            <select id={`${id}-store`} value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">— Chọn tệp —</option>
              {(['document', 'seed', 'upload'] as const).map((source) => {
                const files = view.files.filter((f) => f.source === source);
                return (
                  files.length > 0 && (
                    <optgroup key={source} label={SOURCE_LABELS[source]}>
                      {files.map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.fileName}
                        </option>
                      ))}
                    </optgroup>
                  )
                );
              })}
            </select>
            <button
              type="button"
              disabled={!pick}
              onClick={() => {
                const f = view.files.find((x) => x.id === pick);
                if (f) attach({ label: f.fileName, input: { fileId: f.id } });
                setPick('');
              }}
            >
              Đính kèm
            </button>
          </div>
          <div className="attach-row">
            <label htmlFor={`${id}-pc`}>Tải tệp từ máy tính</label>
            <input
              id={`${id}-pc`}
              type="file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void upload(file);
              }}
            />
            {uploading && <span role="status">Đang tải lên…</span>}
          </div>
        </fieldset>
        {errors.length > 0 && (
          <ul className="form-errors" role="alert">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {warned.length > 0 && errors.length === 0 && (
          <div className="form-warn" role="alert">
            {warned.map((w) => (
              <p key={w}>{w}</p>
            ))}
            <p>Bấm “Gửi” lần nữa để vẫn gửi.</p>
          </div>
        )}
        {leaving ? (
          <div className="dialog-actions leave" role="alert">
            <span>Bỏ thư đang soạn?</span>
            <button type="button" onClick={() => setLeaving(false)}>
              Tiếp tục soạn
            </button>
            <button type="button" onClick={() => void submit('draft')} disabled={off}>
              Lưu nháp
            </button>
            <button type="button" className="danger" onClick={onClose}>
              Bỏ thư
            </button>
          </div>
        ) : (
          <div className="dialog-actions">
            <button type="button" onClick={close} disabled={ops.busy}>
              Đóng
            </button>
            <button type="button" onClick={() => void submit('draft')} disabled={off}>
              Lưu nháp
            </button>
            <button type="submit" className="primary" disabled={off}>
              {ops.busy ? 'Đang gửi…' : 'Gửi'}
            </button>
          </div>
        )}
      </form>
    </Modal>
  );
}
