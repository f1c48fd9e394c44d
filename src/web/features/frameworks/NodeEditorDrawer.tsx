import {
  Alert,
  Button,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAMEWORK_LEVELS, type FrameworkLevel } from '../../../contracts/framework-domain';
import type { TFrameworkNode, TNodePatch, TRule } from '../../../contracts/frameworks';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useSaveNode } from './api';
import { defaultRule, RULE_TYPES, RuleFields } from './RuleFields';
import { RulePreview } from './RulePreview';
import { ruleFromForm } from './rule-form';

export type NodeTarget =
  | { mode: 'edit'; node: TFrameworkNode }
  | { mode: 'add'; parent: TFrameworkNode | null };

const KINDS: TFrameworkNode['kind'][] = ['pillar', 'main', 'component', 'criterion'];

interface Values {
  code: string;
  kind: TFrameworkNode['kind'];
  name: string;
  maxPoints: number;
  method?: string;
  evidence?: string;
  dataSource?: string;
  verifier?: string;
  levels?: FrameworkLevel[];
  groups?: number[];
  mayBeNotApplicable?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: raw rule values of the form, cleaned by ruleFromForm
  rule?: any;
}

function initialValues(target: NodeTarget): Partial<Values> {
  if (target.mode === 'edit') {
    const n = target.node;
    return {
      ...n,
      levels: n.applicability?.levels,
      groups: n.applicability?.groups,
      rule: n.rule ?? undefined,
    };
  }
  const p = target.parent;
  const kind = p ? KINDS[Math.min(KINDS.indexOf(p.kind) + 1, KINDS.length - 1)]! : 'pillar';
  const code = p ? `${p.code}.${(p.children?.length ?? 0) + 1}` : '';
  return { code, kind, maxPoints: 10, rule: kind === 'pillar' ? undefined : { type: 'yes_no' } };
}

/** Edits one node: its fields, its rule and parameters, with a live preview of the rule's points. */
export function NodeEditorDrawer({
  frameworkId,
  level,
  groups,
  target,
  readOnly,
  onClose,
}: {
  frameworkId: string;
  level: FrameworkLevel;
  groups?: { no: number; name: string }[];
  target: NodeTarget | null;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const save = useSaveNode(frameworkId);
  const rawRule = Form.useWatch('rule', form);
  const maxPoints = Form.useWatch('maxPoints', form);
  const hasChildren = target?.mode === 'edit' && (target.node.children?.length ?? 0) > 0;
  const rule = hasChildren ? null : ruleFromForm(rawRule);

  useEffect(() => {
    if (target) {
      form.resetFields();
      form.setFieldsValue(initialValues(target));
    }
  }, [target, form]);

  const submit = (v: Values) => {
    if (!target) return;
    const node: TNodePatch & { parentCode?: string | null } = {
      code: v.code.trim(),
      kind: v.kind,
      name: v.name.trim(),
      maxPoints: v.maxPoints,
      method: v.method,
      evidence: v.evidence,
      dataSource: v.dataSource,
      verifier: v.verifier,
      applicability: { levels: v.levels, groups: v.groups },
      mayBeNotApplicable: v.mayBeNotApplicable ?? false,
      rule: hasChildren ? null : ruleFromForm(v.rule),
    };
    if (target.mode === 'add') node.parentCode = target.parent?.code ?? null;
    save.mutate(
      { code: target.mode === 'edit' ? target.node.code : null, node },
      {
        onSuccess: () => {
          showSuccess(t('frameworks.nodeSaved', { code: node.code }));
          onClose();
        },
        onError: (err) =>
          applyFormError(form, err, {
            codeFields: { conflict: 'code' },
            fieldFor: (p) => {
              const path = p.replace(/^node\./, '');
              return path.startsWith('rule') ? ['rule'] : [path.split('.')[0]!];
            },
          }),
      },
    );
  };

  const title = !target
    ? ''
    : readOnly
      ? t('frameworks.nodeViewTitle')
      : target.mode === 'edit'
        ? t('frameworks.nodeEditTitle', { code: target.node.code })
        : target.parent
          ? t('frameworks.nodeAddUnder', { code: target.parent.code })
          : t('frameworks.nodeAddTop');
  const groupOptions = (
    groups?.length ? groups : level === 'so' ? [1, 2, 3].map((no) => ({ no, name: '' })) : []
  ).map((g) => ({
    value: g.no,
    label: g.name ? `${g.no}. ${g.name}` : t('frameworks.groupN', { n: g.no }),
  }));

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={title}
      size={screens.md ? 760 : '100%'}
      destroyOnHidden
      extra={
        !readOnly && (
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Flex>
        )
      }
    >
      {readOnly && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('frameworks.readOnlyNode')} />
      )}
      <Form<Values>
        form={form}
        name="framework-node"
        layout="vertical"
        onFinish={submit}
        disabled={readOnly}
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <Form.Item
              label={t('frameworks.nodeCode')}
              name="code"
              rules={[{ required: true, message: t('frameworks.required') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label={t('frameworks.nodeKind')} name="kind" rules={[{ required: true }]}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`frameworks.kind_${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item
              label={t('frameworks.maxPoints')}
              name="maxPoints"
              rules={[{ required: true, message: t('frameworks.required') }]}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('frameworks.nodeName')}
          name="name"
          rules={[{ required: true, message: t('frameworks.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item label={t('frameworks.method')} name="method">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('frameworks.evidence')} name="evidence">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('frameworks.dataSource')} name="dataSource">
              <Input />
            </Form.Item>
            <Form.Item label={t('frameworks.verifier')} name="verifier">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item label={t('frameworks.levels')} name="levels" extra={t('frameworks.levelsHelp')}>
              <Select
                mode="multiple"
                allowClear
                options={FRAMEWORK_LEVELS.map((l) => ({ value: l, label: t(`frameworks.level_${l}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('frameworks.groups')} name="groups">
              <Select mode="multiple" allowClear options={groupOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item label={t('frameworks.mayBeNa')} name="mayBeNotApplicable" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('frameworks.ruleSection')}
        </Divider>
        {hasChildren ? (
          <Alert type="info" showIcon title={t('frameworks.parentNoRule')} />
        ) : (
          <>
            <Form.Item
              label={t('frameworks.ruleType')}
              name={['rule', 'type']}
              extra={t('frameworks.ruleTypeHelp')}
            >
              <Select
                allowClear
                options={RULE_TYPES.map((r) => ({ value: r, label: t(`frameworks.rule_${r}`) }))}
                onChange={(type: TRule['type'] | undefined) =>
                  form.setFieldValue(
                    'rule',
                    type ? defaultRule(type, form.getFieldValue('maxPoints') ?? 10) : undefined,
                  )
                }
              />
            </Form.Item>
            <RuleFields type={rawRule?.type} disabled={readOnly} />
            <RulePreview
              key={rule?.type ?? 'none'}
              rule={rule}
              maxPoints={typeof maxPoints === 'number' ? maxPoints : 0}
            />
          </>
        )}
      </Form>
    </Drawer>
  );
}
