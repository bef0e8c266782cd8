/**
 * The one place that owns ECharts: the echarts/core registry (with the aria component), init,
 * theme, resize, dispose and the "render finished" flag (`data-chart-ready`) that exports and
 * tests wait for. Pages that draw charts are lazy, so ECharts loads only with them.
 */
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
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

/** A hidden tooltip still builds its DOM and reads the layout; leave it out instead. */
function withoutHiddenTooltip(option: EChartsCoreOption): EChartsCoreOption {
  const tooltip = option.tooltip as { show?: boolean } | undefined;
  if (!tooltip || Array.isArray(tooltip) || tooltip.show !== false) return option;
  const { tooltip: _hidden, ...rest } = option;
  return rest;
}

export function EChart({ option, description, height, handle, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const width = useRef(0);
  const [ready, setReady] = useState(false);
  const painting = useRef(false);

  // A page draws many charts at once. Reading each one's size while the previous one has just
  // added its canvas made the browser lay the page out once per chart (most of the review's
  // time between its data and its paint). So every chart reads its width in the layout phase,
  // when nothing has been added yet (one layout for all), and is created with that size; resizes
  // take the size the observer reports instead of reading it again.
  useLayoutEffect(() => {
    width.current = container.current!.clientWidth;
  }, []);

  useEffect(() => {
    const element = container.current!;
    // Each instance draws into a host of its own, so one still painting after unmount (below)
    // never shares its element with the next (StrictMode mounts twice on the same container).
    const host = document.createElement('div');
    host.style.height = '100%';
    element.append(host);
    const created = init(host, null, {
      renderer: 'canvas',
      width: width.current || undefined,
      height,
    });
    chart.current = created;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      if (box.width === created.getWidth() && box.height === created.getHeight()) return;
      created.resize({ width: box.width, height: box.height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current = null;
      // zrender spreads a long paint over several animation frames and does not cancel the next
      // one on dispose, which then reads the disposed painter (a console TypeError, 'layerStack',
      // when a busy page unmounted a chart mid-paint). So a chart still painting goes when done.
      host.remove();
      if (painting.current) created.on('finished', () => created.dispose());
      else created.dispose();
    };
    // created once; a later height goes through the observer
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    setReady(false);
    painting.current = true;
    const onFinished = () => {
      painting.current = false;
      setReady(true);
    };
    instance.on('finished', onFinished);
    instance.setOption(
      { textStyle: { fontFamily: FONT }, ...withoutHiddenTooltip(option) },
      { notMerge: true },
    );
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
