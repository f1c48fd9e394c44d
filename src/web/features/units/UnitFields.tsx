import { Col, Form, type FormInstance, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_KINDS, SO_GROUPS, UNIT_LEVELS, type UnitLevel } from '../../../contracts/domain';
import { kindLabel } from './format';
import { ParentSelect } from './ParentSelect';

/** Same rule as the server's validateUnit. */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

interface Props {
  form: FormInstance;
  /** Where the fields sit in the form, e.g. [] or ['successors', 0] inside a Form.List. */
  prefix?: (string | number)[];
  /** For a Form.List item: the item's own index path relative to the list. */
  listName?: (string | number)[];
}

/**
 * Code, name, level, kind, group and parent of a unit. The kind options, group (sở only) and parent
 * (xã only) follow the chosen level.
 */
export function UnitFields({ form, prefix = [], listName }: Props) {
  const { t } = useTranslation();
  const name = (field: string) => [...(listName ?? prefix), field];
  const level = Form.useWatch([...prefix, 'level'], form) as UnitLevel | undefined;

  const onLevel = (next: UnitLevel) => {
    const kind = form.getFieldValue([...prefix, 'kind']) as string | undefined;
    form.setFieldValue([...prefix, 'kind'], kind && LEVEL_KINDS[next].includes(kind) ? kind : undefined);
    if (next !== 'so') form.setFieldValue([...prefix, 'groupNo'], null);
    if (next !== 'xa') form.setFieldValue([...prefix, 'parentId'], null);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} sm={8}>
        <Form.Item
          label={t('units.code')}
          name={name('code')}
          rules={[
            { required: true, whitespace: true, message: t('unit.codeRequired') },
            { pattern: UNIT_CODE_PATTERN, message: t('unit.codePattern') },
          ]}
        >
          <Input maxLength={32} autoComplete="off" spellCheck={false} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={16}>
        <Form.Item
          label={t('units.name')}
          name={name('name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('unit.nameRequired') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          label={t('units.level')}
          name={name('level')}
          rules={[{ required: true, message: t('unit.levelRequired') }]}
        >
          <Select
            onChange={onLevel}
            options={UNIT_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          label={t('units.kind')}
          name={name('kind')}
          rules={[{ required: true, message: t('unit.kindRequired') }]}
        >
          <Select
            disabled={!level}
            options={(level ? LEVEL_KINDS[level] : []).map((k) => ({ value: k, label: kindLabel(t, k) }))}
          />
        </Form.Item>
      </Col>
      {level === 'so' && (
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('units.group')}
            name={name('groupNo')}
            extra={t('unit.groupHelp')}
            rules={[{ required: true, message: t('unit.groupRequired') }]}
          >
            <Select options={SO_GROUPS.map((n) => ({ value: n, label: t('units.groupN', { n }) }))} />
          </Form.Item>
        </Col>
      )}
      {level === 'xa' && (
        <Col xs={24} sm={12}>
          <Form.Item label={t('units.parent')} name={name('parentId')} extra={t('unit.parentHelp')}>
            <ParentSelect />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
