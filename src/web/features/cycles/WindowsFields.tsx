import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TWindows } from '../../../contracts/cycles';
import { CYCLE_WINDOWS, DATE_TIME_FORMAT, fromVnInstant, toVnInstant, windowProblems } from './domain';
import type { CycleWindow } from './types';

export type WindowSpans = Record<CycleWindow, [Dayjs | null, Dayjs | null] | null>;

export function windowsToForm(w: TWindows): WindowSpans {
  const spans = {} as WindowSpans;
  for (const name of CYCLE_WINDOWS)
    spans[name] = [fromVnInstant(w[name].opensAt), fromVnInstant(w[name].closesAt)];
  return spans;
}

/** Only called once the fields validated, so every span is complete. */
export function formToWindows(spans: WindowSpans): TWindows {
  const w = {} as TWindows;
  for (const name of CYCLE_WINDOWS) {
    const [opens, closes] = spans[name] ?? [null, null];
    w[name] = { opensAt: toVnInstant(opens ?? dayjs()), closesAt: toVnInstant(closes ?? dayjs()) };
  }
  return w;
}

/** A calendar to start from: the stages one after the other from tomorrow (30, 15, 10, 10 and 20 days). */
export function defaultWindows(): WindowSpans {
  const lengths = [30, 15, 10, 10, 20];
  let start = dayjs().add(1, 'day').hour(8).minute(0).second(0).millisecond(0);
  const spans = {} as WindowSpans;
  CYCLE_WINDOWS.forEach((name, i) => {
    const end = start
      .add(lengths[i] ?? 10, 'day')
      .hour(17)
      .minute(0);
    spans[name] = [start, end];
    start = end.add(1, 'day').hour(8);
  });
  return spans;
}

/** The five stages of a cycle, each opens → closes in Vietnam time, checked in order. */
export function WindowsFields() {
  const { t } = useTranslation();
  const label = (w: CycleWindow) => t(`cycles.window_${w}`);
  return (
    <>
      {CYCLE_WINDOWS.map((name) => (
        <Form.Item
          key={name}
          name={['windows', name]}
          label={label(name)}
          htmlFor={`window-${name}`}
          dependencies={CYCLE_WINDOWS.filter((w) => w !== name).map((w) => ['windows', w])}
          rules={[
            ({ getFieldValue }) => ({
              validator: () => {
                const problem = windowProblems(getFieldValue('windows') ?? {}).find((p) => p.window === name);
                if (!problem) return Promise.resolve();
                const prev = problem.prev ? label(problem.prev) : '';
                return Promise.reject(new Error(t(`cycles.${problem.key}`, { window: label(name), prev })));
              },
            }),
          ]}
        >
          <DatePicker.RangePicker
            id={`window-${name}`}
            showTime={{ format: 'HH:mm' }}
            format={DATE_TIME_FORMAT}
            placeholder={[t('cycles.windowStart'), t('cycles.windowEnd')]}
            aria-label={label(name)}
            style={{ width: '100%', maxWidth: 460 }}
          />
        </Form.Item>
      ))}
    </>
  );
}
