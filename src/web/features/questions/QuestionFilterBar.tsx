import { SearchOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCategoryList, TQuestionFilters } from '../../../contracts/questions';
import { useDebounced } from '../../ui/useDebounced';
import { useTags } from './api';
import { buildCategoryTree, type CategoryNode } from './categoryTree';

interface Props {
  value: TQuestionFilters;
  onChange: (filters: TQuestionFilters) => void;
  categories: TCategoryList | undefined;
  /** On narrow screens the tree panel is hidden and the category is chosen here. */
  showCategory: boolean;
}

type TreeOption = { value: string; title: string; children: TreeOption[] };

export function QuestionFilterBar({ value, onChange, categories, showCategory }: Props) {
  const { t } = useTranslation();
  const tags = useTags();
  const [text, setText] = useState(value.q ?? '');
  const debounced = useDebounced(text, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text triggers a search
  useEffect(() => {
    if ((value.q ?? '') !== debounced.trim()) onChange({ ...value, q: debounced.trim() || undefined });
  }, [debounced]);
  useEffect(() => {
    if (!value.q) setText((cur) => (cur.trim() ? '' : cur));
  }, [value.q]);

  const treeData = useMemo(() => {
    const map = (nodes: CategoryNode[]): TreeOption[] =>
      nodes.map((n) => ({ value: n.id, title: n.name, children: map(n.children) }));
    return [
      ...map(buildCategoryTree(categories?.items ?? [])),
      { value: 'none', title: t('questions.uncategorised'), children: [] },
    ];
  }, [categories, t]);

  const set = (patch: Partial<TQuestionFilters>) => onChange({ ...value, ...patch });
  const filtered = Boolean(
    value.q || value.type || value.difficulty || value.status || value.tag || value.categoryId,
  );

  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 16 }}>
      <Col xs={24}>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('questions.searchPlaceholder')}
          aria-label={t('questions.searchLabel')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Col>
      {showCategory && (
        <Col xs={24} sm={12}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            style={{ width: '100%' }}
            placeholder={t('questions.filterCategory')}
            aria-label={t('questions.filterCategory')}
            treeData={treeData}
            value={value.categoryId}
            onChange={(v) => set({ categoryId: v || undefined })}
          />
        </Col>
      )}
      <Col xs={12} sm={6}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('questions.filterType')}
          aria-label={t('questions.filterType')}
          value={value.type}
          onChange={(v) => set({ type: v })}
          options={(['single', 'multiple', 'true_false'] as const).map((v) => ({
            value: v,
            label: t(`questions.type_${v}`),
          }))}
        />
      </Col>
      <Col xs={12} sm={6}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('questions.filterDifficulty')}
          aria-label={t('questions.filterDifficulty')}
          value={value.difficulty}
          onChange={(v) => set({ difficulty: v })}
          options={(['easy', 'medium', 'hard'] as const).map((v) => ({
            value: v,
            label: t(`questions.difficulty_${v}`),
          }))}
        />
      </Col>
      <Col xs={12} sm={6}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('questions.filterStatus')}
          aria-label={t('questions.filterStatus')}
          value={value.status}
          onChange={(v) => set({ status: v })}
          options={(['draft', 'approved'] as const).map((v) => ({
            value: v,
            label: t(`questions.status_${v}`),
          }))}
        />
      </Col>
      <Col xs={12} sm={6}>
        <Select
          allowClear
          showSearch
          style={{ width: '100%' }}
          placeholder={t('questions.filterTag')}
          aria-label={t('questions.filterTag')}
          value={value.tag}
          onChange={(v) => set({ tag: v })}
          options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
        />
      </Col>
      {filtered && (
        <Col xs={24}>
          <Button
            onClick={() => {
              setText('');
              onChange({});
            }}
          >
            {t('questions.clearFilters')}
          </Button>
        </Col>
      )}
    </Row>
  );
}
