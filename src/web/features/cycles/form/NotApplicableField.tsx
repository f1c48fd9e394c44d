import { Flex, Form, Input, Switch } from 'antd';
import { useFormText } from './text';

/** "Không áp dụng" for indicators the set allows to be declared so, with its required reason. */
export function NotApplicableField({
  code,
  value,
  editable,
  onChange,
}: {
  code: string;
  value: string | null;
  editable: boolean;
  onChange: (reason: string | null) => void;
}) {
  const { ft } = useFormText();
  const on = value !== null;
  const reasonId = `na-reason-${code}`;
  const missing = on && !value.trim();
  return (
    <div style={{ marginTop: 4 }}>
      <Flex align="center" gap={8}>
        <Switch
          id={`na-${code}`}
          checked={on}
          disabled={!editable}
          onChange={(checked) => onChange(checked ? '' : null)}
          aria-label={ft('notApplicableSwitch', { code })}
          data-testid={`na-${code}`}
        />
        <label htmlFor={`na-${code}`}>{ft('notApplicable')}</label>
      </Flex>
      {on && (
        <Form layout="vertical" component="div" style={{ marginTop: 8 }}>
          <Form.Item
            label={ft('notApplicableReason')}
            htmlFor={reasonId}
            required
            validateStatus={missing ? 'error' : undefined}
            help={missing ? ft('notApplicableReasonHelp') : undefined}
            style={{ marginBottom: 8 }}
          >
            <Input.TextArea
              id={reasonId}
              value={value}
              onChange={(e) => onChange(e.target.value)}
              disabled={!editable}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
            />
          </Form.Item>
        </Form>
      )}
    </div>
  );
}
