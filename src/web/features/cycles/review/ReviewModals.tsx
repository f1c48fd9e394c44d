import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TReviewAction } from '../../../../contracts/cycles';
import { applyFormError } from '../../../ui/formErrors';
import { DATE_TIME_FORMAT, formatPoints, toVnInstant } from '../domain';
import type { QueueItem } from '../reviewApi';

export type ReviewDialog = { kind: 'adjust' | 'request'; item: QueueItem } | null;

interface Values {
  points?: number;
  reason?: string;
  comment?: string;
  deadline?: Dayjs;
}

/** "Điều chỉnh" (appraised points and why) or "Yêu cầu bổ sung" (what is missing and by when). */
export function ReviewModal({
  dialog,
  busy,
  onSubmit,
  onClose,
}: {
  dialog: ReviewDialog;
  busy: boolean;
  onSubmit: (item: QueueItem, action: TReviewAction, onError: (err: unknown) => void) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const item = dialog?.item;
  const adjust = dialog?.kind === 'adjust';
  const max = item?.maxPoints ?? 0;
  const vi = !i18n.language.startsWith('en');
  const names = item ? { code: item.code, unit: item.unitName } : {};

  const submit = (v: Values) => {
    if (!item) return;
    const action: TReviewAction = adjust
      ? { action: 'adjust', points: v.points ?? 0, reason: (v.reason ?? '').trim() }
      : {
          action: 'request',
          comment: (v.comment ?? '').trim(),
          deadline: toVnInstant(v.deadline ?? dayjs()),
        };
    onSubmit(item, action, (err) => applyFormError(form, err));
  };

  return (
    <Modal
      open={Boolean(dialog)}
      title={adjust ? t('cycles.adjustTitle', names) : t('cycles.requestTitle', names)}
      okText={adjust ? t('cycles.adjust') : t('cycles.requestSend')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {item && (
        <p style={{ marginTop: 0 }}>
          <strong>{item.name}</strong>
          <br />
          {t('cycles.selfOf', {
            points: formatPoints(item.selfPoints, i18n.language),
            max: formatPoints(max, i18n.language),
          })}
        </p>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          points: item?.appraisedPoints ?? item?.selfPoints ?? undefined,
          deadline: dayjs().add(7, 'day').hour(17).minute(0).second(0),
        }}
      >
        {adjust ? (
          <>
            <Form.Item
              name="points"
              label={t('cycles.adjustPoints', { max: formatPoints(max, i18n.language) })}
              htmlFor="review-points"
              rules={[
                {
                  required: true,
                  type: 'number',
                  min: 0,
                  max,
                  message: t('cycles.adjustPointsRequired', { max: formatPoints(max, i18n.language) }),
                },
              ]}
            >
              <InputNumber
                id="review-points"
                min={0}
                max={max}
                step={0.25}
                decimalSeparator={vi ? ',' : '.'}
                style={{ width: 160 }}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('cycles.reason')}
              htmlFor="review-reason"
              rules={[{ required: true, whitespace: true, min: 3, message: t('cycles.reasonRequired') }]}
            >
              <Input.TextArea id="review-reason" rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="comment"
              label={t('cycles.requestComment')}
              htmlFor="review-comment"
              rules={[
                { required: true, whitespace: true, min: 3, message: t('cycles.requestCommentRequired') },
              ]}
            >
              <Input.TextArea id="review-comment" rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name="deadline"
              label={t('cycles.requestDeadline')}
              htmlFor="review-deadline"
              rules={[{ required: true, message: t('cycles.requestDeadlineRequired') }]}
            >
              <DatePicker
                id="review-deadline"
                showTime={{ format: 'HH:mm' }}
                format={DATE_TIME_FORMAT}
                style={{ width: '100%', maxWidth: 240 }}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
