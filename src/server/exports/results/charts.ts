import type { Bin } from '../../../core/results/distribution';
import { renderChartSvg } from './chart-svg';
import { fmtValue } from './format';

const UNIT_COLOR = '#1d4ed8';
const PEER_COLOR = '#9ca3af';
const axisValue = (v: number) => (Math.round(v * 10) / 10).toLocaleString('vi-VN');
const shortName = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s);

/**
 * Horizontal bars of a unit's main-index values (0–1) against its group's average, one row per main
 * index: readable on paper with long Vietnamese names, which a radar is not.
 */
export function mainIndexChart(
  axes: { code: string; name: string }[],
  unit: (number | null)[],
  groupAverage: (number | null)[],
  width: number,
): { svg: string; width: number; height: number } {
  const height = 70 + axes.length * 34;
  const labels = axes.map((a) => `${a.code}. ${shortName(a.name)}`.normalize('NFC'));
  const svg = renderChartSvg(
    {
      color: [UNIT_COLOR, PEER_COLOR],
      legend: { top: 0, data: ['Đơn vị', 'Trung bình của nhóm'], textStyle: { fontSize: 9 } },
      grid: { left: 200, right: 44, top: 30, bottom: 24 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        interval: 0.2,
        axisLabel: { formatter: axisValue, fontSize: 9 },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        axisLabel: { width: 190, overflow: 'break', fontSize: 9, lineHeight: 11 },
      },
      series: [
        {
          name: 'Đơn vị',
          type: 'bar',
          data: unit.map((v) => v ?? 0),
          // No halo: the PDF's SVG renderer ignores paint-order and would paint the white outline over the text.
          label: {
            show: true,
            position: 'right',
            fontSize: 8,
            textBorderColor: 'transparent',
            formatter: (p: { value: number }) => fmtValue(p.value),
          },
        },
        { name: 'Trung bình của nhóm', type: 'bar', data: groupAverage.map((v) => v ?? 0) },
      ],
    },
    width,
    height,
  );
  return { svg, width, height };
}

/** A histogram of values (0–1) with the number of units per bin above each bar. */
export function distributionChart(
  bins: readonly Bin[],
  width: number,
): { svg: string; width: number; height: number } {
  const height = 200;
  const svg = renderChartSvg(
    {
      color: [UNIT_COLOR],
      grid: { left: 44, right: 8, top: 28, bottom: 40 },
      xAxis: {
        type: 'category',
        name: 'Giá trị chỉ số',
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { fontSize: 9 },
        axisLabel: { fontSize: 8, interval: 0 },
        data: bins.map((b) => `${axisValue(b.from)}–${axisValue(b.to)}`),
      },
      yAxis: {
        type: 'value',
        name: 'Số đơn vị',
        nameTextStyle: { fontSize: 9 },
        minInterval: 1,
        axisLabel: { fontSize: 8 },
      },
      series: [
        {
          name: 'Số đơn vị',
          type: 'bar',
          barCategoryGap: '10%',
          data: bins.map((b) => b.count),
          label: { show: true, position: 'top', fontSize: 8, textBorderColor: 'transparent' },
        },
      ],
    },
    width,
    height,
  );
  return { svg, width, height };
}
