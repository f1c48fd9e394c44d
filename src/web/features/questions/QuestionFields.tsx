import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Col,
  Flex,
  Form,
  type FormInstance,
  Input,
  Radio,
  Row,
  Select,
  TreeSelect,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCategoryList } from '../../../contracts/questions';
import { useTags } from './api';
import { buildCategoryTree, type CategoryNode } from './categoryTree';
import { freeKey, letterAt } from './optionKeys';

export interface QuestionValues {
  code?: string;
  type: 'single' | 'multiple' | 'true_false';
  stem: string;
  options: { key: string; text: string; correct: boolean }[];
  tfAnswer: 'true' | 'false';
  difficulty: 'easy' | 'medium' | 'hard';
  categoryId?: string | null;
  tags: string[];
  sourceDocument?: string;
  sourceArticle?: string;
  explanation?: string;
}

type TreeOption = { value: string; title: string; children: TreeOption[] };

/** The editor's fields: type, stem, options with their correct marks, and the bank metadata. */
export function QuestionFields({
  form,
  categories,
}: {
  form: FormInstance<QuestionValues>;
  categories?: TCategoryList;
}) {
  const { t } = useTranslation();
  const tags = useTags();
  const type = Form.useWatch('type', form);
  const treeData = useMemo(() => {
    const map = (nodes: CategoryNode[]): TreeOption[] =>
      nodes.map((n) => ({ value: n.id, title: n.name, children: map(n.children) }));
    return map(buildCategoryTree(categories?.items ?? []));
  }, [categories]);

  const markCorrect = (index: number, checked: boolean) => {
    if (type !== 'single' || !checked) return;
    const options = form.getFieldValue('options') as QuestionValues['options'];
    form.setFieldValue(
      'options',
      options.map((o, i) => ({ ...o, correct: i === index })),
    );
  };

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('questions.type')} name="type" rules={[{ required: true }]}>
            <Select
              options={(['single', 'multiple', 'true_false'] as const).map((v) => ({
                value: v,
                label: t(`questions.type_${v}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('questions.code')} name="code" extra={t('questions.codeHelp')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('questions.stem')}
        name="stem"
        rules={[{ required: true, whitespace: true, message: t('questions.stemRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
      </Form.Item>
      {type === 'true_false' ? (
        <Form.Item label={t('questions.trueFalseAnswer')} name="tfAnswer" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'true', label: t('questions.answerTrue') },
              { value: 'false', label: t('questions.answerFalse') },
            ]}
          />
        </Form.Item>
      ) : (
        <Form.List name="options">
          {(fields, { add, remove }, meta) => (
            <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
              <legend style={{ fontSize: 14, marginBottom: 8, border: 0 }}>{t('questions.options')}</legend>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <span style={{ width: 20, paddingTop: 5, fontWeight: 600 }} aria-hidden>
                    {letterAt(index)}
                  </span>
                  <Form.Item
                    name={[field.name, 'text']}
                    style={{ flex: 1, marginBottom: 8 }}
                    rules={[{ required: true, whitespace: true, message: t('questions.optionRequired') }]}
                  >
                    <Input aria-label={t('questions.option', { letter: letterAt(index) })} maxLength={500} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'correct']}
                    valuePropName="checked"
                    style={{ marginBottom: 8 }}
                  >
                    <Checkbox
                      aria-label={t('questions.correctLabel', { letter: letterAt(index) })}
                      onChange={(e) => markCorrect(index, e.target.checked)}
                      style={{ paddingTop: 5 }}
                    >
                      {t('questions.correct')}
                    </Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('questions.removeOption', { letter: letterAt(index) })}
                    disabled={fields.length <= 2}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={meta.errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= 8}
                onClick={() => {
                  const used = ((form.getFieldValue('options') ?? []) as QuestionValues['options']).map(
                    (o) => o.key,
                  );
                  add({ key: freeKey(used), text: '', correct: false });
                }}
              >
                {t('questions.addOption')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('questions.difficulty')} name="difficulty" rules={[{ required: true }]}>
            <Select
              options={(['easy', 'medium', 'hard'] as const).map((v) => ({
                value: v,
                label: t(`questions.difficulty_${v}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('questions.category')} name="categoryId">
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              treeData={treeData}
              placeholder={t('questions.uncategorised')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('questions.tags')} name="tags" extra={t('questions.tagsHelp')}>
        <Select
          mode="tags"
          tokenSeparators={[',']}
          options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: x.tag }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item
            label={t('questions.sourceDocument')}
            name="sourceDocument"
            extra={t('questions.sourceDocumentHelp')}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item label={t('questions.sourceArticle')} name="sourceArticle">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('questions.explanation')} name="explanation">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
    </>
  );
}
