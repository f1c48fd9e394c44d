import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SO_GROUPS, UNIT_LEVELS } from '../../../contracts/domain';
import { DateInput } from '../../ui/DateInput';
import { fromIso, toIso } from '../../ui/dates';
import { useDebouncedCallback } from '../../ui/useDebouncedCallback';
import type { UnitFilters, UnitStatus } from './api';

const STATUSES: UnitStatus[] = ['active', 'retired', 'all'];
const STATUS_KEYS = {
  active: 'units.statusActive',
  retired: 'units.statusRetired',
  all: 'units.statusAll',
} as const;

/** Search box (debounced) and filters of the unit list. */
export function UnitFilterBar({
  value,
  onChange,
}: {
  value: UnitFilters;
  onChange: (next: UnitFilters) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.q ?? '');
  const [shownQ, setShownQ] = useState(value.q);
  // The URL changed from outside (back button, "clear filters"): show its search text.
  if (value.q !== shownQ) {
    setShownQ(value.q);
    if ((value.q ?? '') !== text.trim()) setText(value.q ?? '');
  }
  const pushText = useDebouncedCallback((q: string) => {
    if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined });
  }, 350);

  const set = (patch: Partial<UnitFilters>) => onChange({ ...value, ...patch });
  const hasFilters = Boolean(
    value.q || value.level || value.groupNo || value.validOn || (value.status ?? 'active') !== 'active',
  );

  return (
    <Form
      layout="vertical"
      role="search"
      aria-label={t('units.searchLabel')}
      onFinish={() => set({ q: text.trim() || undefined })}
    >
      <div className="filter-bar">
        <div className="filter-wide">
          <Form.Item label={t('units.searchLabel')} htmlFor="unit-search">
            <Input
              id="unit-search"
              type="search"
              allowClear
              prefix={<SearchOutlined aria-hidden />}
              placeholder={t('units.searchPlaceholder')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                pushText(e.target.value.trim());
              }}
            />
          </Form.Item>
        </div>
        <div>
          <Form.Item label={t('units.level')} htmlFor="unit-level">
            <Select
              id="unit-level"
              allowClear
              placeholder={t('common.all')}
              value={value.level}
              onChange={(level) => set({ level, groupNo: level === 'so' ? value.groupNo : undefined })}
              options={UNIT_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
            />
          </Form.Item>
        </div>
        <div>
          <Form.Item label={t('units.group')} htmlFor="unit-group">
            <Select
              id="unit-group"
              allowClear
              placeholder={t('common.all')}
              value={value.groupNo}
              onChange={(groupNo) => set({ groupNo })}
              options={SO_GROUPS.map((n) => ({ value: n, label: t('units.groupN', { n }) }))}
            />
          </Form.Item>
        </div>
        <div>
          <Form.Item label={t('units.status')} htmlFor="unit-status">
            <Select
              id="unit-status"
              value={value.status ?? 'active'}
              onChange={(status) => set({ status })}
              options={STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
            />
          </Form.Item>
        </div>
        <div>
          <Form.Item label={t('units.validOn')} htmlFor="unit-valid-on">
            <DateInput
              id="unit-valid-on"
              value={fromIso(value.validOn)}
              onChange={(d: Dayjs | null) => set({ validOn: toIso(d) ?? undefined })}
            />
          </Form.Item>
        </div>
        <div className="filter-button">
          <Form.Item>
            <Button
              disabled={!hasFilters}
              onClick={() => {
                setText('');
                onChange({});
              }}
            >
              {t('units.resetFilters')}
            </Button>
          </Form.Item>
        </div>
      </div>
    </Form>
  );
}
