import { Form, Input, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { useSaveCategory } from './api';
import { type CategoryNode, subtreeIds } from './categoryTree';

interface Props {
  open: boolean;
  /** The category being edited; null to add one. */
  editing: CategoryNode | null;
  /** Parent proposed for a new category. */
  parentId: string | null;
  tree: CategoryNode[];
  onClose: () => void;
}

interface Values {
  name: string;
  parentId: string | null;
}

type TreeOption = { value: string; title: string; disabled?: boolean; children: TreeOption[] };

export function CategoryModal({ open, editing, parentId, tree, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveCategory();

  useEffect(() => {
    if (open)
      form.setFieldsValue({ name: editing?.name ?? '', parentId: editing ? editing.parentId : parentId });
  }, [open, editing, parentId, form]);

  const options = useMemo(() => {
    const blocked = new Set(editing ? subtreeIds(editing) : []);
    const map = (nodes: CategoryNode[]): TreeOption[] =>
      nodes.map((n) => ({
        value: n.id,
        title: n.name,
        disabled: blocked.has(n.id),
        children: map(n.children),
      }));
    return map(tree);
  }, [tree, editing]);

  const submit = (values: Values) =>
    save.mutate(
      { id: editing?.id ?? null, body: { name: values.name, parentId: values.parentId ?? null } },
      {
        onSuccess: () => {
          showSuccess(t('questions.categorySaved'));
          onClose();
        },
        onError: (err) => applyFormError(form, err, { codeFields: { question_category_name_taken: 'name' } }),
      },
    );

  return (
    <Modal
      open={open}
      title={editing ? t('questions.renameCategory') : t('questions.addCategory')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="category" onFinish={submit}>
        <Form.Item
          label={t('questions.categoryName')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('questions.categoryNameRequired') }]}
        >
          <Input maxLength={120} autoFocus />
        </Form.Item>
        <Form.Item label={t('questions.categoryParent')} name="parentId">
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            placeholder={t('questions.categoryRoot')}
            treeData={options}
            aria-label={t('questions.categoryParent')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
