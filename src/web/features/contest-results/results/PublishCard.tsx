import { Alert, App, Button, Checkbox, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TContestResults } from '../../../../contracts/contest-results';
import { formatDateTime } from '../../../ui/dates';
import { showError, showSuccess } from '../../../ui/feedback';
import { usePublishResults, useWithdrawResults } from '../api';

/** Publication to candidates: its state, and for organisers publish (confirmed) or withdraw (with a reason). */
export function PublishCard({ data, canWrite }: { data: TContestResults; canWrite: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const publish = usePublishResults(data.contest.id);
  const withdraw = useWithdrawResults(data.contest.id);
  const graded = data.rows.filter((r) => r.state === 'graded').length;

  const confirmPublish = () => {
    let showAnswers: 'none' | 'own' = data.publication?.showAnswers ?? 'none';
    modal.confirm({
      title: t('contestResults.publishTitle'),
      content: (
        <Flex vertical gap={12}>
          <span>{t('contestResults.publishBody', { graded })}</span>
          <Checkbox
            defaultChecked={showAnswers === 'own'}
            onChange={(e) => {
              showAnswers = e.target.checked ? 'own' : 'none';
            }}
          >
            {t('contestResults.showAnswers')}
          </Checkbox>
        </Flex>
      ),
      okText: t('contestResults.publish'),
      cancelText: t('contestResults.cancel'),
      onOk: () =>
        publish
          .mutateAsync(showAnswers)
          .then(() => showSuccess(t('contestResults.publishOk')))
          .catch(showError),
    });
  };

  const confirmWithdraw = () => {
    let reason = '';
    modal.confirm({
      title: t('contestResults.withdrawTitle'),
      content: <WithdrawReason onChange={(v) => (reason = v)} />,
      okText: t('contestResults.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('contestResults.cancel'),
      onOk: () =>
        withdraw
          .mutateAsync(reason)
          .then(() => showSuccess(t('contestResults.withdrawOk')))
          .catch((e) => {
            showError(e);
            throw e;
          }),
    });
  };

  const pub = data.publication;
  return (
    <Alert
      type={pub ? 'success' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        pub
          ? t('contestResults.published', { date: formatDateTime(pub.publishedAt) })
          : t('contestResults.notPublished')
      }
      description={
        <Flex vertical gap={8}>
          {pub && (
            <Typography.Text>
              {pub.showAnswers === 'own'
                ? t('contestResults.publishedAnswers')
                : t('contestResults.publishedNoAnswers')}
            </Typography.Text>
          )}
          {!data.canPublish && (
            <Typography.Text>{t('contestResults.cannotPublish', data.blockers)}</Typography.Text>
          )}
          {canWrite && (
            <Flex gap={8} wrap>
              <Button type={pub ? 'default' : 'primary'} disabled={!data.canPublish} onClick={confirmPublish}>
                {pub ? t('contestResults.republish') : t('contestResults.publish')}
              </Button>
              {pub && (
                <Button danger onClick={confirmWithdraw}>
                  {t('contestResults.withdraw')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
      }
    />
  );
}

function WithdrawReason({ onChange }: { onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <Flex vertical gap={8}>
      <span>{t('contestResults.withdrawBody')}</span>
      <Input.TextArea
        aria-label={t('contestResults.withdrawReason')}
        value={value}
        maxLength={500}
        rows={3}
        onChange={(e) => {
          setValue(e.target.value);
          onChange(e.target.value);
        }}
      />
    </Flex>
  );
}
