/** Imported A/B holdouts: the list, the opened experiment's lifts with intervals and its split check. */
import { Link } from '@tanstack/react-router';
import { formatNumber, formatPercent, type Locale } from '@yugang/metrics';
import type { experimentsContract, ResponseOf } from '@yugang/contract';
import { ErrorState, Loading } from '../../../components/ui/status';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { useExperiment, useExperiments } from '../api/experiments';
import { experimentsMessages } from '../messages';

type Experiment = ResponseOf<typeof experimentsContract.get>;

export function ExperimentsList(props: { ws: string; locale: Locale; selected?: string }) {
  const { ws, locale } = props;
  const t = useMessages(experimentsMessages);
  const list = useExperiments(ws);
  const selected = props.selected ?? list.data?.experiments[0]?.experimentId;
  const experiment = useExperiment(ws, selected);
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Loading />;
  if (list.data.experiments.length === 0)
    return (
      <p className="muted" data-testid="experiments-empty">
        {t.none}
      </p>
    );
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.list}>
        <table className="figure-table" data-testid="experiments-table">
          <thead>
            <tr>
              <th scope="col">{t.experiment}</th>
              <th scope="col">{t.treatment}</th>
              <th scope="col">{t.holdout}</th>
              <th scope="col">{t.assigned}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.experiments.map((e) => (
              <tr key={e.experimentId}>
                <th scope="row">
                  <Link
                    to="/w/$ws/incrementality"
                    params={{ ws }}
                    search={(prev) => ({ ...prev, experiment: e.experimentId })}
                    aria-current={e.experimentId === selected ? 'true' : undefined}
                  >
                    {e.experimentId}
                  </Link>
                </th>
                <td>{formatNumber(e.treatment, locale)}</td>
                <td>{formatNumber(e.holdout, locale)}</td>
                <td>{`${e.firstAssignedAt.slice(0, 10)} – ${e.lastAssignedAt.slice(0, 10)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {experiment.isError ? (
        <ErrorState error={experiment.error} onRetry={() => void experiment.refetch()} />
      ) : experiment.isPending ? (
        <Loading />
      ) : (
        <ExperimentLift experiment={experiment.data} locale={locale} />
      )}
    </>
  );
}

function ExperimentLift({ experiment, locale }: { experiment: Experiment; locale: Locale }) {
  const t = useMessages(experimentsMessages);
  const money = (v: number | null) => formatFigure(v, 'money', locale);
  const orders = (v: number | null) => formatNumber(v, locale, { digits: 3 });
  const points = (v: number | null) => formatPercent(v, locale, { digits: 1, signed: true });
  const measures = [
    ['conversion', t.conversion, points],
    ['orders', t.orders, orders],
    ['gmv', t.gmv, money],
    ['grossProfit', t.grossProfit, money],
  ] as const;
  const srm = experiment.sampleRatio;
  const srmText = (srm.mismatch ? t.srmBad : t.srmOk)(
    formatPercent(srm.plannedHoldoutShare, locale),
    formatPercent(srm.observedHoldoutShare, locale),
    formatNumber(srm.pValue, locale, { digits: 4 }),
  );
  return (
    <>
      <h3>{t.lift(experiment.experimentId)}</h3>
      <p className="takeaway">{experiment.summary[locale]}</p>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t.lift(experiment.experimentId)}
      >
        <table className="figure-table" data-testid="experiment-lift">
          <thead>
            <tr>
              <th scope="col">{t.measure}</th>
              <th scope="col">{t.treatment}</th>
              <th scope="col">{t.holdout}</th>
              <th scope="col">{t.difference}</th>
              <th scope="col">{t.interval}</th>
              <th scope="col">{t.relative}</th>
              <th scope="col">{t.pValue}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map(([key, label, fmt]) => {
              const l = experiment.lift[key];
              const arm = (v: number) => (key === 'conversion' ? formatPercent(v, locale) : fmt(v));
              return (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{arm(experiment.treatment[key])}</td>
                  <td>{arm(experiment.holdout[key])}</td>
                  <td>
                    <strong>{fmt(l.estimate)}</strong>
                  </td>
                  <td>
                    {l.low === null || l.high === null ? '—' : `${fmt(l.low)} – ${fmt(l.high)}`}
                  </td>
                  <td>{formatPercent(l.relative, locale, { signed: true })}</td>
                  <td>{formatNumber(l.pValue, locale, { digits: 3 })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={srm.mismatch ? 'error' : 'muted'} data-testid="sample-ratio">
        <strong>{t.srm}</strong> {srmText}
      </p>
    </>
  );
}
