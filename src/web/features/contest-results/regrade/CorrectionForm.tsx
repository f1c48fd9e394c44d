import { Alert, Button, Checkbox, Col, Flex, Input, Modal, Radio, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TContestQuestion,
  TCorrection,
  TRegradeOutcome,
} from '../../../../contracts/contest-results-items';
import { showError, showSuccess } from '../../../ui/feedback';
import { letterAt } from '../items/format';
import { useRegrade } from './api';
import { DiffTable } from './DiffTable';

type Mode = TCorrection['mode'];

/** Choose a correction, preview its diff (a dry run, nothing written), then confirm it with a reason. */
export function CorrectionForm({
  contestId,
  question,
  aside,
}: {
  contestId: string;
  question: TContestQuestion;
  /** The question as it stands, beside the form. */
  aside: React.ReactNode;
}) {
  const { t } = useTranslation();
  const regrade = useRegrade(contestId);
  const [mode, setMode] = useState<Mode>('key');
  const [keys, setKeys] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<{ outcome: TRegradeOutcome; request: string } | null>(null);
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    setMode('key');
    setKeys(question.options.filter((o) => o.correct).map((o) => o.key));
    setReason('');
    setPreview(null);
    setTouched(false);
  }, [question]);

  const correction: TCorrection = mode === 'key' ? { mode, correct: keys } : { mode };
  const request = JSON.stringify({ versionId: question.versionId, correction });
  const keyMissing = mode === 'key' && keys.length === 0;
  const modes: Mode[] = [
    'key',
    'drop_credit',
    'drop_remove',
    ...(question.override ? (['restore'] as const) : []),
  ];

  const runPreview = () =>
    regrade.mutate(
      { versionId: question.versionId, correction, reason: '', dryRun: true },
      { onSuccess: (outcome) => setPreview({ outcome, request }), onError: showError },
    );
  const confirm = () => {
    setTouched(true);
    if (!reason.trim() || !preview) return;
    Modal.confirm({
      title: t('contestResultsItems.confirmTitle', { n: preview.outcome.changedCount }),
      content: t('contestResultsItems.confirmBody'),
      okText: t('contestResultsItems.confirm'),
      onOk: () =>
        regrade
          .mutateAsync({ versionId: question.versionId, correction, reason, dryRun: false })
          .then((out) => {
            showSuccess(t('contestResultsItems.done', { changed: out.changedCount }));
            setPreview(null);
            setReason('');
            setTouched(false);
          }, showError),
    });
  };
  const fresh = preview && preview.request === request ? preview.outcome : null;

  const form = (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text strong id="regrade-mode">
          {t('contestResultsItems.correction')}
        </Typography.Text>
        <Radio.Group
          aria-labelledby="regrade-mode"
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          style={{ display: 'block', marginTop: 6 }}
        >
          <Space direction="vertical">
            {modes.map((m) => (
              <Radio key={m} value={m}>
                {t(`contestResultsItems.mode_${m}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
          {t(`contestResultsItems.modeHelp_${mode}`)}
        </Typography.Paragraph>
      </div>
      {mode === 'key' && (
        <div>
          <Typography.Text strong id="regrade-keys">
            {t('contestResultsItems.newKey')}
          </Typography.Text>
          <Checkbox.Group
            aria-labelledby="regrade-keys"
            value={keys}
            onChange={(v) => setKeys(v as string[])}
            style={{ display: 'block', marginTop: 6 }}
          >
            <Space direction="vertical">
              {question.options.map((o, i) => (
                <Checkbox key={o.key} value={o.key}>
                  {letterAt(i)}. {o.text}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
          {keyMissing && (
            <Typography.Text type="danger">{t('contestResultsItems.keyRequired')}</Typography.Text>
          )}
        </div>
      )}
      <div>
        <label htmlFor="regrade-reason">
          <Typography.Text strong>{t('contestResultsItems.reason')}</Typography.Text>
        </label>
        <Input.TextArea
          id="regrade-reason"
          value={reason}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('contestResultsItems.reasonPlaceholder')}
          status={touched && !reason.trim() ? 'error' : undefined}
          onChange={(e) => setReason(e.target.value)}
          style={{ marginTop: 6 }}
        />
        {touched && !reason.trim() && (
          <Typography.Text type="danger">{t('contestResultsItems.reasonRequired')}</Typography.Text>
        )}
      </div>
      <Flex gap={8} wrap>
        <Button onClick={runPreview} loading={regrade.isPending && !fresh} disabled={keyMissing}>
          {t('contestResultsItems.preview')}
        </Button>
        <Button
          type="primary"
          danger
          onClick={confirm}
          disabled={!fresh || keyMissing}
          loading={regrade.isPending && Boolean(fresh)}
        >
          {t('contestResultsItems.confirm')}
        </Button>
      </Flex>
    </Flex>
  );
  return (
    <Flex vertical gap={16}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={11}>
          {aside}
        </Col>
        <Col xs={24} lg={13}>
          {form}
        </Col>
      </Row>
      {fresh && (
        <div>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            message={t('contestResultsItems.previewTitle', {
              changed: fresh.changedCount,
              checked: fresh.checkedCount,
            })}
            description={t('contestResultsItems.previewNote')}
          />
          <DiffTable diff={fresh.diff} />
        </div>
      )}
    </Flex>
  );
}
