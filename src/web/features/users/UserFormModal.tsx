import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isUnitScoped, ROLES, type Role } from '../../../contracts/domain';
import type { TUser } from '../../../contracts/users';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { UnitSearchSelect } from '../units/UnitSearchSelect';
import { useCreateUser, useUpdateUser } from './api';

const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;

interface Values {
  username: string;
  fullName: string;
  email?: string | null;
  role: Role;
  unitId?: string | null;
  password?: string;
  disabled?: boolean;
}

/** Create a user (user: null) or edit one; reporter and candidate roles must name their unit. */
export function UserFormModal({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: TUser | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? '');
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue({ ...user });
  }, [open, user, form]);

  const onError = (err: unknown) =>
    applyFormError(form, err, { codeFields: { username_taken: 'username', password_too_weak: 'password' } });

  const submit = (v: Values) => {
    const email = v.email?.trim() || null;
    const unitId = isUnitScoped(v.role) || v.unitId ? (v.unitId ?? null) : null;
    if (user) {
      update.mutate(
        { fullName: v.fullName.trim(), email, role: v.role, unitId, disabled: Boolean(v.disabled) },
        {
          onSuccess: () => {
            showSuccess(t('users.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        {
          username: v.username.trim(),
          fullName: v.fullName.trim(),
          email,
          role: v.role,
          unitId,
          password: v.password ?? '',
        },
        {
          onSuccess: (u) => {
            showSuccess(t('users.created', { username: u.username }));
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'user-form', loading: saving }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> id="user-form" form={form} name="user" layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={[{ required: true, pattern: USERNAME_PATTERN, message: t('users.usernameRule') }]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          label={t('users.fullName')}
          name="fullName"
          rules={[
            { required: true, whitespace: true, min: 2, max: 120, message: t('users.fullNameRequired') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.email')}
          name="email"
          rules={[{ type: 'email', message: t('users.emailInvalid') }]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('users.unit')}
          name="unitId"
          rules={[{ required: Boolean(role && isUnitScoped(role)), message: t('users.unitRequired') }]}
        >
          <UnitSearchSelect
            placeholder={t('users.unitPlaceholder')}
            knownLabels={user?.unitId && user.unitName ? { [user.unitId]: user.unitName } : undefined}
          />
        </Form.Item>
        {!user && (
          <Form.Item
            label={t('users.password')}
            name="password"
            extra={t('users.passwordHelp')}
            rules={[{ required: true, min: 10, max: 256, message: t('users.passwordTooShort') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {user && (
          <Form.Item label={t('users.disabledField')} name="disabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
