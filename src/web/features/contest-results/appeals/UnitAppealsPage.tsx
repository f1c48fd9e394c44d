import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/dates';
import { LoadError } from '../../../ui/StatusPages';
import { usePageTitle } from '../../../ui/usePageTitle';
import { AppealTable } from './AppealTable';
import { useAppealContests, useAppeals } from './api';
import { FileAppealModal } from './FileAppealModal';

/** A unit's staff: file appeals for the unit's candidates and follow the decisions (the server scopes to the unit). */
export function UnitAppealsPage() {
  const { t } = useTranslation();
  usePageTitle(t('contestResultsAppeals.unitTitle'));
  const contests = useAppealContests();
  const list = contests.data?.items ?? [];
  const [chosen, setChosen] = useState<string | undefined>();
  const contest = list.find((c) => c.id === chosen) ?? list[0];
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [filing, setFiling] = useState(false);
  const appeals = useAppeals(contest?.id ?? '', page, Boolean(contest));
  const windowOpen = contest ? new Date(contest.closesAt).getTime() >= Date.now() : false;

  return (
    <Card title={<h1 className="page-title">{t('contestResultsAppeals.unitTitle')}</h1>}>
      <Typography.Paragraph type="secondary">
        {t('contestResultsAppeals.unitIntro', { days: contests.data?.windowDays ?? 7 })}
      </Typography.Paragraph>
      {contests.isError ? (
        <LoadError error={contests.error} onRetry={() => contests.refetch()} />
      ) : !contests.isLoading && !contest ? (
        <Empty description={t('contestResultsAppeals.noContests')} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={12} wrap align="center" justify="space-between">
            <Flex gap={8} wrap align="center">
              <label htmlFor="appeal-contest">{t('contestResultsAppeals.contest')}</label>
              <Select
                id="appeal-contest"
                style={{ minWidth: 280, maxWidth: '100%' }}
                loading={contests.isLoading}
                value={contest?.id}
                onChange={(v) => {
                  setChosen(v);
                  setPage((p) => ({ ...p, page: 1 }));
                }}
                options={list.map((c) => ({ value: c.id, label: `${c.name} (${c.year})` }))}
              />
            </Flex>
            {contest && windowOpen && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
                {t('contestResultsAppeals.fileNew')}
              </Button>
            )}
          </Flex>
          {contest && (
            <Typography.Text type={windowOpen ? undefined : 'secondary'}>
              {t(windowOpen ? 'contestResultsAppeals.windowUntil' : 'contestResultsAppeals.windowClosed', {
                date: formatDateTime(contest.closesAt),
              })}
            </Typography.Text>
          )}
          {contest &&
            (appeals.isError ? (
              <LoadError error={appeals.error} onRetry={() => appeals.refetch()} />
            ) : (
              <AppealTable
                data={appeals.data}
                loading={appeals.isFetching && !appeals.data}
                filtered={false}
                onPage={(p, pageSize) => setPage({ page: p, pageSize })}
              />
            ))}
        </Flex>
      )}
      {contest && (
        <FileAppealModal
          contestId={contest.id}
          hasPractice={contest.hasPractice}
          open={filing}
          onClose={() => setFiling(false)}
        />
      )}
    </Card>
  );
}
