/**
 * The one place that owns ECharts: the echarts/core registry (with the aria component), init,
 * theme, resize, dispose and the "render finished" flag (`data-chart-ready`) that exports and
 * tests wait for. Pages that draw charts are lazy, so ECharts loads only with them.
 */
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { init, use as registerECharts, type EChartsCoreOption, type ECharts } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

registerECharts([
  LineChart,
  BarChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const FONT =
  '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, -apple-system, sans-serif';

export interface EChartHandle {
  /** The chart as a PNG data URL (white background, 2× pixels). */
  toPng: () => string | null;
}

export interface EChartProps {
  option: EChartsCoreOption;
  /** Our written description; read by screen readers instead of the canvas. */
  description: string;
  height: number;
  handle?: Ref<EChartHandle>;
  className?: string;
}

export function EChart({ option, description, height, handle, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const element = container.current!;
    const instance = init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    setReady(false);
    const onFinished = () => setReady(true);
    instance.on('finished', onFinished);
    instance.setOption({ textStyle: { fontFamily: FONT }, ...option }, { notMerge: true });
    return () => {
      instance.off('finished', onFinished);
    };
  }, [option]);

  useImperativeHandle(handle, () => ({
    toPng: () =>
      chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ?? null,
  }));

  return (
    <div
      ref={container}
      className={className}
      role="img"
      aria-label={description}
      data-echart=""
      data-chart-ready={ready ? 'true' : 'false'}
      style={{ height, width: '100%', minWidth: 0, overflow: 'hidden' }}
    />
  );
}
