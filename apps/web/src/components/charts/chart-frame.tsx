/**
 * Every chart's frame: title, a one-line takeaway, a "data as table" toggle, PNG download and
 * a slot for more actions (adding an annotation). The table holds the same numbers as the chart.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useMessages } from '../../lib/i18n';
import { EChart, type EChartHandle } from './echart';
import { chartMessages } from './messages';

export interface ChartTable {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface ChartFrameProps {
  title: string;
  takeaway?: string;
  option: EChartsCoreOption;
  description: string;
  table: ChartTable;
  fileName: string;
  height?: number;
  actions?: ReactNode;
  children?: ReactNode;
}

export function ChartFrame(props: ChartFrameProps) {
  const t = useMessages(chartMessages);
  const [asTable, setAsTable] = useState(false);
  const handle = useRef<EChartHandle>(null);
  const headingId = useId();

  function download() {
    const url = handle.current?.toPng();
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = `${props.fileName}.png`;
    link.click();
  }

  return (
    <section className="chart-frame" aria-labelledby={headingId}>
      <header className="chart-frame__head">
        <div>
          <h3 id={headingId}>{props.title}</h3>
          {props.takeaway ? <p className="takeaway">{props.takeaway}</p> : null}
        </div>
        <div className="chart-frame__tools no-print" role="group" aria-label={t.chartTools}>
          <button type="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? t.showChart : t.showTable}
          </button>
          <button type="button" onClick={download} disabled={asTable}>
            {t.downloadPng}
          </button>
          {props.actions}
        </div>
      </header>
      {asTable ? (
        <div className="table-scroll">
          <table>
            <caption className="sr-only">{props.title}</caption>
            <thead>
              <tr>
                {props.table.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.table.rows.map((row) => (
                <tr key={row[0]}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EChart
          option={props.option}
          description={props.description}
          height={props.height ?? 260}
          handle={handle}
        />
      )}
      {props.children}
    </section>
  );
}
