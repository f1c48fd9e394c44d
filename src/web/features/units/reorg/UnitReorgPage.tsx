import { Alert, Breadcrumb, Button, Card, Flex, Form, Radio, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TUnit } from '../../../../contracts/units';
import { fieldIssues } from '../../../backend/client';
import { errorText, showSuccess } from '../../../ui/feedback';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useMergeUnits, useSplitUnit } from '../api';
import { ChooseStep, DateStep, DescribeStep } from './ReorgSteps';
import { ReviewStep } from './ReviewStep';
import { type ReorgMode, type ReorgValues, toMergeRequest, toSplitRequest } from './reorgValues';

/** Wizard: choose units → describe the new unit(s) → effective date → review and confirm. */
export function UnitReorgPage() {
  const { t } = useTranslation();
  usePageTitle(t('reorg.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const mode: ReorgMode = params.get('mode') === 'split' ? 'split' : 'merge';
  const [form] = Form.useForm<ReorgValues>();
  const [step, setStep] = useState(0);
  const [picked, setPicked] = useState<TUnit[]>([]);
  const merge = useMergeUnits();
  const split = useSplitUnit();
  const pending = merge.isPending || split.isPending;
  const error = merge.error ?? split.error;

  const switchMode = (next: ReorgMode) => {
    form.resetFields();
    setPicked([]);
    setStep(0);
    merge.reset();
    split.reset();
    setParams(next === 'split' ? { mode: 'split' } : {}, { replace: true });
  };

  // Called by the form's submit once the current step's fields are valid.
  const next = () => {
    if (step === 0) {
      const levels = new Set(picked.map((u) => u.level));
      if (mode === 'merge' && levels.size > 1) {
        form.setFields([{ name: 'predecessorIds', errors: [t('reorg.chooseSameLevel')] }]);
        return;
      }
      const level = picked[0]?.level;
      if (mode === 'merge' && !form.getFieldValue(['successor', 'level']))
        form.setFieldValue('successor', { level });
      if (mode === 'split' && !form.getFieldValue('successors'))
        form.setFieldValue('successors', [{ level }, { level }]);
    }
    setStep(step + 1);
  };

  // getFieldsValue(true) includes the fields of the steps that are no longer on screen.
  const values: ReorgValues = step === 3 ? form.getFieldsValue(true) : {};
  const submit = () => {
    if (mode === 'merge') {
      merge.mutate(toMergeRequest(values), {
        onSuccess: (unit) => {
          showSuccess(t('reorg.merged', { name: unit.name }));
          navigate(`/units/${unit.id}`);
        },
      });
    } else if (values.sourceId) {
      const sourceId = values.sourceId;
      split.mutate(
        { id: sourceId, body: toSplitRequest(values) },
        {
          onSuccess: (res) => {
            showSuccess(t('reorg.splitDone', { count: res.items.length }));
            navigate(`/units/${sourceId}`);
          },
        },
      );
    }
  };

  const request = mode === 'merge' ? toMergeRequest(values) : toSplitRequest(values);
  const newUnits = 'successor' in request ? [request.successor] : request.successors;

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/units">{t('units.title')}</Link> }, { title: t('reorg.title') }]}
      />
      <h1 className="page-title" style={{ marginBottom: 16 }}>
        {t('reorg.title')}
      </h1>
      <Card>
        <Flex vertical gap={16}>
          <Radio.Group
            aria-label={t('reorg.mode')}
            optionType="button"
            buttonStyle="solid"
            value={mode}
            onChange={(e) => switchMode(e.target.value as ReorgMode)}
            options={[
              { value: 'merge', label: t('reorg.merge') },
              { value: 'split', label: t('reorg.split') },
            ]}
          />
          <Typography.Paragraph style={{ margin: 0 }}>
            {mode === 'merge' ? t('reorg.mergeHelp') : t('reorg.splitHelp')}
          </Typography.Paragraph>
          <Steps
            current={step}
            items={[
              t('reorg.stepChoose'),
              t('reorg.stepDescribe'),
              t('reorg.stepDate'),
              t('reorg.stepReview'),
            ].map((title) => ({ title }))}
          />
          <Form<ReorgValues> form={form} name="reorg" layout="vertical" onFinish={step === 3 ? submit : next}>
            {step === 0 && <ChooseStep mode={mode} onPick={setPicked} />}
            {step === 1 && <DescribeStep mode={mode} form={form} />}
            {step === 2 && <DateStep form={form} />}
            {step === 3 && (
              <ReviewStep oldUnits={picked} newUnits={newUnits} effectiveDate={request.effectiveDate} />
            )}
            {step === 3 && error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginTop: 16 }}
                title={errorText(error)}
                description={
                  fieldIssues(error).length > 0 && (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {fieldIssues(error).map((i) => (
                        <li key={`${i.path}:${i.message}`}>{i.message}</li>
                      ))}
                    </ul>
                  )
                }
              />
            )}
            <Flex gap={8} style={{ marginTop: 24 }} wrap>
              {step > 0 && (
                <Button onClick={() => setStep(step - 1)} disabled={pending}>
                  {t('common.back')}
                </Button>
              )}
              <Button type="primary" htmlType="submit" loading={pending}>
                {step < 3
                  ? t('common.next')
                  : mode === 'merge'
                    ? t('reorg.submitMerge')
                    : t('reorg.submitSplit')}
              </Button>
            </Flex>
          </Form>
        </Flex>
      </Card>
    </div>
  );
}
