import { Alert, Form, type FormInstance, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFrameworkVersion } from '../../../contracts/frameworks';
import { useFrameworks } from '../frameworks/api';
import { LEVELS, type Level } from './domain';

/** Versions of one level, newest first. */
function byLevel(items: TFrameworkVersion[], level: Level): TFrameworkVersion[] {
  return items.filter((f) => f.level === level).sort((a, b) => b.versionNo - a.versionNo);
}

/**
 * The index set of each level for the cycle's year: one select per level, the newest version chosen
 * at first, empty for a level the cycle does not assess.
 */
export function FrameworkSelects({ form, year }: { form: FormInstance; year: number | undefined }) {
  const { t } = useTranslation();
  const valid = Boolean(year && year >= 2015 && year <= 2100);
  const list = useFrameworks({ year: valid ? year : undefined, page: 1, pageSize: 200 });
  const items = valid ? (list.data?.items ?? []) : [];

  // A new year brings new sets: keep a chosen set that still belongs, else offer the newest.
  useEffect(() => {
    if (!list.data || list.isPlaceholderData) return;
    for (const level of LEVELS) {
      const options = byLevel(list.data.items, level);
      const current = form.getFieldValue(['frameworks', level]) as string | undefined;
      if (current && options.some((o) => o.id === current)) continue;
      form.setFieldValue(['frameworks', level], options[0]?.id);
    }
  }, [list.data, list.isPlaceholderData, form]);

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4, border: 0 }}>
        {t('cycles.frameworks')}
      </legend>
      <p style={{ margin: '0 0 8px', color: 'rgba(0,0,0,0.7)' }}>{t('cycles.frameworksHelp')}</p>
      {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 8 }} />}
      {valid && list.data && !list.isPlaceholderData && items.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('cycles.noFrameworks', { year })}
          style={{ marginBottom: 8 }}
        />
      )}
      {LEVELS.map((level, i) => (
        <Form.Item
          key={level}
          name={['frameworks', level]}
          label={t(`levels.${level}`)}
          htmlFor={`framework-${level}`}
          dependencies={LEVELS.filter((l) => l !== level).map((l) => ['frameworks', l])}
          rules={
            i === 0
              ? [
                  ({ getFieldValue }) => ({
                    validator: () =>
                      LEVELS.some((l) => getFieldValue(['frameworks', l]))
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('cycles.frameworkRequired'))),
                  }),
                ]
              : undefined
          }
        >
          <Select
            id={`framework-${level}`}
            allowClear
            loading={list.isFetching}
            placeholder={t('cycles.frameworkNone')}
            options={byLevel(items, level).map((f) => ({
              value: f.id,
              label: t('cycles.frameworkOption', { name: f.name, version: f.versionNo }),
            }))}
          />
        </Form.Item>
      ))}
    </fieldset>
  );
}
