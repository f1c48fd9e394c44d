import { useEffect, useRef, useState } from 'react';
import { formatDay } from './format';
import { IncomingDetail } from './IncomingDetail';
import { documentTypeName, STATUS_LABELS, URGENCY_LABELS } from './labels';
import { OutgoingDetail } from './OutgoingDetail';
import { incomingList, isAwaiting, outgoingList } from './office-docs';
import type { PracticeOps } from './use-practice';

type Tab = 'incoming' | 'outgoing';

/** The e-office: the incoming register with its "Chờ xử lý" queue, outgoing drafts, one document at a time. */
export function Office({ ops, now }: { ops: PracticeOps; now: () => number }) {
  const { view } = ops;
  const [tab, setTab] = useState<Tab>('incoming');
  const [awaiting, setAwaiting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = useRef(new Set<string>());
  const doc = view.documents.find((d) => d.id === openId) ?? null;

  // The first look at a document in this page goes to the server (it enters the processing history).
  useEffect(() => {
    if (!doc || ops.readOnly || opened.current.has(doc.id)) return;
    opened.current.add(doc.id);
    if (doc.direction === 'incoming' && doc.openedAt) return;
    void ops.act({ type: 'open_document', documentId: doc.id }, { replay: true });
  }, [doc, ops]);

  if (doc) {
    const back = () => setOpenId(null);
    return doc.direction === 'incoming' ? (
      <IncomingDetail doc={doc} ops={ops} now={now} onBack={back} />
    ) : (
      <OutgoingDetail doc={doc} ops={ops} onBack={back} />
    );
  }

  const incoming = incomingList(view.documents, awaiting);
  const outgoing = outgoingList(view.documents);
  const waitingCount = incomingList(view.documents, true).length;
  const toSign = outgoing.filter((d) => d.status !== 'da_phat_hanh').length;
  const tabButton = (id: Tab, label: string, count: number) => (
    <button
      type="button"
      role="tab"
      id={`office-${id}`}
      aria-selected={tab === id}
      aria-controls="office-panel"
      className={tab === id ? 'tab on' : 'tab'}
      onClick={() => setTab(id)}
    >
      {label}
      {count > 0 && <span className="count">{count}</span>}
    </button>
  );

  return (
    <div className="office">
      <div role="tablist" aria-label="Sổ văn bản" className="tabs sub">
        {tabButton('incoming', 'Văn bản đến', waitingCount)}
        {tabButton('outgoing', 'Văn bản đi', toSign)}
      </div>
      <div id="office-panel" role="tabpanel" aria-labelledby={`office-${tab}`}>
        {tab === 'incoming' ? (
          <>
            <label className="filter">
              <input type="checkbox" checked={awaiting} onChange={(e) => setAwaiting(e.target.checked)} /> Chỉ
              hiện văn bản chờ xử lý
            </label>
            {incoming.length === 0 ? (
              <p className="empty">Không có văn bản chờ xử lý.</p>
            ) : (
              <div className="table-wrap">
                <table className="docs">
                  <caption className="sr-only">Văn bản đến</caption>
                  <thead>
                    <tr>
                      <th scope="col">Số đến</th>
                      <th scope="col">Số, ký hiệu</th>
                      <th scope="col">Cơ quan ban hành</th>
                      <th scope="col">Trích yếu</th>
                      <th scope="col">Ngày đến</th>
                      <th scope="col">Độ khẩn</th>
                      <th scope="col">Trạng thái</th>
                    </tr>
                  </thead>
                  <tbody>
                    {incoming.map((d) => (
                      <tr key={d.id} className={isAwaiting(d) ? 'waiting' : undefined}>
                        <td>{d.arrivalNumber}</td>
                        <td className="nowrap">{d.numberSymbol}</td>
                        <td>{d.issuerName}</td>
                        <td>
                          <button type="button" className="link" onClick={() => setOpenId(d.id)}>
                            {documentTypeName(d.type)}: {d.subject}
                          </button>
                        </td>
                        <td className="nowrap">{formatDay(d.arrivalDate)}</td>
                        <td>
                          <span className={`urgency ${d.urgency}`}>{URGENCY_LABELS[d.urgency]}</span>
                        </td>
                        <td>{STATUS_LABELS[d.status]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : outgoing.length === 0 ? (
          <p className="empty">Không có văn bản đi.</p>
        ) : (
          <div className="table-wrap">
            <table className="docs">
              <caption className="sr-only">Văn bản đi</caption>
              <thead>
                <tr>
                  <th scope="col">Loại văn bản</th>
                  <th scope="col">Trích yếu</th>
                  <th scope="col">Số, ký hiệu</th>
                  <th scope="col">Ngày ban hành</th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {outgoing.map((d) => (
                  <tr key={d.id} className={d.status === 'cho_ky' ? 'waiting' : undefined}>
                    <td>{documentTypeName(d.type)}</td>
                    <td>
                      <button type="button" className="link" onClick={() => setOpenId(d.id)}>
                        {d.subject}
                      </button>
                    </td>
                    <td className="nowrap">{d.numberSymbol ?? '—'}</td>
                    <td className="nowrap">{d.issuedDate ? formatDay(d.issuedDate) : '—'}</td>
                    <td>{STATUS_LABELS[d.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
