import { useId, useState } from 'react';
import { formatDateTime } from './format';
import { Modal } from './Modal';
import type { Outgoing } from './office-docs';
import { practiceApi } from './practice-api';
import type { PracticeOps } from './use-practice';

interface Props {
  doc: Outgoing;
  ops: PracticeOps;
  onClose: () => void;
}

type Outcome = { kind: 'signed' } | { kind: 'wrong'; attemptsLeft: number } | null;

/**
 * The signing dialog as the VGCA plug-in shows it: the certificate in the token, the PIN, "Ký". Three
 * wrong PINs lock the token for the rest of the exam.
 */
export function SignDialog({ doc, ops, onClose }: Props) {
  const id = useId();
  const { certificate } = ops.view.candidate;
  const locked = ops.view.token.locked;
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const signed = outcome?.kind === 'signed';

  const sign = async () => {
    setError('');
    ops.notify(null);
    if (!pin.trim()) return setError('Nhập mã PIN của thiết bị ký số.');
    const r = await ops.call((seq) => practiceApi.sign(seq, doc.id, pin.trim()));
    setPin('');
    if (!r) return;
    if (r.signed) {
      setOutcome({ kind: 'signed' });
      ops.notify({ kind: 'success', text: `Đã ký số thành công văn bản “${doc.subject}”.` });
    } else setOutcome({ kind: 'wrong', attemptsLeft: r.attemptsLeft });
  };

  return (
    <Modal
      title="Ký số văn bản"
      onClose={onClose}
      busy={ops.busy}
      className="sign-dialog"
      alert={ops.notice && ops.notice.kind !== 'success' ? ops.notice.text : undefined}
    >
      <p className="sign-brand">Dịch vụ ký số chuyên dùng công vụ · Thiết bị lưu khóa bí mật (USB token)</p>
      <p className="sign-doc">Văn bản: {doc.subject}</p>
      {certificate ? (
        <table className="docs cert">
          <caption>Chứng thư số trong thiết bị</caption>
          <thead>
            <tr>
              <th scope="col">Chọn</th>
              <th scope="col">Chủ thể</th>
              <th scope="col">Tổ chức cấp</th>
              <th scope="col">Số hiệu (serial)</th>
              <th scope="col">Hiệu lực đến</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <input type="radio" checked readOnly aria-label={`Chứng thư số của ${certificate.subject}`} />
              </td>
              <td>{certificate.subject}</td>
              <td>{certificate.issuer}</td>
              <td className="serial">{certificate.serial}</td>
              <td className="nowrap">{formatDateTime(certificate.validTo)}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="notice error">Không tìm thấy chứng thư số trong thiết bị. Vui lòng báo giám thị.</p>
      )}
      {signed ? (
        <>
          <p className="notice success" role="status">
            Đã ký số thành công.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} data-autofocus>
              Đóng
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!ops.busy && !locked) void sign();
          }}
        >
          {locked ? (
            <p className="notice error" role="alert">
              Thiết bị ký số đã bị khóa do nhập sai mã PIN quá số lần cho phép. Bạn không thể ký số trong thời
              gian còn lại của bài thi.
            </p>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-pin`}>Mã PIN</label>
              <input
                id={`${id}-pin`}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={32}
                value={pin}
                disabled={ops.readOnly || !certificate}
                onChange={(e) => setPin(e.target.value)}
                data-autofocus
              />
            </div>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {outcome?.kind === 'wrong' && !locked && (
            <p className="error" role="alert">
              Mã PIN không đúng, còn {outcome.attemptsLeft} lần thử.
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={ops.busy}>
              Hủy
            </button>
            <button
              type="submit"
              className="primary"
              disabled={ops.busy || ops.readOnly || locked || !certificate}
            >
              {ops.busy ? 'Đang ký…' : 'Ký'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
