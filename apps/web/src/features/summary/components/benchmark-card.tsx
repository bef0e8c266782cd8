/** One metric's private and public bars with the article's benchmarks as reference marks. */
import { useMemo } from 'react';
import { benchmarkBarOption, SIDE_LABELS } from '@yugang/charts';
import { metricById, type Locale } from '@yugang/metrics';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { compareMessages } from '../compare-messages';
import type { CompareRow } from '../compare-rows';

export function BenchmarkCard({
  row,
  locale,
  ws,
}: {
  row: CompareRow;
  locale: Locale;
  ws: string;
}) {
  const t = useMessages(compareMessages);
  const def = metricById(row.id);
  const title = def.name[locale];
  const option = useMemo(
    () =>
      benchmarkBarOption({
        locale,
        title,
        unit: def.unit,
        private: row.private.value,
        public: row.public.value,
        benchmarks: row.marks,
        benchmarkName: t.benchmark,
      }),
    [locale, title, def.unit, row, t.benchmark],
  );
  const description = (option.aria as { label: { description: string } }).label.description;
  const sides = SIDE_LABELS[locale];
  const table = {
    headers: [t.metric, t.privateLabel, t.publicLabel],
    rows: [
      [
        title,
        formatFigure(row.private.value, def.unit, locale),
        formatFigure(row.public.value, def.unit, locale),
      ],
      ...row.marks.map((m) => [
        `${t.benchmark}: ${m.label}`,
        m.side === 'private' ? formatFigure(m.value, def.unit, locale) : '—',
        m.side === 'public' ? formatFigure(m.value, def.unit, locale) : '—',
      ]),
    ],
  };
  return (
    <ChartFrame
      title={title}
      takeaway={`${sides.private} ${formatFigure(row.private.value, def.unit, locale)} · ${sides.public} ${formatFigure(row.public.value, def.unit, locale)}`}
      option={option}
      description={description}
      table={table}
      fileName={`${ws}-compare-${row.id}`}
      height={240}
    >
      {row.marks.map((m) => (
        <p key={m.label} className="benchmark-note">
          {t.benchmark}: {m.label}
        </p>
      ))}
    </ChartFrame>
  );
}
