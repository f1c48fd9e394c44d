import { Button, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SO_GROUPS, UNIT_LEVELS } from '../../../contracts/domain';
import { DateInput } from '../../ui/DateInput';
import { fromIso, toIso } from '../../ui/dates';
import { FilterBar, FilterField, FilterSelect } from '../../ui/FilterBar';
import { SearchBox } from '../../ui/SearchBox';
import type { UnitFilters, UnitStatus } from './api';

const STATUSES: UnitStatus[] = ['active', 'retired', 'all'];
const STATUS_KEYS = {
  active: 'units.statusActive',
  retired: 'units.statusRetired',
  all: 'units.statusAll',
} as const;

/** Search box and filters of the unit list. */
export function UnitFilterBar({
  value,
  onChange,
}: {
  value: UnitFilters;
  onChange: (next: UnitFilters) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<UnitFilters>) => onChange({ ...value, ...patch });
  const hasFilters = Boolean(
    value.q || value.level || value.groupNo || value.validOn || (value.status ?? 'active') !== 'active',
  );

  return (
    <FilterBar
      label={t('units.searchLabel')}
      search={
        <SearchBox
          id="unit-search"
          label={t('units.searchLabel')}
          placeholder={t('units.searchPlaceholder')}
          value={value.q}
          onSearch={(q) => set({ q })}
        />
      }
    >
      <FilterSelect
        id="unit-level"
        label={t('units.level')}
        value={value.level}
        onChange={(level) => set({ level, groupNo: level === 'so' ? value.groupNo : undefined })}
        options={UNIT_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
      />
      <FilterSelect
        id="unit-group"
        label={t('units.group')}
        value={value.groupNo}
        onChange={(groupNo) => set({ groupNo })}
        options={SO_GROUPS.map((n) => ({ value: n, label: t('units.groupN', { n }) }))}
      />
      <FilterSelect
        id="unit-status"
        label={t('units.status')}
        clearable={false}
        value={value.status ?? 'active'}
        onChange={(status) => set({ status })}
        options={STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
      />
      <FilterField id="unit-valid-on" label={t('units.validOn')}>
        <DateInput
          id="unit-valid-on"
          value={fromIso(value.validOn)}
          onChange={(d: Dayjs | null) => set({ validOn: toIso(d) ?? undefined })}
        />
      </FilterField>
      <div className="filter-button">
        <Form.Item>
          <Button disabled={!hasFilters} onClick={() => onChange({})}>
            {t('units.resetFilters')}
          </Button>
        </Form.Item>
      </div>
    </FilterBar>
  );
}
