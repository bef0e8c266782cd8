/** Accounts with an alert per day over the window. */
import { useMemo } from 'react';
import { COLORS, markedLinesOption } from '@yugang/charts';
import { formatNumber, type Locale } from '@yugang/metrics';
import type { ResponseOf, riskContract } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { useMessages } from '../../../lib/i18n';
import { riskMessages } from '../messages';

type Risk = ResponseOf<typeof riskContract.get>;

export function AlertsByDayCard({ risk, locale, ws }: { risk: Risk; locale: Locale; ws: string }) {
  const t = useMessages(riskMessages);
  const option = useMemo(
    () =>
      markedLinesOption({
        locale,
        title: t.byDay,
        unit: 'count',
        categories: risk.byDay.map((d) => d.date),
        series: [
          {
            name: t.accountsWithAlert,
            values: risk.byDay.map((d) => d.accountsWithAlert),
            color: COLORS.private,
          },
        ],
      }),
    [locale, t, risk.byDay],
  );
  return (
    <ChartFrame
      title={t.byDay}
      takeaway={t.redLines(
        formatNumber(risk.settings.activeAddsAlert, locale),
        formatNumber(risk.settings.passiveAddsAlert, locale),
        formatNumber(risk.settings.massSendsAlert, locale),
      )}
      option={option}
      description={(option.aria as { label: { description: string } }).label.description}
      table={{
        headers: [t.date, t.accountsWithAlert, t.alerts, t.advice],
        rows: risk.byDay.map((d) => [
          d.date,
          formatNumber(d.accountsWithAlert, locale),
          formatNumber(d.alerts, locale),
          formatNumber(d.advice, locale),
        ]),
      }}
      fileName={`${ws}-risk-by-day`}
      height={240}
    />
  );
}
