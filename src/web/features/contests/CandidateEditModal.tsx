import { Button, Divider, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCandidate, TExamSession } from '../../../contracts/contests';
import { DateInput } from '../../ui/DateInput';
import { fromIso, toIso } from '../../ui/dates';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useAccommodation, useUpdateCandidate } from './api';

interface Values {
  number: string;
  fullName: string;
  birthDate: Dayjs | null;
  position?: string;
  sessionId: string | null;
}

/** Edit a registration; the time accommodation is saved on its own, with a reason for the audit log. */
export function CandidateEditModal({
  contestId,
  candidate,
  sessions,
  onClose,
}: {
  contestId: string;
  candidate: TCandidate;
  sessions: TExamSession[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [extra] = Form.useForm<{ extraMinutes: number; reason?: string }>();
  const update = useUpdateCandidate(contestId, candidate.id);
  const accommodation = useAccommodation(contestId, candidate.id);

  useEffect(() => {
    form.setFieldsValue({
      ...candidate,
      birthDate: fromIso(candidate.birthDate),
      position: candidate.position ?? '',
    });
    extra.setFieldsValue({ extraMinutes: candidate.extraMinutes, reason: '' });
  }, [candidate, form, extra]);

  const submit = (v: Values) =>
    update.mutate(
      {
        number: v.number.trim(),
        fullName: v.fullName,
        birthDate: toIso(v.birthDate),
        position: v.position?.trim() || null,
        sessionId: v.sessionId ?? null,
      },
      {
        onSuccess: () => {
          showSuccess(t('contests.candidateSaved'));
          onClose();
        },
        onError: (err) => applyFormError(form, err),
      },
    );

  const saveExtra = (v: { extraMinutes: number; reason?: string }) =>
    accommodation.mutate(
      { extraMinutes: v.extraMinutes, reason: v.reason?.trim() || undefined },
      {
        onSuccess: () => showSuccess(t('contests.accommodationSaved')),
        onError: (err) => applyFormError(extra, err),
      },
    );

  return (
    <Modal
      open
      title={`${t('contests.editCandidate')}: ${candidate.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="number" label={t('contests.number')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('contests.fullName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="birthDate" label={t('contests.birthDate')} style={{ flex: 1 }}>
            <DateInput />
          </Form.Item>
          <Form.Item name="sessionId" label={t('contests.session')} style={{ flex: 1 }}>
            <Select
              allowClear
              placeholder={t('contests.noSession')}
              options={sessions.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="position" label={t('contests.position')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('contests.unit')}>
          <Input value={candidate.unitName} disabled />
        </Form.Item>
      </Form>
      <Divider style={{ margin: '8px 0 16px' }} />
      <Form form={extra} layout="vertical" onFinish={saveExtra}>
        <Flex gap={12} align="end" wrap>
          <Form.Item name="extraMinutes" label={t('contests.accommodation')} rules={[{ required: true }]}>
            <InputNumber min={0} max={120} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('contests.accommodationReason')}
            style={{ flex: 1, minWidth: 180 }}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={accommodation.isPending}>
              {t('contests.saveAccommodation')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
