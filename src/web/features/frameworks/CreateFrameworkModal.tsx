import { Alert, Form, Input, InputNumber, Modal, Segmented, Select, Switch, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FRAMEWORK_LEVELS, type FrameworkLevel } from '../../../contracts/framework-domain';
import type { TCreateFramework, TFramework } from '../../../contracts/frameworks';
import { fieldIssues } from '../../backend/client';
import { errorText, showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useCreateFramework } from './api';

interface Values {
  code: string;
  name: string;
  year: number;
  level: FrameworkLevel;
  nominalMax: number;
  illustrative: boolean;
  source?: string;
}

const defaultPolicy = (): TFramework['policy'] => ({
  notApplicable: 'rescale',
  missing: 'zero',
  rounding: { decimals: 2, mode: 'half_up' },
  bands: [],
});

/** A new set: empty from its metadata, or from a JSON file in the documented format. */
export function CreateFrameworkModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'empty' | 'json'>('empty');
  const [doc, setDoc] = useState<{ name: string; body: unknown } | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);
  const create = useCreateFramework();

  const done = (id: string, name: string) => {
    showSuccess(t('frameworks.created', { name }));
    onClose();
    navigate(`/dti/frameworks/${id}`);
  };

  const submit = async () => {
    setFailure(null);
    let body: TCreateFramework;
    if (mode === 'json') {
      if (!doc) return setFailure([t('frameworks.jsonChoose')]);
      body = { document: doc.body as TFramework };
    } else {
      const v = await form.validateFields();
      body = { meta: { ...v, source: v.source?.trim() || undefined, policy: defaultPolicy() } };
    }
    create.mutate(body, {
      onSuccess: (d) => done(d.id, d.name),
      onError: (err) => {
        if (mode === 'empty')
          return applyFormError(form, err, { fieldFor: (p) => [p.replace(/^meta\./, '')] });
        const issues = fieldIssues(err).map((i) => `${i.path}: ${i.message}`);
        setFailure([errorText(err), ...issues.slice(0, 20)]);
      },
    });
  };

  const readFile = (file: File) => {
    setFailure(null);
    file
      .text()
      .then((text) => setDoc({ name: file.name, body: JSON.parse(text) }))
      .catch(() => {
        setDoc(null);
        setFailure([t('frameworks.jsonUnreadable')]);
      });
    return false;
  };

  return (
    <Modal
      open={open}
      title={t('frameworks.createTitle')}
      okText={t('frameworks.createOk')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Segmented
        block
        value={mode}
        onChange={(m) => setMode(m as 'empty' | 'json')}
        options={[
          { value: 'empty', label: t('frameworks.createEmpty') },
          { value: 'json', label: t('frameworks.createJson') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {mode === 'empty' ? (
        <Form<Values>
          form={form}
          layout="vertical"
          name="framework-create"
          initialValues={{
            year: new Date().getFullYear(),
            illustrative: false,
            nominalMax: 100,
            level: 'xa',
          }}
        >
          <Form.Item
            label={t('frameworks.name')}
            name="name"
            rules={[{ required: true, min: 2, message: t('frameworks.nameRequired') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('frameworks.code')}
            name="code"
            extra={t('frameworks.codeHelp')}
            rules={[
              { required: true, pattern: /^[a-z0-9][a-z0-9-]+$/, message: t('frameworks.codeInvalid') },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item label={t('frameworks.year')} name="year" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('frameworks.level')} name="level" rules={[{ required: true }]}>
            <Select
              options={FRAMEWORK_LEVELS.map((l) => ({ value: l, label: t(`frameworks.level_${l}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('frameworks.nominalMax')} name="nominalMax" rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('frameworks.source')} name="source">
            <Input placeholder={t('frameworks.sourcePlaceholder')} />
          </Form.Item>
          <Form.Item label={t('frameworks.illustrative')} name="illustrative" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      ) : (
        <Upload.Dragger
          accept=".json,application/json"
          maxCount={1}
          showUploadList={false}
          beforeUpload={readFile}
        >
          <p style={{ margin: 0 }}>
            {doc ? t('frameworks.fileChosen', { name: doc.name }) : t('frameworks.jsonChoose')}
          </p>
        </Upload.Dragger>
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 16 }}
          title={failure[0]}
          description={failure.length > 1 ? failure.slice(1).map((l) => <div key={l}>{l}</div>) : undefined}
        />
      )}
    </Modal>
  );
}
