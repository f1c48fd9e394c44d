import { DatePicker, type DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from './dates';

type Props = Omit<DatePickerProps, 'onChange' | 'multiple' | 'value' | 'defaultValue'> & {
  value?: Dayjs | null;
  onChange?: (date: Dayjs | null) => void;
};

/** A single date written dd/mm/yyyy, full width unless a style says otherwise. */
export function DateInput({ onChange, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <DatePicker
      format={DATE_FORMAT}
      placeholder={t('common.dateFormat')}
      style={{ width: '100%' }}
      {...props}
      onChange={onChange ? (date) => onChange(date as Dayjs | null) : undefined}
    />
  );
}
