import { useState } from 'react';
import { DocHeader, Facts, HistoryTable, namesOf, PdfPane } from './DocumentParts';
import { formatDateTime, formatDay } from './format';
import { documentTypeName, STATUS_LABELS } from './labels';
import { ConfirmDialog } from './Modal';
import type { Outgoing } from './office-docs';
import { practiceApi } from './practice-api';
import { SignDialog } from './SignDialog';
import type { PracticeOps } from './use-practice';

interface Props {
  doc: Outgoing;
  ops: PracticeOps;
  onBack: () => void;
}

/** An outgoing document: the draft's PDF, signing, sending it to the văn thư, and once issued its number. */
export function OutgoingDetail({ doc, ops, onBack }: Props) {
  const { view } = ops;
  const [signing, setSigning] = useState(false);
  const [toClerk, setToClerk] = useState(false);
  const off = ops.readOnly || ops.busy;

  const sendToClerk = async () => {
    const r = await ops.call((seq) => practiceApi.sendToClerk(seq, doc.id));
    setToClerk(false);
    if (r) {
      ops.notify({
        kind: 'success',
        text: `Đã chuyển văn thư. Văn bản được cấp số ${r.numberSymbol}, ký số của cơ quan và phát hành.`,
      });
    }
  };

  return (
    <article className="doc" aria-label={`Văn bản đi: ${doc.subject}`}>
      <DocHeader kind={`Văn bản đi · ${documentTypeName(doc.type)}`} subject={doc.subject} onBack={onBack} />
      <Facts
        rows={[
          ['Trạng thái', STATUS_LABELS[doc.status]],
          ['Nơi nhận', namesOf(view, doc.recipients), 'wide'],
          ['Số, ký hiệu', doc.numberSymbol ?? 'Chưa cấp số'],
          ['Ngày ban hành', doc.issuedDate ? formatDay(doc.issuedDate) : '—'],
          [
            'Chữ ký số',
            doc.signatures.length === 0
              ? 'Chưa ký'
              : doc.signatures
                  .map(
                    (s) =>
                      `${s.signerName} (${s.by === 'candidate' ? 'người có thẩm quyền' : 'cơ quan'}) lúc ${formatDateTime(s.at)}`,
                  )
                  .join('; '),
            'wide',
          ],
        ]}
      />
      {!view.closed && doc.status !== 'da_phat_hanh' && (
        <div className="toolbar">
          {doc.status === 'cho_ky' && (
            <button type="button" className="primary" disabled={off} onClick={() => setSigning(true)}>
              Ký số
            </button>
          )}
          {doc.status === 'da_ky' && (
            <button type="button" className="primary" disabled={off} onClick={() => setToClerk(true)}>
              Chuyển văn thư
            </button>
          )}
          {doc.status === 'cho_ky' && view.token.locked && (
            <span className="error">Thiết bị ký số đã bị khóa.</span>
          )}
        </div>
      )}
      <PdfPane doc={doc} version={`${doc.status}-${doc.signatures.length}`} />
      <HistoryTable doc={doc} view={view} />
      {signing && <SignDialog doc={doc} ops={ops} onClose={() => setSigning(false)} />}
      {toClerk && (
        <ConfirmDialog
          title="Chuyển văn thư phát hành?"
          confirmLabel="Chuyển văn thư"
          busy={ops.busy}
          alert={ops.notice?.kind === 'error' ? ops.notice.text : undefined}
          onCancel={() => setToClerk(false)}
          onConfirm={() => void sendToClerk()}
        >
          <p>
            Văn bản “{doc.subject}” đã ký số sẽ được chuyển cho văn thư cơ quan để cấp số, ngày ban hành, ký
            số của cơ quan và phát hành. Sau khi chuyển, bạn không sửa hay ký lại được văn bản này.
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}
