import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPEAL_TEXT_MAX, type TAppealDecisionRequest } from '../../../../contracts/contest-results-appeals';
import type { TAppealDetail } from '../../../../contracts/contest-results-appeals-detail';
import { formatDateTime } from '../../../ui/dates';
import { showSuccess } from '../../../ui/feedback';
import { applyFormError } from '../../../ui/formErrors';
import { useDecideAppeal } from './api';
import { formatPoints, formatSigned, sectionKey } from './format';

interface Values {
  decision: 'accepted' | 'rejected';
  reason: string;
  adjust?: boolean;
  section?: 'theory' | 'practice';
  points?: number;
}

interface DiffEntry {
  before?: { total?: number | null };
  after?: { total?: number | null };
}

/** The decision: shown when made; otherwise the form (reason required; points optional on acceptance). */
export function AppealDecision({ detail }: { detail: TAppealDetail }) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decide = useDecideAppeal(detail.appeal.id);
  const decision = Form.useWatch('decision', form);
  const adjust = Form.useWatch('adjust', form);
  const a = detail.appeal;
  const pts = (n: number) => formatPoints(n, i18n.language);

  if (a.status !== 'open') {
    return (
      <Card size="small" title={t('contestResultsAppeals.decision')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 's',
              label: t('contestResultsAppeals.status'),
              children: t(`contestResultsAppeals.status_${a.status}`),
            },
            { key: 'r', label: t('contestResultsAppeals.decisionReason'), children: a.decisionReason },
            ...(a.adjustment
              ? [
                  {
                    key: 'a',
                    label: t('contestResultsAppeals.adjust'),
                    children: `${t(sectionKey(a.adjustment.section))} ${formatSigned(a.adjustment.points, i18n.language)}`,
                  },
                ]
              : []),
            {
              key: 'b',
              label: t('contestResultsAppeals.decidedBy'),
              children: `${a.decidedByName ?? '—'} · ${formatDateTime(a.decidedAt)}`,
            },
          ]}
        />
      </Card>
    );
  }

  const send = (v: Values) => {
    const body: TAppealDecisionRequest = {
      decision: v.decision,
      reason: v.reason,
      adjustment:
        v.decision === 'accepted' && v.adjust && v.section && v.points
          ? { section: v.section, points: v.points }
          : null,
    };
    const content = body.adjustment
      ? t('contestResultsAppeals.confirmAccept', {
          section: t(sectionKey(body.adjustment.section)).toLowerCase(),
          points: formatSigned(body.adjustment.points, i18n.language),
        })
      : t(
          body.decision === 'accepted'
            ? 'contestResultsAppeals.confirmAcceptPlain'
            : 'contestResultsAppeals.confirmReject',
        );
    modal.confirm({
      title: t('contestResultsAppeals.decide'),
      content,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        decide
          .mutateAsync(body)
          .then((r) => {
            const entry = r.regrade?.diff[0] as DiffEntry | undefined;
            showSuccess(
              entry?.before?.total != null && entry.after?.total != null
                ? t('contestResultsAppeals.recomputed', {
                    before: pts(entry.before.total),
                    after: pts(entry.after.total),
                  })
                : t('contestResultsAppeals.decided'),
            );
          })
          .catch((err) => applyFormError(form, err)),
    });
  };

  return (
    <Card size="small" title={t('contestResultsAppeals.decide')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={send}
        initialValues={{ decision: 'rejected', section: 'theory' }}
      >
        <Form.Item name="decision" label={t('contestResultsAppeals.decision')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'rejected', label: t('contestResultsAppeals.reject') },
              { value: 'accepted', label: t('contestResultsAppeals.accept') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('contestResultsAppeals.reason')}
          rules={[{ required: true, whitespace: true, message: t('contestResultsAppeals.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={APPEAL_TEXT_MAX} showCount />
        </Form.Item>
        {decision === 'accepted' && (
          <Form.Item name="adjust" valuePropName="checked">
            <Checkbox>{t('contestResultsAppeals.adjust')}</Checkbox>
          </Form.Item>
        )}
        {decision === 'accepted' && adjust && (
          <>
            <Form.Item name="section" label={t('contestResultsAppeals.adjustSection')}>
              <Radio.Group
                optionType="button"
                options={(detail.sectionMax.practice > 0
                  ? (['theory', 'practice'] as const)
                  : (['theory'] as const)
                ).map((s) => ({ value: s, label: t(sectionKey(s)) }))}
              />
            </Form.Item>
            <Form.Item
              name="points"
              label={t('contestResultsAppeals.adjustPoints')}
              rules={[
                {
                  required: true,
                  validator: (_r, v) =>
                    typeof v === 'number' && v !== 0
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('contestResultsAppeals.adjustPointsRequired'))),
                },
              ]}
            >
              <InputNumber
                step={0.5}
                decimalSeparator={i18n.language.startsWith('en') ? '.' : ','}
                style={{ width: 160 }}
              />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={decide.isPending}>
          {t('contestResultsAppeals.decide')}
        </Button>
      </Form>
    </Card>
  );
}
