import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_TEXT_MAX, type TAppealSection } from '../../../../contracts/contest-results-appeals';
import { showSuccess } from '../../../ui/feedback';
import { applyFormError } from '../../../ui/formErrors';
import { useDebounced } from '../../../ui/useDebounced';
import { useAppealCandidates, useFileAppeal } from './api';
import { formatPoints, sectionKey } from './format';

interface Values {
  candidateId: string;
  section: TAppealSection;
  text: string;
}

/** A unit's staff (or the organiser on its behalf) files an appeal for one candidate. */
export function FileAppealModal({
  contestId,
  hasPractice,
  open,
  onClose,
}: {
  contestId: string;
  hasPractice: boolean;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const candidates = useAppealCandidates(contestId, q, open);
  const file = useFileAppeal(contestId);
  const sections: TAppealSection[] = hasPractice ? ['theory', 'practice', 'total'] : ['theory', 'total'];
  const submit = (values: Values) =>
    file.mutate(values, {
      onSuccess: () => {
        showSuccess(t('contestResultsAppeals.filed'));
        onClose();
      },
      onError: (err) => applyFormError(form, err),
    });
  return (
    <Modal
      open={open}
      title={t('contestResultsAppeals.fileTitle')}
      okText={t('contestResultsAppeals.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: file.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ section: 'theory' }}>
        <Form.Item
          name="candidateId"
          label={t('contestResultsAppeals.candidate')}
          rules={[{ required: true, message: t('contestResultsAppeals.candidateRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('contestResultsAppeals.candidatePlaceholder')}
            loading={candidates.isFetching}
            options={(candidates.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.number} — ${c.fullName} (${c.unitName}) · ${formatPoints(c.result?.total, i18n.language)}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="section"
          label={t('contestResultsAppeals.section')}
          rules={[{ required: true, message: t('contestResultsAppeals.sectionRequired') }]}
        >
          <Radio.Group
            optionType="button"
            options={sections.map((s) => ({ value: s, label: t(sectionKey(s)) }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('contestResultsAppeals.text')}
          extra={t('contestResultsAppeals.textHelp', { max: APPEAL_TEXT_MAX })}
          rules={[
            { required: true, whitespace: true, message: t('contestResultsAppeals.textRequired') },
            { max: APPEAL_TEXT_MAX },
          ]}
        >
          <Input.TextArea rows={5} maxLength={APPEAL_TEXT_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
