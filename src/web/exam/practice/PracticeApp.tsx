import { useEffect, useState } from 'react';
import type { TPracticeView } from '../../../contracts/practice';
import { Office } from './Office';
import { QuestionsBox } from './QuestionsBox';
import { TaskPanel } from './TaskPanel';
import { usePractice } from './use-practice';
import { Webmail } from './Webmail';
import './practice.css';

interface Props {
  initial: TPracticeView;
  /** The exam is paused or out of time: nothing may change. */
  locked: boolean;
  /** The server's clock (ms), for deadlines. */
  now: () => number;
  onLoginLost: () => void;
}

type App = 'mail' | 'office';
const REFRESH_GAP_MS = 5000;
const SUCCESS_SHOWN_MS = 8000;

/** The practice part: the webmail and the e-office side by side with the tasks and questions. */
export default function PracticeApp({ initial, locked, now, onLoginLost }: Props) {
  const ops = usePractice(initial, locked, onLoginLost);
  const [app, setApp] = useState<App>('mail');
  const [tasksOpen, setTasksOpen] = useState(() => window.innerWidth > 820);
  const { view, refresh } = ops;

  // Back from a file opened in another tab (which the server may have recorded), the view is reloaded.
  useEffect(() => {
    let last = 0;
    const onFocus = () => {
      if (Date.now() - last < REFRESH_GAP_MS) return;
      last = Date.now();
      void refresh();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  // A success fades after a while; refusals stay until closed.
  const { notice, notify } = ops;
  useEffect(() => {
    if (notice?.kind !== 'success') return;
    const timer = setTimeout(() => notify(null), SUCCESS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, notify]);

  const unread = view.mails.filter((m) => m.folder === 'inbox' && !m.read).length;
  const waiting = view.documents.filter(
    (d) =>
      (d.direction === 'incoming' && d.status === 'cho_xu_ly' && d.holder === 'candidate') ||
      (d.direction === 'outgoing' && d.status !== 'da_phat_hanh'),
  ).length;
  const tab = (id: App, label: string, count: number) => (
    <button
      type="button"
      role="tab"
      id={`app-${id}`}
      aria-selected={app === id}
      aria-controls="practice-app"
      className={app === id ? 'tab on' : 'tab'}
      onClick={() => setApp(id)}
    >
      {label}
      {count > 0 && <span className="count">{count}</span>}
    </button>
  );

  return (
    <div className={tasksOpen ? 'practice' : 'practice wide'}>
      <div className="practice-main">
        <div className="app-bar">
          <div role="tablist" aria-label="Ứng dụng thực hành" className="tabs">
            {tab('mail', 'Thư điện tử', unread)}
            {tab('office', 'Văn phòng điện tử', waiting)}
          </div>
          <button
            type="button"
            className="tasks-toggle"
            aria-expanded={tasksOpen}
            aria-controls="practice-side"
            onClick={() => setTasksOpen(!tasksOpen)}
          >
            {tasksOpen ? 'Ẩn nhiệm vụ' : 'Nhiệm vụ'}
          </button>
        </div>
        {view.closed && (
          <p className="notice info" role="status">
            Bài thực hành đã kết thúc: chỉ xem, không thể thao tác thêm.
          </p>
        )}
        {ops.notice && (
          <p
            className={`notice toast ${ops.notice.kind}`}
            role={ops.notice.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{ops.notice.text}</span>
            <button
              type="button"
              className="link"
              onClick={() => ops.notify(null)}
              aria-label="Đóng thông báo"
            >
              ×
            </button>
          </p>
        )}
        <section id="practice-app" role="tabpanel" aria-labelledby={`app-${app}`} className="app-panel">
          {app === 'mail' ? <Webmail ops={ops} /> : <Office ops={ops} now={now} />}
        </section>
      </div>
      <aside
        id="practice-side"
        className="practice-side"
        hidden={!tasksOpen}
        aria-label="Nhiệm vụ và câu hỏi"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls on its own, so the keyboard must reach it to scroll it (WCAG 2.1.1)
        tabIndex={0}
      >
        <TaskPanel view={view} />
        {view.questions.length > 0 && <QuestionsBox ops={ops} />}
      </aside>
    </div>
  );
}
