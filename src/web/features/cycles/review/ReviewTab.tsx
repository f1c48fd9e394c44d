import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCycleDetail, TReviewAction } from '../../../../contracts/cycles';
import { FilterBar, FilterField, FilterSelect } from '../../../ui/FilterBar';
import { showError, showSuccess } from '../../../ui/feedback';
import { listPagination } from '../../../ui/listParams';
import { SearchBox } from '../../../ui/SearchBox';
import { LoadError } from '../../../ui/StatusPages';
import { UnitSearchSelect } from '../../units/UnitSearchSelect';
import { REVIEW_STATES } from '../domain';
import { type QueueItem, type QueueParams, useBulkAgree, useReview, useReviewQueue } from '../reviewApi';
import type { ReviewState } from '../types';
import { usePillars } from '../usePillars';
import { itemKey, QueueTable } from './QueueTable';
import { type ReviewDialog, ReviewModal } from './ReviewModals';

type Filters = Omit<QueueParams, 'page' | 'pageSize'>;

/** The review queue: filter, agree / adjust / ask for more, or agree with many at once. */
export function ReviewTab({ cycle }: { cycle: TCycleDetail }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const queue = useReviewQueue(cycle.id, { ...filters, ...paging });
  const { pillars } = usePillars(cycle);
  const review = useReview(cycle.id);
  const bulk = useBulkAgree(cycle.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<ReviewDialog>(null);
  const [agreeing, setAgreeing] = useState<string | null>(null);
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const act = (item: QueueItem, action: TReviewAction, onError?: (err: unknown) => void) =>
    review.mutate(
      { unitId: item.unitId, code: item.code, action },
      {
        onSuccess: () => {
          showSuccess(t(`cycles.done_${action.action}`, { code: item.code }));
          setDialog(null);
          setSelected((s) => s.filter((k) => k !== itemKey(item)));
        },
        onError: (err) => (onError ? onError(err) : undefined),
        onSettled: () => setAgreeing(null),
      },
    );
  const agree = (item: QueueItem) => {
    setAgreeing(itemKey(item));
    act(item, { action: 'agree' }, showError);
  };

  const confirmBulk = () =>
    modal.confirm({
      title: t('cycles.bulkAgreeConfirm', { count: selected.length }),
      content: t('cycles.bulkAgreeText'),
      okText: t('cycles.agree'),
      cancelText: t('common.cancel'),
      onOk: () =>
        bulk
          .mutateAsync(
            selected.map((k) => {
              const [unitId = '', code = ''] = k.split('|');
              return { unitId, code };
            }),
          )
          .then((r) => {
            showSuccess(t('cycles.bulkAgreed', { count: r.agreed }));
            setSelected([]);
          })
          .catch(() => undefined),
    });

  return (
    <Flex vertical gap={12}>
      <FilterBar
        label={t('cycles.queueFilters')}
        search={
          <SearchBox
            id="queue-search"
            label={t('cycles.searchIndicator')}
            placeholder={t('cycles.searchIndicatorPlaceholder')}
            value={filters.q}
            onSearch={(q) => set({ q })}
          />
        }
      >
        <FilterField id="queue-unit" label={t('cycles.unit')}>
          <UnitSearchSelect
            id="queue-unit"
            value={filters.unitId ?? null}
            onChange={(v) => set({ unitId: typeof v === 'string' ? v : undefined })}
            placeholder={t('common.all')}
          />
        </FilterField>
        <FilterSelect<string>
          id="queue-pillar"
          label={t('cycles.pillar')}
          value={filters.pillar}
          onChange={(pillar) => set({ pillar })}
          options={pillars.map((p) => ({ value: p.code, label: `${p.code}. ${p.name}` }))}
        />
        <FilterSelect<ReviewState>
          id="queue-review"
          label={t('cycles.reviewState')}
          value={filters.review}
          onChange={(r) => set({ review: r })}
          options={REVIEW_STATES.map((s) => ({ value: s, label: t(`cycles.review_${s}`) }))}
        />
      </FilterBar>
      <Flex gap={8} wrap align="center">
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={selected.length === 0}
          loading={bulk.isPending}
          onClick={confirmBulk}
          data-testid="review-bulk-agree"
        >
          {t('cycles.bulkAgree', { count: selected.length })}
        </Button>
      </Flex>
      {queue.isError ? (
        <LoadError error={queue.error} onRetry={() => queue.refetch()} />
      ) : (
        <QueueTable
          cycleId={cycle.id}
          items={queue.data?.items ?? []}
          loading={queue.isFetching}
          pagination={listPagination(
            queue.data,
            (page, pageSize) => setPaging({ page, pageSize }),
            (total) => t('cycles.queueTotal', { count: total }),
          )}
          selected={selected}
          onSelect={setSelected}
          onAgree={agree}
          onDialog={(kind, item) => setDialog({ kind, item })}
          agreeing={agreeing}
        />
      )}
      <ReviewModal
        key={dialog ? `${dialog.kind}-${itemKey(dialog.item)}` : ''}
        dialog={dialog}
        busy={review.isPending}
        onSubmit={(item, action, onError) => act(item, action, onError)}
        onClose={() => setDialog(null)}
      />
    </Flex>
  );
}
