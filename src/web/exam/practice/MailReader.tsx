import { useState } from 'react';
import type { TPracticeMail } from '../../../contracts/practice';
import { normaliseAddress } from '../../../contracts/practice-domain';
import type { ReplyMode } from './compose';
import { formatMailDate } from './format';
import { FileIcon } from './Icons';
import { ConfirmDialog } from './Modal';
import { fileUrl } from './practice-api';
import type { PracticeOps } from './use-practice';

interface Props {
  mail: TPracticeMail;
  ops: PracticeOps;
  onReply: (mode: ReplyMode) => void;
  onEditDraft: () => void;
  /** The mail left the open folder (deleted, reported, restored). */
  onGone: () => void;
}

const RELOAD_AFTER_OPEN_MS = 1500;

/** One mail: its header, body, attachments and what can be done with it. */
export function MailReader({ mail, ops, onReply, onEditDraft, onGone }: Props) {
  const [reporting, setReporting] = useState(false);
  const { view } = ops;
  const own = normaliseAddress(mail.from.email) === normaliseAddress(view.candidate.email);
  const off = ops.readOnly || ops.busy;
  const draft = mail.folder === 'drafts';
  const binned = mail.folder === 'trash' || mail.folder === 'junk';
  const move = async (action: 'move_to_trash' | 'restore_mail' | 'report_phishing', done: string) => {
    if (await ops.act({ type: action, mailId: mail.id }, { done })) onGone();
  };
  const list = (label: string, addresses: string[]) =>
    addresses.length > 0 && (
      <>
        <dt>{label}</dt>
        <dd>{addresses.join(', ')}</dd>
      </>
    );

  return (
    <article className="mail" aria-labelledby="mail-subject">
      <div className="toolbar" role="toolbar" aria-label="Thao tác với thư">
        {draft ? (
          <button type="button" className="primary" disabled={off} onClick={onEditDraft}>
            Sửa thư nháp
          </button>
        ) : (
          <>
            <button type="button" disabled={ops.readOnly} onClick={() => onReply('reply')}>
              Trả lời
            </button>
            <button type="button" disabled={ops.readOnly} onClick={() => onReply('reply_all')}>
              Trả lời tất cả
            </button>
            <button type="button" disabled={ops.readOnly} onClick={() => onReply('forward')}>
              Chuyển tiếp
            </button>
          </>
        )}
        {binned ? (
          <button type="button" disabled={off} onClick={() => void move('restore_mail', 'Đã khôi phục thư.')}>
            Khôi phục
          </button>
        ) : (
          <button
            type="button"
            disabled={off}
            onClick={() => void move('move_to_trash', 'Đã chuyển thư vào Thùng rác.')}
          >
            Xóa
          </button>
        )}
        {!own && !mail.reported && mail.folder !== 'junk' && (
          <button type="button" className="danger" disabled={off} onClick={() => setReporting(true)}>
            Báo cáo thư giả mạo
          </button>
        )}
      </div>
      <h3 id="mail-subject">{mail.subject || '(không có tiêu đề)'}</h3>
      {mail.reported && <p className="tag warn-tag">Đã báo cáo là thư giả mạo</p>}
      <dl className="mail-head">
        <dt>Từ</dt>
        <dd>
          {mail.from.name} &lt;{mail.from.email}&gt;
        </dd>
        {list('Đến', mail.to)}
        {list('Cc', mail.cc)}
        {list('Bcc', mail.bcc)}
        <dt>Ngày</dt>
        <dd>{formatMailDate(mail.at)}</dd>
      </dl>
      {mail.undelivered && mail.undelivered.length > 0 && (
        <p className="notice error">
          Không gửi được đến: {mail.undelivered.join(', ')} (địa chỉ không tồn tại).
        </p>
      )}
      <div className="mail-body">{mail.body}</div>
      {mail.attachments.length > 0 && (
        <section aria-label="Tệp đính kèm" className="attachments">
          <h4>Tệp đính kèm ({mail.attachments.length})</h4>
          <ul>
            {mail.attachments.map((a) => (
              <li key={a.fileId}>
                <a
                  href={fileUrl(a.fileId, draft ? undefined : mail.id)}
                  target="_blank"
                  rel="noopener"
                  onClick={() => {
                    // The server records the opening and moves the sandbox on; the page follows.
                    if (!draft && !ops.readOnly) setTimeout(() => void ops.refresh(), RELOAD_AFTER_OPEN_MS);
                  }}
                >
                  <FileIcon /> {a.fileName}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {reporting && (
        <ConfirmDialog
          title="Báo cáo thư giả mạo?"
          confirmLabel="Báo cáo"
          busy={ops.busy}
          onCancel={() => setReporting(false)}
          onConfirm={async () => {
            await move('report_phishing', 'Đã báo cáo thư giả mạo; thư được chuyển vào Thư rác.');
            setReporting(false);
          }}
        >
          <p>
            Thư “{mail.subject}” từ {mail.from.email} sẽ được báo cáo là thư giả mạo (lừa đảo) và chuyển vào
            Thư rác.
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}
