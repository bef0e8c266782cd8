/** Channels and the domain each counts for (changed by importing a channels file). */
import { formatNumber, formatPercent } from '@yugang/metrics';
import { Empty, ErrorState, Loading } from '../../../components/ui/status';
import { useLocale, useMessages } from '../../../lib/i18n';
import { useChannels } from '../api/settings';
import { settingsMessages } from '../messages';

export function ChannelsPanel({ ws }: { ws: string }) {
  const t = useMessages(settingsMessages);
  const { locale } = useLocale();
  const query = useChannels(ws);
  return (
    <section className="panel" id="channels" aria-labelledby="channels-title">
      <h2 id="channels-title">{t.channelsTitle}</h2>
      <p className="muted">{t.channelsBody}</p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.channels.length === 0 ? (
        <Empty>{t.noChannels}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.channelName}</th>
                <th scope="col">{t.domain}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.commission}</th>
                <th scope="col">{t.orders}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.channels.map((c) => (
                <tr key={c.code}>
                  <td>{c.code}</td>
                  <td>{c.name}</td>
                  <td>
                    <span className={`domain domain--${c.domain}`}>
                      {c.domain === 'private' ? t.private : t.public}
                    </span>
                  </td>
                  <td>{c.kind}</td>
                  <td>
                    {c.commissionRate === null ? '' : formatPercent(c.commissionRate, locale)}
                  </td>
                  <td>{formatNumber(c.orders, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
