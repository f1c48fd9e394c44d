import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { TUnitForm } from '../../../../contracts/cycles';
import { windowNow } from './access';
import { formatInstant } from './format';
import type { FormKey } from './text';
import { useFormText } from './text';

const STATE_COLOR = { open: '#135200', not_open: 'rgba(0, 0, 0, 0.68)', closed: '#820014' } as const;

/** "Tự đánh giá: đang mở, 01/06/2026 08:00 – 30/06/2026 17:00 (đã gia hạn)". */
export function WindowLine({
  form,
  window,
  label,
}: {
  form: TUnitForm;
  window: TUnitForm['windowStatus'][number]['window'];
  label: FormKey;
}) {
  const { ft } = useFormText();
  const w = form.windowStatus.find((s) => s.window === window);
  const state = windowNow(form, window, new Date());
  if (!w || !state) return null;
  return (
    <Typography.Text style={{ display: 'block' }} data-testid={`window-${window}`}>
      <ClockCircleOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
      {ft(label)}:{' '}
      <span style={{ color: STATE_COLOR[state], fontWeight: 500 }}>
        {ft(`window_${state}`, { from: formatInstant(w.opensAt), to: formatInstant(w.closesAt) })}
      </span>
      {w.extended && ` ${ft('windowExtended')}`}
    </Typography.Text>
  );
}
