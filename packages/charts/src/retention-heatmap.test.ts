import type { HeatmapSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { retentionCells, retentionHeatmapOption } from './retention-heatmap.js';

const rows = [
  { cohort: '2026-01', size: 100, cells: [1, 0.3, 0.2] },
  { cohort: '2026-02', size: 80, cells: [1, 0.25] },
  { cohort: '2026-03', size: 50, cells: [1] },
];

describe('retentionHeatmapOption', () => {
  it('draws the triangle: one cell per reached month, none for months not reached', () => {
    expect(retentionCells(rows)).toEqual([
      [0, 0, 1],
      [1, 0, 0.3],
      [2, 0, 0.2],
      [0, 1, 1],
      [1, 1, 0.25],
      [0, 2, 1],
    ]);
    const option = retentionHeatmapOption({ locale: 'en', title: 'Retention', rows });
    const series = (option.series as HeatmapSeriesOption[])[0]!;
    expect(series.data).toHaveLength(6);
    expect((option.xAxis as { data: string[] }).data).toEqual(['0', '1', '2']);
    expect((option.yAxis as { data: string[] }).data).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('scales colour by the later months (month 0 is 100 % by definition) and describes month 1', () => {
    const option = retentionHeatmapOption({ locale: 'zh-CN', title: '留存', rows });
    expect((option.visualMap as { max: number }).max).toBe(0.3);
    expect((option.visualMap as { text: string[] }).text).toEqual(['30.0%', '0.0%']);
    const series = (option.series as HeatmapSeriesOption[])[0]!;
    expect((series.label as { show: boolean }).show).toBe(true);
    const narrow = retentionHeatmapOption({
      locale: 'zh-CN',
      title: '留存',
      rows,
      cellLabels: false,
    });
    expect(((narrow.series as HeatmapSeriesOption[])[0]!.label as { show: boolean }).show).toBe(
      false,
    );
    const aria = (option.aria as { label: { description: string } }).label.description;
    expect(aria).toContain('3 个同期群');
    expect(aria).toContain('2026-01');
    expect(aria).toContain('2026-02');
  });

  it('when there are no cohorts, then the option is empty but valid', () => {
    const option = retentionHeatmapOption({ locale: 'en', title: 'Retention', rows: [] });
    expect((option.series as HeatmapSeriesOption[])[0]!.data).toEqual([]);
    expect((option.visualMap as { max: number }).max).toBe(1);
  });
});
