import { DeleteOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Empty, Flex, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCategoryList } from '../../../contracts/questions';
import { errorText, showSuccess } from '../../ui/feedback';
import { useDeleteCategory } from './api';
import { CategoryModal } from './CategoryModal';
import { buildCategoryTree, type CategoryNode, flatten } from './categoryTree';

const ALL = '__all';
const NONE = 'none';

interface Props {
  data: TCategoryList | undefined;
  selected: string | undefined;
  onSelect: (categoryId: string | undefined) => void;
}

type TreeItem = {
  key: string;
  title: string;
  node: CategoryNode | null;
  count: number;
  children: TreeItem[];
};

/** The category tree: choosing a category filters the list to it and its subcategories. */
export function CategoryPanel({ data, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const remove = useDeleteCategory();
  const tree = useMemo(() => buildCategoryTree(data?.items ?? []), [data]);
  const [modalState, setModalState] = useState<{
    editing: CategoryNode | null;
    parentId: string | null;
  } | null>(null);

  const total = (data?.uncategorised ?? 0) + tree.reduce((n, c) => n + c.total, 0);
  const toItem = (n: CategoryNode): TreeItem => ({
    key: n.id,
    title: n.name,
    node: n,
    count: n.total,
    children: n.children.map(toItem),
  });
  const items: TreeItem[] = [
    { key: ALL, title: t('questions.allCategories'), node: null, count: total, children: [] },
    ...tree.map(toItem),
    {
      key: NONE,
      title: t('questions.uncategorised'),
      node: null,
      count: data?.uncategorised ?? 0,
      children: [],
    },
  ];

  const confirmDelete = (n: CategoryNode) =>
    modal.confirm({
      title: t('questions.deleteCategoryConfirm', { name: n.name }),
      content: t('questions.deleteCategoryText'),
      okText: t('questions.deleteCategory'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(n.id)
          .then(() => {
            showSuccess(t('questions.categoryDeleted'));
            if (selected && flatten([n]).some((c) => c.id === selected)) onSelect(undefined);
          })
          .catch((err) => {
            message.error(errorText(err));
          }),
    });

  return (
    <nav aria-label={t('questions.categories')}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('questions.categories')}
        </Typography.Title>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setModalState({ editing: null, parentId: null })}
        >
          {t('questions.addCategory')}
        </Button>
      </Flex>
      <Tree<TreeItem>
        // Remounted once the categories arrive, so that "expand all" applies to them.
        key={data ? 'loaded' : 'loading'}
        blockNode
        defaultExpandAll
        treeData={items}
        selectedKeys={[selected ?? ALL]}
        onSelect={(keys) => {
          const key = keys[0] as string | undefined;
          if (key !== undefined) onSelect(key === ALL ? undefined : key);
        }}
        titleRender={(item) => (
          <Flex justify="space-between" align="center" gap={4}>
            <span style={{ overflowWrap: 'anywhere' }}>{item.title}</span>
            <Flex align="center" gap={2}>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {item.count}
              </Typography.Text>
              {item.node && (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'add', icon: <PlusOutlined />, label: t('questions.addSubcategory') },
                      { key: 'edit', icon: <EditOutlined />, label: t('questions.renameCategory') },
                      {
                        key: 'delete',
                        icon: <DeleteOutlined />,
                        danger: true,
                        label: t('questions.deleteCategory'),
                      },
                    ],
                    onClick: ({ key, domEvent }) => {
                      domEvent.stopPropagation();
                      const n = item.node!;
                      if (key === 'add') setModalState({ editing: null, parentId: n.id });
                      if (key === 'edit') setModalState({ editing: n, parentId: n.parentId });
                      if (key === 'delete') confirmDelete(n);
                    },
                  }}
                >
                  <Button
                    type="text"
                    size="small"
                    icon={<MoreOutlined />}
                    aria-label={t('questions.categoryActions', { name: item.title })}
                    onClick={(e) => e.stopPropagation()}
                  />
                </Dropdown>
              )}
            </Flex>
          </Flex>
        )}
      />
      {data && data.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('questions.noCategories')} />
      )}
      <CategoryModal
        open={modalState !== null}
        editing={modalState?.editing ?? null}
        parentId={modalState?.parentId ?? null}
        tree={tree}
        onClose={() => setModalState(null)}
      />
    </nav>
  );
}
