/** Credited GMV split into first orders and repurchases, private vs public, per period and per channel. */
import { useMemo } from 'react';
import { CREDIT_SPLIT_LABELS, CREDIT_SPLIT_PARTS, creditSplitOption } from '@yugang/charts';
import type { Locale } from '@yugang/metrics';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { ChartSlot } from '../../../components/charts/chart-slot';
import { formatFigure } from '../../../lib/format';
import { trendAnnotations } from '../../../lib/goal-lines';
import { useMessages } from '../../../lib/i18n';
import { useAttributionSplit } from '../api/get-attribution-split';
import { attributionMessages } from '../attribution-messages';
import { splitByChannel, splitByPeriod } from '../split-rows';

export function CreditSplitCard(props: {
  ws: string;
  locale: Locale;
  window: { from: string; to: string };
  grain: 'month' | 'week';
  annotations: readonly { date: string; text: string }[];
}) {
  const t = useMessages(attributionMessages);
  const { ws, locale, grain, annotations } = props;
  const query = useAttributionSplit(ws, { ...props.window, grain });
  const labels = CREDIT_SPLIT_LABELS[locale];
  const view = useMemo(() => {
    if (!query.data) return null;
    const periods = splitByPeriod(query.data);
    return {
      periods,
      channels: splitByChannel(query.data),
      option: creditSplitOption({
        locale,
        title: t.splitTitle,
        rows: periods,
        annotations: trendAnnotations(annotations, periods, grain),
      }),
    };
  }, [query.data, locale, t.splitTitle, annotations, grain]);
  const money = (v: number | null) => formatFigure(v, 'money', locale);
  const state = query.isPending
    ? 'pending'
    : query.isError
      ? 'error'
      : view && view.channels.length > 0
        ? 'ready'
        : 'empty';
  const repeatPrivate = view?.periods.reduce((s, r) => s + r.repeatPrivate, 0) ?? 0;
  return (
    <ChartSlot
      title={t.splitTitle}
      state={state}
      error={query.error}
      onRetry={() => void query.refetch()}
    >
      {view ? (
        <ChartFrame
          title={t.splitTitle}
          takeaway={t.splitTakeaway(money(repeatPrivate))}
          option={view.option}
          description={(view.option.aria as { label: { description: string } }).label.description}
          table={{
            headers: [t.period, ...CREDIT_SPLIT_PARTS.map((p) => labels[p])],
            rows: view.periods.map((r) => [
              r.period,
              ...CREDIT_SPLIT_PARTS.map((p) => money(r[p])),
            ]),
          }}
          fileName={`${ws}-credited-gmv-split`}
          height={300}
        >
          <span
            hidden
            data-testid="split-repeat-private"
            data-value={String(Math.round(repeatPrivate * 100) / 100)}
          />
          <div className="table-scroll" role="region" aria-label={t.byChannel} tabIndex={0}>
            <table className="figure-table">
              <caption>{t.byChannel}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.channel}</th>
                  {CREDIT_SPLIT_PARTS.map((p) => (
                    <th key={p} scope="col">
                      {labels[p]}
                    </th>
                  ))}
                  <th scope="col">{t.totalLabel}</th>
                </tr>
              </thead>
              <tbody>
                {view.channels.map((c) => (
                  <tr key={`${c.channel}-${c.domain}`}>
                    <th scope="row">
                      {c.channel}{' '}
                      <span className="muted">
                        ({c.domain === 'private' ? t.privateLabel : t.publicLabel})
                      </span>
                    </th>
                    {CREDIT_SPLIT_PARTS.map((p) => (
                      <td key={p}>{money(c[p])}</td>
                    ))}
                    <td>{money(c.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ChartFrame>
      ) : null}
    </ChartSlot>
  );
}
