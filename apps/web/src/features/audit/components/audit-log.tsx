/** The audit log (owners), filterable by area, person and text, with older pages on demand. */
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../../components/ui/status';
import { useLocale, useMessages } from '../../../lib/i18n';
import { useAuditLog } from '../api/get-audit';
import { areaOf, areasOf, filterAudit, type AuditFilter } from '../audit-filter';
import { auditMessages } from '../messages';

export function AuditLog({ ws }: { ws: string }) {
  const t = useMessages(auditMessages);
  const { locale } = useLocale();
  const query = useAuditLog(ws);
  const [filter, setFilter] = useState<AuditFilter>({ area: '', actor: '', text: '' });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const shown = filterAudit(entries, filter);
  return (
    <section className="panel" id="audit" aria-labelledby="audit-title" data-testid="audit-log">
      <h2 id="audit-title">{t.title}</h2>
      <p className="muted">{t.body}</p>
      <div className="settings-form settings-form--inline" role="search" aria-label={t.title}>
        <label>
          <span>{t.area}</span>
          <select
            value={filter.area}
            onChange={(e) => setFilter({ ...filter, area: e.target.value })}
            data-testid="audit-area"
          >
            <option value="">{t.all}</option>
            {areasOf(entries).map((area) => (
              <option key={area} value={area}>
                {t.areaName(area)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.actor}</span>
          <input
            value={filter.actor}
            onChange={(e) => setFilter({ ...filter, actor: e.target.value })}
          />
        </label>
        <label>
          <span>{t.search}</span>
          <input
            type="search"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </label>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>{t.none}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.actor}</th>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.target}</th>
                <th scope="col">{t.details}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id} data-testid="audit-entry">
                  <td>{new Date(e.at).toLocaleString(locale)}</td>
                  <td>
                    {e.actorEmail ?? (e.actorApiKeyId !== null ? t.byKey(e.actorApiKeyId) : '')}
                  </td>
                  <td>
                    <span className="muted">{t.areaName(areaOf(e.action))}</span>{' '}
                    <code>{e.action}</code>
                  </td>
                  <td>{e.target}</td>
                  <td className="wrap details">
                    {Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        {t.shown(shown.length, entries.length)}{' '}
        {query.hasNextPage ? (
          <button
            type="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {t.more}
          </button>
        ) : null}
      </p>
    </section>
  );
}
