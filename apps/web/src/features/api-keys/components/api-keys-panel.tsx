/** API keys (owners): create one (shown once, read-only if asked), see when each was last used, revoke. */
import { useState, type FormEvent } from 'react';
import { Empty, ErrorState, Loading } from '../../../components/ui/status';
import { useLocale, useMessages } from '../../../lib/i18n';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../api/api-keys';
import { apiKeysMessages } from '../messages';

const when = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

export function ApiKeysPanel({ ws }: { ws: string }) {
  const t = useMessages(apiKeysMessages);
  const { locale } = useLocale();
  const query = useApiKeys(ws);
  const create = useCreateApiKey(ws);
  const revoke = useRevokeApiKey(ws);
  const [name, setName] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const failure = create.error ?? revoke.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), readOnly },
      {
        onSuccess: (answer) => {
          setCreated({ name: answer.name, key: answer.key });
          setName('');
          setReadOnly(false);
        },
      },
    );
  }

  return (
    <section
      className="panel"
      id="api-keys"
      aria-labelledby="api-keys-title"
      data-testid="api-keys"
    >
      <h2 id="api-keys-title">{t.title}</h2>
      <p className="muted">{t.body}</p>
      {failure ? (
        <p role="alert" className="form-error">
          {t.failed(failure.message)}
        </p>
      ) : null}
      {created ? (
        <div className="shown-once" role="status">
          <p>{t.shownOnce(created.name)}</p>
          <code className="secret" data-testid="new-api-key">
            {created.key}
          </code>
          <p className="muted">{t.usage}</p>
          <button type="button" onClick={() => setCreated(null)}>
            {t.dismiss}
          </button>
        </div>
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.apiKeys.length === 0 ? (
        <Empty>{t.none}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.prefix}</th>
                <th scope="col">{t.access}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.lastUsed}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.apiKeys.map((k) => (
                <tr key={k.id} data-testid={`api-key-${k.name}`}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{k.readOnly ? t.readOnly : t.readWrite}</td>
                  <td>
                    {when(k.createdAt, locale)}
                    {k.createdBy ? <span className="muted"> · {k.createdBy}</span> : null}
                  </td>
                  <td>{k.lastUsedAt ? when(k.lastUsedAt, locale) : t.never}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className="muted">{t.revoked(when(k.revokedAt, locale))}</span>
                    ) : (
                      <button
                        type="button"
                        aria-label={t.revokeLabel(k.name)}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(k.id)}
                      >
                        {t.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="settings-form settings-form--inline"
        onSubmit={submit}
        aria-labelledby="create-key-title"
      >
        <h3 id="create-key-title">{t.createTitle}</h3>
        <label>
          <span>{t.name}</span>
          <input
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="api-key-name"
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={readOnly}
            onChange={(e) => setReadOnly(e.target.checked)}
          />
          <span>{t.readOnlyOption}</span>
        </label>
        <button type="submit" className="primary" disabled={create.isPending || name.trim() === ''}>
          {create.isPending ? t.creating : t.create}
        </button>
      </form>
    </section>
  );
}
