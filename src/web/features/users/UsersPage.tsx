import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Popconfirm, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../contracts/domain';
import type { TUser } from '../../../contracts/users';
import { formatDateTime } from '../../ui/dates';
import { FilterBar, FilterSelect } from '../../ui/FilterBar';
import { showSuccess } from '../../ui/feedback';
import { SearchBox } from '../../ui/SearchBox';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useResetPassword, useUnlockUser, useUsers } from './api';
import { TempPasswordModal } from './TempPasswordModal';
import { UserFormModal } from './UserFormModal';
import { isLocked, UserStatusTags } from './UserStatusTags';

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const [q, setQ] = useState<string>();
  const [role, setRole] = useState<Role | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const users = useUsers({ q, role, ...paging });
  const [editing, setEditing] = useState<TUser | null | undefined>(undefined);
  const [temp, setTemp] = useState<{ username: string; password: string } | null>(null);
  const reset = useResetPassword();
  const unlock = useUnlockUser();

  const columns: TableProps<TUser>['columns'] = [
    { title: t('users.username'), dataIndex: 'username', className: 'nowrap' },
    { title: t('users.fullName'), dataIndex: 'fullName' },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`roles.${r}`) },
    { title: t('users.unit'), dataIndex: 'unitName', render: (u: string | null) => u ?? t('common.none') },
    { title: t('users.status'), key: 'status', render: (_: unknown, u) => <UserStatusTags user={u} /> },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      className: 'nowrap',
      render: (d: string | null) => (d ? formatDateTime(d) : t('users.never')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, u) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('users.resetPassword')}
            description={t('users.resetConfirm', { username: u.username })}
            okText={t('users.resetPassword')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              reset
                .mutateAsync(u.id)
                .then((r) => setTemp({ username: u.username, password: r.temporaryPassword }))
            }
          >
            <Button size="small">{t('users.resetPassword')}</Button>
          </Popconfirm>
          {isLocked(u) && (
            <Button
              size="small"
              loading={unlock.isPending && unlock.variables === u.id}
              onClick={() =>
                unlock.mutate(u.id, {
                  onSuccess: () => showSuccess(t('users.unlocked', { username: u.username })),
                })
              }
            >
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('users.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('users.add')}
        </Button>
      </div>
      <Card>
        <FilterBar
          label={t('users.searchLabel')}
          search={
            <SearchBox
              id="user-search"
              label={t('users.searchLabel')}
              placeholder={t('users.searchPlaceholder')}
              value={q}
              onSearch={(next) => {
                setQ(next);
                setPaging((p) => ({ ...p, page: 1 }));
              }}
            />
          }
        >
          <FilterSelect
            id="user-role"
            label={t('users.role')}
            value={role}
            onChange={(r) => {
              setRole(r);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </FilterBar>
        {users.isError && !users.data ? (
          <LoadError error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <Table<TUser>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('users.empty')} /> }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('users.total', { count: total }),
              onChange: (page, pageSize) =>
                setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
            }}
          />
        )}
      </Card>
      <UserFormModal
        open={editing !== undefined}
        user={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <TempPasswordModal
        username={temp?.username ?? ''}
        password={temp?.password ?? null}
        onClose={() => setTemp(null)}
      />
    </div>
  );
}
