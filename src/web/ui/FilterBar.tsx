import { Form, Select } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The search landmark above a list: the search box first and widest, then the filters. */
export function FilterBar({
  label,
  search,
  children,
}: {
  label: string;
  search: ReactNode;
  children: ReactNode;
}) {
  return (
    <Form layout="vertical" role="search" aria-label={label}>
      <div className="filter-bar">
        <div className="filter-wide">{search}</div>
        {children}
      </div>
    </Form>
  );
}

/** One labelled filter of a filter bar. */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <Form.Item label={label} htmlFor={id}>
        {children}
      </Form.Item>
    </div>
  );
}

/** A choice filter; clearing it (when allowed) means "all". */
export function FilterSelect<T extends string | number>({
  id,
  label,
  value,
  onChange,
  options,
  clearable = true,
  style,
}: {
  id: string;
  label: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  options: { value: T; label: string }[];
  clearable?: boolean;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <FilterField id={id} label={label}>
      <Select<T>
        id={id}
        allowClear={clearable}
        placeholder={clearable ? t('common.all') : undefined}
        value={value}
        onChange={onChange}
        options={options}
        style={style}
      />
    </FilterField>
  );
}
