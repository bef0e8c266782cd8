/** The last year's chart annotations, newest first; leads and owners delete or add them. */
import type { ReactNode } from 'react';
import { Empty, ErrorState, Loading } from '../../../components/ui/status';
import { useMessages } from '../../../lib/i18n';
import { useRecentAnnotations, useRemoveAnnotation } from '../api/settings';
import { settingsMessages } from '../messages';

export function AnnotationsPanel({
  ws,
  today,
  canEdit,
  addControl,
}: {
  ws: string;
  today: string;
  canEdit: boolean;
  addControl?: ReactNode;
}) {
  const t = useMessages(settingsMessages);
  const query = useRecentAnnotations(ws, today);
  const remove = useRemoveAnnotation(ws);
  const rows = [...(query.data?.annotations ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="panel" id="annotations" aria-labelledby="annotations-title">
      <h2 id="annotations-title">{t.annotationsTitle}</h2>
      <p className="muted">{t.annotationsBody}</p>
      {canEdit ? addControl : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{t.noAnnotations}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.text}</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="sr-only">{t.remove}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td>{a.date}</td>
                  <td className="wrap">{a.text}</td>
                  {canEdit ? (
                    <td>
                      <button
                        type="button"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(a.id)}
                      >
                        {t.remove}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
