import type { TUnitProfile } from '../../../../contracts/results';
import type { EChartOption } from '../../../ui/charts/EChart';

const UNIT = '#1456b8';
const AVERAGE = '#d4380d';

/** Splits a long axis name into lines of about `width` characters, at most two lines. */
export function wrapName(name: string, width: number): string {
  const words = name.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && `${line} ${w}`.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.join('\n');
  return `${lines[0]}\n${lines[1]}…`;
}

/** The radar of the main indices (0–1): the unit against its group's average; a gap where a value is missing. */
export function radarOption(
  p: TUnitProfile,
  labels: { unit: string; average: string },
  narrow: boolean,
): EChartOption {
  const value = (xs: (number | null)[]) => xs.map((x) => (x === null ? '-' : x));
  return {
    color: [UNIT, AVERAGE],
    legend: { bottom: 0, data: [labels.unit, labels.average] },
    tooltip: { trigger: 'item', confine: true },
    radar: {
      radius: narrow ? '62%' : '60%',
      center: ['50%', '50%'],
      indicator: p.radar.axes.map((a) => ({
        name: narrow ? a.code : wrapName(`${a.code} ${a.name}`, 20),
        max: 1,
      })),
      axisName: { color: 'rgba(0, 0, 0, 0.85)', fontSize: 12, lineHeight: 16 },
      splitNumber: 4,
    },
    series: [
      {
        type: 'radar',
        data: [
          { name: labels.unit, value: value(p.radar.unit), areaStyle: { opacity: 0.15 } },
          { name: labels.average, value: value(p.radar.groupAverage), lineStyle: { type: 'dashed' } },
        ],
      },
    ],
    animation: false,
  };
}

/** The DTI value over the years; points not standing on the unit's own result are hollow and dashed in. */
export function trendOption(
  p: TUnitProfile,
  label: string,
  fmt: (value: number) => string,
  axisFmt: (value: number) => string,
): EChartOption {
  const values = p.trend.map((x) => x.value);
  const min = Math.min(...values.filter((v): v is number => v !== null), 1);
  return {
    color: [UNIT],
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: number) => fmt(v) },
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: p.trend.map((x) => String(x.year)) },
    yAxis: {
      type: 'value',
      min: Math.max(0, Math.floor(min * 10) / 10 - 0.1),
      max: 1,
      axisLabel: { formatter: axisFmt },
    },
    series: [
      {
        type: 'line',
        name: label,
        connectNulls: false,
        label: { show: true, formatter: (v: { value: number }) => fmt(v.value) },
        data: p.trend.map((x) => ({
          value: x.value ?? '-',
          symbol: x.basis === 'own' ? 'circle' : 'emptyCircle',
          symbolSize: 9,
        })),
      },
    ],
    animation: false,
  };
}
