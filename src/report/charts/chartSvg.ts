import { barChart } from './barChart.js';
import { columnChart } from './columnChart.js';
import { histogramChart } from './histogramChart.js';
import { tornadoChart } from './tornadoChart.js';
import { waterfallChart } from './waterfallChart.js';
import type { Chart } from '../_sectionModel.js';

/**
 * A report chart's SVG text, drawn by the chart function of its kind: the one place that knows
 * which function draws which kind (the HTML report and the web app both draw through it).
 * @internal
 */
export function chartSvg(chart: Chart): string {
  switch (chart.kind) {
    case 'bar':
      return barChart(chart.data);
    case 'column':
      return columnChart(chart.data);
    case 'waterfall':
      return waterfallChart(chart.data);
    case 'tornado':
      return tornadoChart(chart.data);
    case 'histogram':
      return histogramChart(chart.data);
  }
}
