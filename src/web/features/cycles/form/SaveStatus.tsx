import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { formatClock } from './format';
import { useFormText } from './text';
import type { SaveState } from './useEntryDraft';

/** "Đang lưu… / Đã lưu lúc HH:mm / Chưa lưu được – thử lại" for one indicator. */
export function SaveStatus({
  code,
  state,
  onRetry,
}: {
  code: string;
  state: SaveState;
  onRetry: () => void;
}) {
  const { ft } = useFormText();
  const common = { 'data-testid': `save-state-${code}`, 'data-state': state.kind } as const;
  switch (state.kind) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} role="status" {...common}>
          <LoadingOutlined aria-hidden /> {ft('saving')}
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text style={{ fontSize: 13, color: '#135200' }} role="status" {...common}>
          <CheckCircleOutlined aria-hidden /> {ft('savedAt', { time: formatClock(state.at) })}
        </Typography.Text>
      );
    default:
      return (
        <span role="alert" style={{ maxWidth: 420, textAlign: 'end' }} {...common}>
          <Button
            type="link"
            danger
            size="small"
            icon={<ExclamationCircleOutlined aria-hidden />}
            onClick={onRetry}
            style={{ padding: 0 }}
          >
            {ft('saveFailed')}
          </Button>
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
            {state.message}
          </Typography.Text>
        </span>
      );
  }
}
