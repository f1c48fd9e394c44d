import type { ReactNode } from 'react';
import type { TPracticeDocument, TPracticeView } from '../../../contracts/practice';
import { formatDateTime } from './format';
import { HISTORY_LABELS } from './labels';
import { fileUrl } from './practice-api';

/** The document's PDF in the page, with a link to download it. */
export function PdfPane({ doc, version }: { doc: TPracticeDocument; version: string }) {
  const url = fileUrl(doc.fileId);
  return (
    <section className="pdf" aria-label="Nội dung văn bản">
      <iframe key={`${doc.fileId}-${version}`} src={url} title={`Văn bản PDF: ${doc.subject}`} />
      <p>
        <a href={url} download>
          Tải văn bản (PDF)
        </a>{' '}
        ·{' '}
        <a href={url} target="_blank" rel="noopener">
          Mở trong thẻ mới
        </a>
      </p>
    </section>
  );
}

/** Names for directory keys (units, people), as the history and the directive show them. */
export function namesOf(view: TPracticeView, keys: string[]): string {
  return keys.map((k) => view.directory.find((d) => d.key === k)?.name ?? k).join('; ');
}

/** The processing history (quá trình xử lý): who did what, when, for whom. */
export function HistoryTable({ doc, view }: { doc: TPracticeDocument; view: TPracticeView }) {
  return (
    <section aria-labelledby="history-title">
      <h4 id="history-title">Quá trình xử lý</h4>
      <div className="table-wrap">
        <table className="docs history">
          <thead>
            <tr>
              <th scope="col">Thời gian</th>
              <th scope="col">Người thực hiện</th>
              <th scope="col">Thao tác</th>
              <th scope="col">Chuyển đến</th>
              <th scope="col">Ghi chú</th>
            </tr>
          </thead>
          <tbody>
            {doc.history.map((h) => (
              <tr key={`${h.at}|${h.action}|${h.actor}|${h.note ?? ''}`}>
                <td className="nowrap">{formatDateTime(h.at)}</td>
                <td>{h.actorName}</td>
                <td>{HISTORY_LABELS[h.action] ?? h.action}</td>
                <td>{h.to ? namesOf(view, h.to) : ''}</td>
                <td>{h.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A document page's header: back to the list, the kind and the summary. */
export function DocHeader({ kind, subject, onBack }: { kind: string; subject: string; onBack: () => void }) {
  return (
    <header className="doc-head">
      <button type="button" onClick={onBack}>
        ← Danh sách văn bản
      </button>
      <div>
        <p className="doc-kind">{kind}</p>
        <h3>{subject}</h3>
      </div>
    </header>
  );
}

/** Label/value pairs of a document; a `wide` one takes a whole line. */
export function Facts({ rows }: { rows: [string, ReactNode, 'wide'?][] }) {
  return (
    <dl className="doc-facts">
      {rows.map(([k, v, wide]) => (
        <div key={k} className={wide}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
