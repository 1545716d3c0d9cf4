import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** One echarts instance bound to a div: created once, given each new option, disposed with the component. */
export function EChart({ option, height = 260, testId }: { option: ChartOption; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  // echarts lays its SVG text out itself; inside an RTL page the browser would flip every text anchor
  // and labels would land on the bars. Right-to-left is expressed in the option instead (rtlBars).
  return <div ref={ref} dir="ltr" className="reports-chart" style={{ blockSize: height }} data-testid={testId} />;
}

const PALETTE = ['#1f6f8b', '#99a84e', '#e0a030', '#c0504d', '#6a5acd', '#2e8b57'];

/**
 * Bars for a right-to-left page: categories read from the right (the x axis is inverted), the value
 * axis on the right, the legend at the top right with its marks after the text; Arabic labels come
 * from the caller. With long labels (`horizontal`) the categories stand on the right edge, one per
 * line, and the bars grow leftwards.
 */
export function rtlBars(categories: string[], series: Array<{ name: string; values: number[] }>, rtl: boolean, horizontal = false): ChartOption {
  const categoryAxis = horizontal
    ? { type: 'category' as const, data: categories, inverse: true, position: rtl ? ('right' as const) : ('left' as const) }
    : { type: 'category' as const, data: categories, inverse: rtl, axisLabel: { interval: 0, hideOverlap: true } };
  const valueAxis = horizontal
    ? { type: 'value' as const, inverse: rtl, minInterval: 1 }
    : { type: 'value' as const, position: rtl ? ('right' as const) : ('left' as const), minInterval: 1 };
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: { show: series.length > 1, right: rtl ? 8 : 'auto', left: rtl ? 'auto' : 8, top: 0, align: rtl ? 'right' : 'left', itemGap: 16 },
    grid: { top: series.length > 1 ? 36 : 16, bottom: 16, left: 16, right: 16, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 28,
      label: { show: true, position: horizontal ? (rtl ? 'left' : 'right') : 'top' },
    })),
  };
}
