/** When each kind of data last landed, in load order, so a stale or missing kind stands out. */
import { formatNumber } from '@yugang/metrics';
import { useLocale, useMessages } from '../../../lib/i18n';
import { useDataFreshness } from '../api/get-freshness';
import { useImports } from '../api/list-imports';
import { freshnessByKind } from '../freshness';
import { importsMessages } from '../messages';

export function FreshnessCard({ ws }: { ws: string }) {
  const t = useMessages(importsMessages);
  const { locale } = useLocale();
  const query = useImports(ws);
  const latest = useDataFreshness(ws).data;
  const rows = freshnessByKind(query.data?.imports ?? [], new Date());
  return (
    <section className="panel" aria-labelledby="freshness-title" data-testid="freshness">
      <h2 id="freshness-title">{t.freshnessTitle}</h2>
      {latest ? (
        <p data-testid="latest-data-day">
          {latest.latestDataDay ? t.latestDataDay(latest.latestDataDay) : t.noData}
        </p>
      ) : null}
      <ul className="freshness-list">
        {rows.map((row) => (
          <li
            key={row.kind}
            data-testid={`freshness-${row.kind}`}
            className={row.lastAt ? '' : 'is-missing'}
          >
            <span className="freshness-list__kind">{t.kindName(row.kind)}</span>
            <span className="muted">
              {row.daysAgo === null
                ? t.never
                : `${t.daysAgo(row.daysAgo)} · ${t.lastRows(formatNumber(row.rows ?? 0, locale))}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
