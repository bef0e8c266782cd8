/** The matched lift in one sentence, beside the naive gap; the forest chart, sample, balance and ROI. */
import { useMemo } from 'react';
import { intervalForestOption, type IntervalRow } from '@yugang/charts';
import { formatMultiple, formatNumber, type Locale } from '@yugang/metrics';
import type { incrementalityContract, IntervalJson, ResponseOf } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { incrementalityMessages } from '../messages';
import '../incrementality.css';

type Incrementality = ResponseOf<typeof incrementalityContract.get>;

export function IncrementalitySection(props: { data: Incrementality; locale: Locale; ws: string }) {
  const { data, locale, ws } = props;
  const t = useMessages(incrementalityMessages);
  const money = (v: number | null) => formatFigure(v, 'money', locale);
  const count = (v: number | null) => formatNumber(v, locale, { digits: 2 });
  const range = (f: IntervalJson, fmt: (v: number | null) => string) =>
    f.low === null || f.high === null ? '' : `${fmt(f.low)} – ${fmt(f.high)}`;
  const m = data.matched;
  const rows = useMemo<IntervalRow[]>(
    () =>
      (
        [
          ['grossProfit', t.grossProfit],
          ['gmv', t.gmv],
        ] as const
      ).flatMap(([key, label]) => [
        { label: t.row(label, t.matchedShort), kind: 'matched' as const, ...m.perMember[key] },
        {
          label: t.row(label, t.naiveShort),
          kind: 'naive' as const,
          estimate: data.naive.perMember[key].estimate,
          low: null,
          high: null,
        },
      ]),
    [data, m, t],
  );
  const option = useMemo(
    () =>
      intervalForestOption({
        locale,
        title: t.liftChart(data.months),
        unit: 'money',
        rows,
        intervalName: t.interval,
        estimateName: t.estimate,
      }),
    [locale, t, rows, data.months],
  );
  if (m.members === 0) {
    return (
      <section aria-labelledby="incrementality-answer">
        <h2 id="incrementality-answer" className="section-title">
          {t.headline}
        </h2>
        <p data-testid="incrementality-no-data">{t.noData}</p>
      </section>
    );
  }
  const measures = [
    ['orders', t.orders, count],
    ['gmv', t.gmv, money],
    ['grossProfit', t.grossProfit, money],
  ] as const;
  const total = data.totalIncrementalGrossProfit;
  return (
    <>
      <section aria-labelledby="incrementality-answer">
        <h2 id="incrementality-answer" className="section-title">
          {t.headline}
        </h2>
        <p className="incrementality-summary" data-testid="incrementality-summary">
          {data.summary[locale]}
        </p>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t.perMember(data.months)}
        >
          <table className="figure-table" data-testid="lift-table">
            <caption>{t.perMember(data.months)}</caption>
            <thead>
              <tr>
                <th scope="col"></th>
                <th scope="col">{t.matchedLabel}</th>
                <th scope="col">{t.interval}</th>
                <th scope="col">{t.naiveLabel}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map(([key, label, fmt]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td data-testid={`lift-${key}`} data-value={m.perMember[key].estimate}>
                    <strong>{fmt(m.perMember[key].estimate)}</strong>
                  </td>
                  <td>{range(m.perMember[key], fmt)}</td>
                  <td data-testid={`naive-${key}`}>{fmt(data.naive.perMember[key].estimate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          {t.total(money(total.estimate), money(total.low), money(total.high))}
        </p>
        <div className="chart-grid" style={{ marginTop: '1rem' }}>
          <ChartFrame
            title={t.liftChart(data.months)}
            takeaway={t.liftChartTakeaway(
              money(m.perMember.grossProfit.estimate),
              money(data.naive.perMember.grossProfit.estimate),
            )}
            option={option}
            description={(option.aria as { label: { description: string } }).label.description}
            table={{
              headers: ['', t.estimate, t.interval],
              rows: rows.map((r) => [r.label, money(r.estimate), range(r, money)]),
            }}
            fileName={`${ws}-incrementality`}
            height={280}
          />
          <RoiCard data={data} locale={locale} />
        </div>
      </section>
      <section aria-labelledby="incrementality-sample">
        <h2 id="incrementality-sample" className="section-title">
          {t.coverage}
        </h2>
        <ul className="fact-list">
          <li>
            <span className="fact__name">{t.members}</span>
            <span className="fact__value" data-testid="matched-members">
              {formatNumber(m.members, locale)}
            </span>
          </li>
          <li>
            <span className="fact__name">{t.unmatched}</span>
            <span className="fact__value" data-testid="unmatched">
              {formatNumber(m.unmatched, locale)}
            </span>
          </li>
          <li>
            <span className="fact__name">{t.withoutHistory}</span>
            <span className="fact__value">{formatNumber(m.withoutHistory, locale)}</span>
          </li>
          {data.cohorts ? (
            <li>
              <span className="fact__name">{t.cohorts}</span>
              <span className="fact__value">
                {t.cohortRange(
                  data.cohorts.from,
                  data.cohorts.to,
                  formatNumber(data.cohorts.count, locale),
                )}
              </span>
            </li>
          ) : null}
        </ul>
        <p className="muted">
          {t.unmatchedNote(formatNumber(m.unmatched, locale), formatNumber(m.eligible, locale))}
        </p>
        <BalanceTable data={data} locale={locale} />
        <h3>{t.assumptions}</h3>
        <ul>
          {data.assumptions.map((a) => (
            <li key={a.en}>{a[locale]}</li>
          ))}
          <li>
            {t.method(
              formatNumber(data.method.draws, locale),
              formatNumber(data.method.seed, locale),
            )}
          </li>
        </ul>
      </section>
    </>
  );
}

function RoiCard({ data, locale }: { data: Incrementality; locale: Locale }) {
  const t = useMessages(incrementalityMessages);
  const roi = data.roi;
  const x = (v: number | null) => formatMultiple(v, locale, { digits: 2 });
  return (
    <section className="chart-frame" aria-labelledby="incrementality-roi">
      <h3 id="incrementality-roi">{t.roi}</h3>
      {roi ? (
        <>
          <ul className="fact-list">
            <li>
              <span className="fact__name">{t.roiIncremental}</span>
              <span className="fact__value" data-testid="roi-incremental">
                <strong>{x(roi.incremental.estimate)}</strong>
                {roi.incremental.low !== null && roi.incremental.high !== null
                  ? ` (${x(roi.incremental.low)} – ${x(roi.incremental.high)})`
                  : null}
              </span>
            </li>
            <li>
              <span className="fact__name">{t.roiNaive}</span>
              <span className="fact__value" data-testid="roi-naive">
                {x(roi.naive.estimate)}
              </span>
            </li>
          </ul>
          <p className="takeaway">{roi.whichToUse[locale]}</p>
          <p className="muted">
            {t.privateCost(
              formatFigure(roi.privateCost, 'money', locale),
              roi.costMonths.from,
              roi.costMonths.to,
            )}
          </p>
        </>
      ) : (
        <p className="muted">{t.noRoi}</p>
      )}
    </section>
  );
}

function BalanceTable({ data, locale }: { data: Incrementality; locale: Locale }) {
  const t = useMessages(incrementalityMessages);
  const unitOf = (v: Incrementality['balance'][number]['variable']) =>
    v === 'pre_gmv' || v === 'pre_gross_profit' ? 'money' : 'count';
  const fmt = (v: number, unit: 'money' | 'count') =>
    unit === 'money' ? formatFigure(v, 'money', locale) : formatNumber(v, locale, { digits: 2 });
  return (
    <>
      <h3>{t.balance}</h3>
      <p className="muted">{t.balanceNote}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.balance}>
        <table className="figure-table" data-testid="balance-table">
          <thead>
            <tr>
              <th scope="col">{t.variable}</th>
              <th scope="col">{t.membersCol}</th>
              <th scope="col">{t.controlsCol}</th>
              <th scope="col">{t.allCol}</th>
              <th scope="col">{t.stdDiff}</th>
            </tr>
          </thead>
          <tbody>
            {data.balance.map((b) => {
              const unit = unitOf(b.variable);
              const d = b.standardizedDifference;
              return (
                <tr key={b.variable}>
                  <th scope="row">{b.label[locale]}</th>
                  <td>{fmt(b.members, unit)}</td>
                  <td>{fmt(b.matchedControls, unit)}</td>
                  <td>{fmt(b.allNonMembers, unit)}</td>
                  <td>
                    {d === null
                      ? '—'
                      : `${formatNumber(d, locale, { digits: 2 })} ${Math.abs(d) < 0.1 ? t.balanced : t.imbalanced}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
