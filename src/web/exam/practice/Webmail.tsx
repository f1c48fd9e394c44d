import { useState } from 'react';
import type { TPracticeMail } from '../../../contracts/practice';
import { ComposeDialog } from './ComposeDialog';
import { type ComposeForm, draftForm, EMPTY_FORM, type ReplyMode, replyForm } from './compose';
import { formatDateTime } from './format';
import { PaperclipIcon } from './Icons';
import { FOLDER_LABELS } from './labels';
import { MailReader } from './MailReader';
import { type Folder, folderCounts, folderMails, snippet, visibleFolders } from './mailbox';
import type { PracticeOps } from './use-practice';

const COMPOSE_TITLES = {
  new: 'Soạn thư mới',
  reply: 'Trả lời thư',
  reply_all: 'Trả lời tất cả',
  forward: 'Chuyển tiếp thư',
  draft: 'Sửa thư nháp',
} as const;

/** The candidate's webmail: folders, a searchable list, the reading pane and the compose window. */
export function Webmail({ ops }: { ops: PracticeOps }) {
  const { view } = ops;
  const [folder, setFolder] = useState<Folder>('inbox');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [compose, setCompose] = useState<{ form: ComposeForm; title: string } | null>(null);
  const counts = folderCounts(view.mails);
  const list = folderMails(view.mails, folder, query);
  const mail = view.mails.find((m) => m.id === selected && m.folder === folder) ?? null;

  const open = (m: TPracticeMail) => {
    setSelected(m.id);
    if (!m.read && !ops.readOnly)
      void ops.act({ type: 'mark_read', mailId: m.id, read: true }, { replay: true });
  };
  const reply = (m: TPracticeMail, mode: ReplyMode) =>
    setCompose({ form: replyForm(view, m.id, mode), title: COMPOSE_TITLES[mode] });

  return (
    <div className="webmail">
      <nav className="mail-folders" aria-label="Thư mục">
        <button
          type="button"
          className="primary compose"
          disabled={ops.readOnly}
          onClick={() => setCompose({ form: EMPTY_FORM, title: COMPOSE_TITLES.new })}
        >
          Soạn thư
        </button>
        <ul>
          {visibleFolders(view.mails, folder).map((f) => {
            const c = counts[f];
            const badge = f === 'drafts' ? c.total : c.unread;
            return (
              <li key={f}>
                <button
                  type="button"
                  className={f === folder ? 'folder on' : 'folder'}
                  aria-current={f === folder ? 'true' : undefined}
                  onClick={() => {
                    setFolder(f);
                    setSelected(null);
                  }}
                >
                  <span>{FOLDER_LABELS[f]}</span>
                  {badge > 0 && (
                    <span className="count">
                      {badge}
                      <span className="sr-only">{f === 'drafts' ? ' thư' : ' thư chưa đọc'}</span>
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="mail-list">
        <label className="search">
          <span className="sr-only">Tìm thư</span>
          <input
            type="search"
            placeholder="Tìm theo người gửi, tiêu đề, nội dung"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <h3 className="sr-only">{FOLDER_LABELS[folder]}</h3>
        {list.length === 0 ? (
          <p className="empty">{query ? 'Không có thư phù hợp.' : 'Thư mục trống.'}</p>
        ) : (
          <ul aria-label={`Danh sách thư: ${FOLDER_LABELS[folder]}`}>
            {list.map((m) => {
              const who =
                folder === 'sent' || folder === 'drafts'
                  ? `Đến: ${m.to.join(', ') || '(chưa có)'}`
                  : m.from.name;
              return (
                <li key={m.id}>
                  <button
                    type="button"
                    className={`mail-row${m.read ? '' : ' unread'}${m.id === mail?.id ? ' on' : ''}`}
                    aria-current={m.id === mail?.id ? 'true' : undefined}
                    onClick={() => open(m)}
                  >
                    <span className="row-head">
                      <span className="row-who">{who}</span>
                      <span className="row-date">{formatDateTime(m.at)}</span>
                    </span>
                    <span className="row-subject">
                      {!m.read && <span className="sr-only">Chưa đọc: </span>}
                      {m.subject || '(không có tiêu đề)'}
                      {m.attachments.length > 0 && (
                        <span role="img" aria-label="có tệp đính kèm">
                          {' '}
                          <PaperclipIcon />
                        </span>
                      )}
                    </span>
                    <span className="row-snippet">{snippet(m.body)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="mail-reader">
        {mail ? (
          <MailReader
            mail={mail}
            ops={ops}
            onReply={(mode) => reply(mail, mode)}
            onEditDraft={() => setCompose({ form: draftForm(mail), title: COMPOSE_TITLES.draft })}
            onGone={() => setSelected(null)}
          />
        ) : (
          <p className="empty">Chọn một thư trong danh sách để đọc.</p>
        )}
      </div>
      {compose && (
        <ComposeDialog
          key={
            compose.title + (compose.form.draftId ?? compose.form.inReplyTo ?? compose.form.forwardOf ?? '')
          }
          title={compose.title}
          initial={compose.form}
          ops={ops}
          onClose={() => setCompose(null)}
        />
      )}
    </div>
  );
}
