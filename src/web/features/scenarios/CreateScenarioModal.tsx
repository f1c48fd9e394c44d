import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldIssues } from '../../backend/client';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useCreateScenario } from './api';
import { ProblemList } from './ProblemList';
import { JSON_STYLE, parseJson } from './scenarioJson';
import type { TScenarioItem, TScenarioProblem } from './types';

interface Values {
  mode: 'copy' | 'json';
  copyOf?: string;
  code?: string;
  name?: string;
  json?: string;
}

/** Creates a scenario: a copy of an existing one under a new code and name, or a pasted JSON document. */
export function CreateScenarioModal({
  open,
  onClose,
  scenarios,
  copyOf,
}: {
  open: boolean;
  onClose: () => void;
  scenarios: TScenarioItem[];
  /** Opens on the copy of this scenario. */
  copyOf?: { code: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'copy';
  const create = useCreateScenario();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<TScenarioProblem[]>([]);

  const done = (item: TScenarioItem) => {
    showSuccess(t('scenarios.created'));
    onClose();
    navigate(`/contest/scenarios/${item.code}`);
  };
  const failed = (err: unknown) => {
    const list = fieldIssues(err);
    // A pasted document's problems are listed below it; a copy's go under its fields.
    if (mode === 'json' && list.length > 0) setProblems(list);
    else {
      setProblems([]);
      applyFormError(form, err, { fieldFor: (p) => (p === 'code' || p === 'name' ? [p] : null) });
    }
  };
  const submit = (v: Values) => {
    setProblems([]);
    if (v.mode === 'json') {
      const parsed = parseJson(v.json ?? '');
      if (!parsed.ok) {
        setProblems([{ path: '', message: t('scenarios.jsonSyntax', { message: parsed.error }) }]);
        return;
      }
      create.mutate(parsed.value as never, { onSuccess: done, onError: failed });
    } else {
      create.mutate(
        { copyOf: copyOf?.code ?? v.copyOf ?? '', code: (v.code ?? '').trim(), name: (v.name ?? '').trim() },
        { onSuccess: done, onError: failed },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={copyOf ? t('scenarios.copyTitle', { name: copyOf.name }) : t('scenarios.createTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        name="scenario-create"
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          mode: 'copy',
          copyOf: copyOf?.code,
          name: copyOf ? t('scenarios.copyName', { name: copyOf.name }) : undefined,
        }}
      >
        {!copyOf && (
          <Form.Item name="mode">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'copy', label: t('scenarios.createFromCopy') },
                { value: 'json', label: t('scenarios.createFromJson') },
              ]}
            />
          </Form.Item>
        )}
        {mode === 'copy' ? (
          <>
            {!copyOf && (
              <Form.Item
                name="copyOf"
                label={t('scenarios.copyOf')}
                rules={[{ required: true, message: t('scenarios.copyOfRequired') }]}
              >
                <Select
                  options={scenarios.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            )}
            <Form.Item
              name="code"
              label={t('scenarios.code')}
              extra={t('scenarios.codeHint')}
              rules={[{ required: true, whitespace: true, message: t('scenarios.codeRequired') }]}
            >
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('scenarios.name')}
              rules={[{ required: true, whitespace: true, message: t('scenarios.nameRequired') }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="json"
            label={t('scenarios.json')}
            rules={[{ required: true, whitespace: true, message: t('scenarios.jsonRequired') }]}
          >
            <Input.TextArea style={JSON_STYLE} rows={14} spellCheck={false} />
          </Form.Item>
        )}
      </Form>
      <ProblemList problems={problems} />
    </Modal>
  );
}
