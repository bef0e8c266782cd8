/** Predicted LTV: the CLV distribution, P(alive) by group, the model's parameters and what they mean. */
import { useMemo } from 'react';
import { histogramOption } from '@yugang/charts';
import { formatNumber, formatPercent, type Locale } from '@yugang/metrics';
import type { ltvPredictedContract, ResponseOf } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { modelReading } from '../ltv-analysis-rows';
import { ltvAnalysisMessages } from '../ltv-messages';

type Predicted = ResponseOf<typeof ltvPredictedContract.get>;

export function PredictedLtvSection({
  predicted,
  locale,
  ws,
}: {
  predicted: Predicted;
  locale: Locale;
  ws: string;
}) {
  const t = useMessages(ltvAnalysisMessages);
  const money = (v: number | null) => formatFigure(v, 'money', locale);
  const bins = useMemo(
    () =>
      predicted.distribution.map((b) => ({
        label: b.to === null ? `${money(b.from)}+` : `${money(b.from)}–${money(b.to)}`,
        customers: b.customers,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [predicted.distribution, locale],
  );
  const option = useMemo(
    () => histogramOption({ locale, title: t.distribution, bins, seriesName: t.customersSeries }),
    [locale, t, bins],
  );
  const reading = modelReading(predicted);
  const m = predicted.model;
  const groups = [
    ['private', t.privateLabel],
    ['public', t.publicLabel],
    ['all', t.all],
  ] as const;
  return (
    <section aria-labelledby="predicted-ltv">
      <h2 id="predicted-ltv" className="section-title">
        {t.predicted}
      </h2>
      <p className="muted">
        {m
          ? t.fit(
              predicted.asOf,
              formatNumber(predicted.customers, locale),
              formatNumber(predicted.repeatBuyers, locale),
            )
          : t.noModel(predicted.reason ?? '')}{' '}
        {predicted.totals
          ? t.totals(money(predicted.totals.clv), money(predicted.totals.meanClv))
          : null}
      </p>
      <ul className="fact-list">
        {groups.map(([key, label]) => (
          <li key={key}>
            <span className="fact__name">{t.pAliveGroup(label)}</span>
            <span
              className="fact__value"
              data-testid={`p-alive-${key}`}
              data-value={predicted.pAliveByGroup[key].meanPAlive ?? ''}
            >
              {formatPercent(predicted.pAliveByGroup[key].meanPAlive, locale)}
            </span>
          </li>
        ))}
      </ul>
      <div className="chart-grid" style={{ marginTop: '1rem' }}>
        <ChartFrame
          title={t.distribution}
          option={option}
          description={(option.aria as { label: { description: string } }).label.description}
          table={{
            headers: ['', t.customersSeries],
            rows: bins.map((b) => [b.label, formatNumber(b.customers, locale)]),
          }}
          fileName={`${ws}-clv-distribution`}
        />
        {m && reading ? (
          <section className="chart-frame">
            <h3>{t.reading}</h3>
            <ul>
              <li>
                {t.readPurchases(formatNumber(reading.purchasesPerYear, locale, { digits: 1 }))}
              </li>
              <li>{t.readDropout(formatPercent(reading.dropoutPerPurchase, locale))}</li>
              {reading.meanSpend !== null ? <li>{t.readSpend(money(reading.meanSpend))}</li> : null}
              <li>{t.readMargin(formatPercent(predicted.margin.value, locale))}</li>
            </ul>
            <h3>{t.params}</h3>
            <p className="formula">
              {`BG/NBD: r = ${formatNumber(m.bgNbd.r, locale, { digits: 3 })}, α = ${formatNumber(m.bgNbd.alpha, locale, { digits: 2 })}, a = ${formatNumber(m.bgNbd.a, locale, { digits: 3 })}, b = ${formatNumber(m.bgNbd.b, locale, { digits: 3 })}\nGamma-Gamma: p = ${formatNumber(m.gammaGamma.p, locale, { digits: 3 })}, q = ${formatNumber(m.gammaGamma.q, locale, { digits: 3 })}, v = ${formatNumber(m.gammaGamma.v, locale, { digits: 2 })}`}
            </p>
          </section>
        ) : null}
      </div>
    </section>
  );
}
