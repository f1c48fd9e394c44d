import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TEntryView } from '../../../../contracts/cycles';
import { errorText, showSuccess } from '../../../ui/feedback';
import { useSaveExplanation } from './api';
import { formatInstant } from './format';
import { useFormText } from './text';

/** A reviewer's request for more evidence (comment, deadline) and the unit's explanation. */
export function RequestPanel({
  cycleId,
  unitId,
  entry,
  editable,
}: {
  cycleId: string;
  unitId: string;
  entry: TEntryView;
  editable: boolean;
}) {
  const { ft } = useFormText();
  const save = useSaveExplanation(cycleId, unitId, entry.code);
  const [text, setText] = useState(entry.explanation ?? '');
  useEffect(() => setText(entry.explanation ?? ''), [entry.explanation]);
  const id = `explanation-${entry.code}`;
  const tooShort = text.trim().length < 3;
  const changed = text.trim() !== (entry.explanation ?? '').trim();

  const submit = () =>
    save
      .mutateAsync(text.trim())
      .then(() => showSuccess(ft('explanationSaved')))
      .catch(() => undefined);

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      data-testid={`request-${entry.code}`}
      title={ft('request')}
      description={
        <>
          {entry.requestComment && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 4 }}>
              {entry.requestComment}
            </Typography.Paragraph>
          )}
          {entry.requestDeadline && (
            <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
              {ft('requestDeadline', { at: formatInstant(entry.requestDeadline) })}
            </Typography.Text>
          )}
          {editable ? (
            <Form layout="vertical" component="div">
              <Form.Item
                label={ft('explanationFor', { code: entry.code })}
                htmlFor={id}
                validateStatus={save.isError ? 'error' : undefined}
                help={save.isError ? errorText(save.error) : undefined}
                style={{ marginBottom: 8 }}
              >
                <Input.TextArea
                  id={id}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 2, maxRows: 8 }}
                  maxLength={5000}
                />
              </Form.Item>
              <Button onClick={submit} disabled={tooShort || !changed} loading={save.isPending}>
                {ft('saveExplanation')}
              </Button>
              {tooShort && text.length > 0 && (
                <Typography.Text type="danger" style={{ marginInlineStart: 8 }}>
                  {ft('explanationRequired')}
                </Typography.Text>
              )}
            </Form>
          ) : (
            entry.explanation && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
                <strong>{ft('explanation')}:</strong> {entry.explanation}
              </Typography.Paragraph>
            )
          )}
        </>
      }
    />
  );
}
