import { Select } from 'antd';
import type { LabeledValue } from 'antd/es/select';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '../../../contracts/units';
import { useDebounced } from '../../ui/useDebounced';
import { type UnitStatus, useUnits } from './api';

interface Props {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  status?: UnitStatus;
  /** Labels for ids that may not be in the first page of results (e.g. a user's current unit). */
  knownLabels?: Record<string, string>;
  /** The full units behind the chosen ids (for a review step). */
  onPick?: (units: TUnit[]) => void;
  placeholder?: string;
}

function label(u: TUnit): string {
  return `${u.name} (${u.code})`;
}

/** Searches units on the server as the user types (diacritics optional) and picks one or several. */
export function UnitSearchSelect({
  id,
  value,
  onChange,
  multiple,
  status = 'active',
  knownLabels,
  onPick,
  placeholder,
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const units = useUnits({ q: q || undefined, status, page: 1, pageSize: 30 });
  const seen = useRef(new Map<string, TUnit>());
  for (const u of units.data?.items ?? []) seen.current.set(u.id, u);

  const selected = value == null ? [] : Array.isArray(value) ? value : [value];
  // Until the results match the typed text, Enter must not pick (or unpick) a leftover option.
  const stale = search.trim() !== q || units.isPlaceholderData;
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: label(u), disabled: stale }));
  // Chosen units carry their own labels (labelInValue), so they need not be among the search results.
  const labelled = selected.map((sid) => {
    const u = seen.current.get(sid);
    return { value: sid, label: u ? label(u) : (knownLabels?.[sid] ?? sid) };
  });

  const change = (next: LabeledValue | LabeledValue[] | undefined) => {
    const ids = next == null ? [] : (Array.isArray(next) ? next : [next]).map((v) => String(v.value));
    onPick?.(ids.map((i) => seen.current.get(i)).filter((u): u is TUnit => Boolean(u)));
    onChange?.(multiple ? ids : (ids[0] ?? null));
    setSearch('');
  };

  return (
    <Select<LabeledValue | LabeledValue[]>
      id={id}
      labelInValue
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={units.isFetching}
      placeholder={placeholder ?? t('reorg.unitSearchPlaceholder')}
      value={multiple ? labelled : labelled[0]}
      onChange={change}
      options={options}
      notFoundContent={units.isFetching ? t('app.loading') : t('units.empty')}
      style={{ width: '100%' }}
    />
  );
}
