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
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFrameworkDetail } from '../../../contracts/frameworks';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useUpdateMeta } from './api';
import { BandFields, GroupFields } from './MetaListFields';
import { type MetaValues, metaPatch, metaValues } from './meta-form';

const full = { style: { width: '100%' } } as const;
const FIELDS_WITH_ITEMS = new Set(['name', 'source', 'nominalMax']);

/** The set's metadata and scoring policy (code, year and level are fixed once created). */
export function FrameworkMetaDrawer({
  version,
  open,
  readOnly,
  onClose,
}: {
  version: TFrameworkDetail;
  open: boolean;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<MetaValues>();
  const save = useUpdateMeta(version.id);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(metaValues(version.document));
    }
  }, [open, version.document, form]);

  const submit = (v: MetaValues) =>
    save.mutate(metaPatch(v), {
      onSuccess: () => {
        showSuccess(t('frameworks.metaSaved'));
        onClose();
      },
      onError: (err) =>
        applyFormError(form, err, { fieldFor: (p) => (FIELDS_WITH_ITEMS.has(p) ? [p] : null) }),
    });

  // A duplicate is an error on both rows: fixing one row must clear the other's message too.
  const recheckLists = (changed: Partial<MetaValues>) => {
    if (!changed.groups && !changed.policy?.bands) return;
    const names = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0 && (f.name[0] === 'groups' || f.name[1] === 'bands'))
      .map((f) => f.name);
    if (names.length > 0) form.validateFields(names).catch(() => undefined);
  };

  const choice = <T extends string>(values: readonly T[], label: (v: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('frameworks.metaTitle')}
      size={screens.md ? 720 : '100%'}
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
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('frameworks.metaReadOnly')} />
      )}
      <Typography.Paragraph type="secondary">
        {t('frameworks.metaFixed', {
          code: version.code,
          year: version.year,
          level: t(`frameworks.level_${version.level}`).toLowerCase(),
        })}
      </Typography.Paragraph>
      <Form<MetaValues>
        form={form}
        name="framework-meta"
        layout="vertical"
        onFinish={submit}
        onValuesChange={recheckLists}
        disabled={readOnly}
        scrollToFirstError
      >
        <Form.Item
          label={t('frameworks.name')}
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, message: t('frameworks.nameRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
        </Form.Item>
        <Form.Item label={t('frameworks.source')} name="source">
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={500}
            showCount
            placeholder={t('frameworks.sourcePlaceholder')}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.nominalMax')}
              name="nominalMax"
              extra={t('frameworks.nominalMaxHelp')}
              rules={[
                { required: true, message: t('frameworks.nominalMaxRequired') },
                { type: 'number', min: 0.000001, message: t('frameworks.nominalMaxRequired') },
              ]}
            >
              <InputNumber {...full} min={0} max={100_000} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.illustrative')}
              name="illustrative"
              valuePropName="checked"
              extra={t('frameworks.illustrativeSwitchHelp')}
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('frameworks.groupsSection')}</Divider>
        <GroupFields form={form} disabled={readOnly} />
        <Divider titlePlacement="start">{t('frameworks.policySection')}</Divider>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.policyNa')}
              name={['policy', 'notApplicable']}
              rules={[{ required: true }]}
            >
              <Select
                options={choice(['rescale', 'rank_separately'] as const, (v) => t(`frameworks.na_${v}`))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.policyMissing')}
              name={['policy', 'missing']}
              rules={[{ required: true }]}
            >
              <Select
                options={choice(['zero', 'not_applicable'] as const, (v) => t(`frameworks.missing_${v}`))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.roundingDecimals')}
              name={['policy', 'rounding', 'decimals']}
              rules={[
                { required: true, message: t('frameworks.decimalsInvalid') },
                { type: 'integer', min: 0, max: 6, message: t('frameworks.decimalsInvalid') },
              ]}
            >
              <InputNumber {...full} min={0} max={6} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('frameworks.roundingMode')}
              name={['policy', 'rounding', 'mode']}
              rules={[{ required: true }]}
            >
              <Select
                options={choice(['half_up', 'half_even', 'none'] as const, (v) => t(`frameworks.round_${v}`))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('frameworks.bandsSection')}</Divider>
        <BandFields form={form} disabled={readOnly} />
      </Form>
    </Drawer>
  );
}
