import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** The font the PDF registers: chart text is drawn with it, so Vietnamese letters render. */
export const CHART_FONT = 'NotoSans';

/**
 * Renders an ECharts option to an SVG string on the server (no DOM, no animation), for a pdfmake
 * `svg` node. Text must already be in NFC.
 */
export function renderChartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, fontSize: 10 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
