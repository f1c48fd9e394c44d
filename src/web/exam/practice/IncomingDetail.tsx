import { useState } from 'react';
import { DirectiveForm } from './DirectiveForm';
import { DocHeader, Facts, HistoryTable, namesOf, PdfPane } from './DocumentParts';
import { formatDay, isOverdue } from './format';
import { documentTypeName, STATUS_LABELS, URGENCY_LABELS } from './labels';
import type { Incoming } from './office-docs';
import type { PracticeOps } from './use-practice';

interface Props {
  doc: Incoming;
  ops: PracticeOps;
  now: () => number;
  onBack: () => void;
}

/** An incoming document: its register entry, PDF, directive (bút phê) and processing history. */
export function IncomingDetail({ doc, ops, now, onBack }: Props) {
  const { view } = ops;
  const [writing, setWriting] = useState(false);
  const overdue = isOverdue(doc.dueDate, doc.status, now());
  const mayDirect = doc.holder === 'candidate' || Boolean(doc.directive);
  const d = doc.directive;
  return (
    <article className="doc" aria-label={`Văn bản đến ${doc.numberSymbol}`}>
      <DocHeader kind={`Văn bản đến · ${documentTypeName(doc.type)}`} subject={doc.subject} onBack={onBack} />
      <Facts
        rows={[
          ['Số, ký hiệu', doc.numberSymbol],
          ['Ngày văn bản', formatDay(doc.issuedDate)],
          ['Cơ quan ban hành', doc.issuerName],
          ['Số đến', String(doc.arrivalNumber)],
          ['Ngày đến', formatDay(doc.arrivalDate)],
          ['Độ khẩn', URGENCY_LABELS[doc.urgency]],
          ['Trạng thái', STATUS_LABELS[doc.status]],
          ['Người đang xử lý', doc.holderName],
          [
            'Hạn xử lý',
            doc.dueDate ? (
              <>
                {formatDay(doc.dueDate)}
                {overdue && <span className="tag late">Quá hạn</span>}
              </>
            ) : (
              'Chưa có'
            ),
          ],
        ]}
      />
      {d && (
        <section className="directive" aria-labelledby="directive-title">
          <h4 id="directive-title">Ý kiến chỉ đạo (bút phê)</h4>
          <p className="directive-text">{d.text || '(không ghi ý kiến)'}</p>
          <Facts
            rows={[
              ['Chủ trì', namesOf(view, [d.lead])],
              ['Phối hợp', d.cooperating.length > 0 ? namesOf(view, d.cooperating) : 'Không'],
              ['Hạn xử lý', formatDay(d.deadline)],
            ]}
          />
        </section>
      )}
      {mayDirect && !ops.readOnly && !writing && (
        <div className="toolbar">
          <button type="button" className="primary" aria-expanded={false} onClick={() => setWriting(true)}>
            {d && doc.status !== 'cho_xu_ly' ? 'Điều chỉnh bút phê' : 'Bút phê'}
          </button>
        </div>
      )}
      {writing && <DirectiveForm doc={doc} ops={ops} onDone={() => setWriting(false)} />}
      <PdfPane doc={doc} version={doc.fileId} />
      <HistoryTable doc={doc} view={view} />
    </article>
  );
}
