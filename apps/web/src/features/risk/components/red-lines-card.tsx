/** One account's daily active adds, passive adds and mass sends against the red lines. */
import { useMemo } from 'react';
import { RED_LINE_LABELS, RED_LINE_MEASURES, redLinesOption } from '@yugang/charts';
import { formatNumber, type Locale } from '@yugang/metrics';
import type { ResponseOf, riskContract } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { useMessages } from '../../../lib/i18n';
import { riskMessages } from '../messages';
import { redLineSeries } from '../risk-rows';

type Risk = ResponseOf<typeof riskContract.get>;

const limitsOf = (settings: Risk['settings']) => ({
  activeAdds: settings.activeAddsAlert,
  passiveAdds: settings.passiveAddsAlert,
  massSends: settings.massSendsAlert,
});

export function RedLinesCard(props: { risk: Risk; accountId: string; locale: Locale; ws: string }) {
  const t = useMessages(riskMessages);
  const { risk, accountId, locale } = props;
  const series = useMemo(() => redLineSeries(risk, accountId), [risk, accountId]);
  const title = t.redLineTitle(accountId);
  const limits = limitsOf(risk.settings);
  const option = useMemo(
    () =>
      redLinesOption({
        locale,
        title,
        dates: series.dates,
        values: series.values,
        limits: limitsOf(risk.settings),
      }),
    [locale, title, series, risk.settings],
  );
  const labels = RED_LINE_LABELS[locale];
  const count = (v: number | null) => (v === null ? '—' : formatNumber(v, locale));
  return (
    <ChartFrame
      title={title}
      takeaway={t.redLines(
        formatNumber(limits.activeAdds, locale),
        formatNumber(limits.passiveAdds, locale),
        formatNumber(limits.massSends, locale),
      )}
      option={option}
      description={(option.aria as { label: { description: string } }).label.description}
      table={{
        headers: [t.date, ...RED_LINE_MEASURES.map((m) => labels[m])],
        rows: series.dates.map((d, i) => [
          d,
          ...RED_LINE_MEASURES.map((m) => count(series.values[m][i] ?? null)),
        ]),
      }}
      fileName={`${props.ws}-red-lines-${accountId}`}
      height={420}
    >
      <p className="muted">
        {t.newAccountNote}{' '}
        <span
          data-testid="red-line-crossed"
          data-account={accountId}
          data-value={series.crossedDays}
        >
          {t.crossedDays(formatNumber(series.crossedDays, locale))}
        </span>
      </p>
    </ChartFrame>
  );
}
