import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { foldVietnamese } from '../../../contracts/domain';
import { formatDate } from '../../ui/dates';
import { useHuyenUnits } from './api';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/** Searchable choice of a quận/huyện (retired ones are marked); search ignores diacritics. */
export function ParentSelect({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const huyen = useHuyenUnits();
  const options = (huyen.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.validTo ? `${u.name} ${t('unit.retiredSuffix', { date: formatDate(u.validTo) })}` : u.name,
    search: foldVietnamese(`${u.name} ${u.code}`),
  }));
  return (
    <Select
      id={id}
      allowClear
      showSearch={{
        filterOption: (input, option) => Boolean(option?.search.includes(foldVietnamese(input))),
      }}
      loading={huyen.isLoading}
      placeholder={t('unit.parentPlaceholder')}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
    />
  );
}
