/** The alert list, the group table (alerting groups first) and the cold-start table. */
import { formatNumber, formatPercent, type Locale } from '@yugang/metrics';
import type { communityContract, ResponseOf } from '@yugang/contract';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import type { CommunityGroup } from '../community-rows';
import { communityMessages } from '../messages';

type Community = ResponseOf<typeof communityContract.get>;

const signed = (x: number | null, text: string) =>
  x === null ? '—' : x > 0 ? `▲ +${text}` : x < 0 ? `▼ ${text}` : text;

export function CommunityAlerts({ data, locale }: { data: Community; locale: Locale }) {
  const t = useMessages(communityMessages);
  const name = (id: string) => data.groups.find((g) => g.groupId === id)?.name ?? id;
  const items = [
    ...data.hollowGrowth.map((h) =>
      t.hollow(
        h.name,
        signed(h.memberChange, formatPercent(h.memberChange, locale)),
        signed(h.activityChange, formatPercent(h.activityChange, locale)),
      ),
    ),
    ...data.flooding.map((id) => t.flooding(name(id))),
    ...data.belowGuideline.map((id) => t.below(name(id))),
  ];
  return (
    <section aria-labelledby="community-alerts">
      <h2 id="community-alerts" className="section-title">
        {t.alerts}
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t.noAlerts}</p>
      ) : (
        <ul className="alert-list" data-testid="community-alerts" data-count={items.length}>
          {items.map((text) => (
            <li key={text} className="status-bad">
              {text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function GroupTable({
  groups,
  locale,
}: {
  groups: readonly CommunityGroup[];
  locale: Locale;
}) {
  const t = useMessages(communityMessages);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.groups}>
      <table className="figure-table" data-testid="group-table">
        <caption className="sr-only">{t.groups}</caption>
        <thead>
          <tr>
            <th scope="col">{t.group}</th>
            <th scope="col">{t.members}</th>
            <th scope="col">{t.activity}</th>
            <th scope="col">{t.activity7d}</th>
            <th scope="col">{t.joins}</th>
            <th scope="col">{t.leaves}</th>
            <th scope="col">{t.internal}</th>
            <th scope="col">{t.memberChange}</th>
            <th scope="col">{t.activityChange}</th>
            <th scope="col">{t.flags}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const flags = [
              g.trend.hollowGrowth ? t.flagHollow : null,
              g.internal.flooding ? t.flagFlooding : null,
              g.internal.meetsGuideline === false ? t.flagBelow : null,
            ].filter((x): x is string => x !== null);
            return (
              <tr key={g.groupId} data-group={g.groupId}>
                <th scope="row">{g.name}</th>
                <td data-testid={`group-${g.groupId}-members`} data-value={g.members}>
                  {formatNumber(g.members, locale)}
                </td>
                <td>{formatPercent(g.activityRate.value, locale)}</td>
                <td>{formatPercent(g.activityRate7d.value, locale)}</td>
                <td data-testid={`group-${g.groupId}-joins`} data-value={g.trend.joins}>
                  {formatNumber(g.trend.joins, locale)}
                </td>
                <td>{formatNumber(g.trend.leaves, locale)}</td>
                <td>{formatNumber(g.internal.per100.value, locale, { digits: 1 })}</td>
                <td>{signed(g.trend.memberChange, formatPercent(g.trend.memberChange, locale))}</td>
                <td>
                  {signed(
                    g.trend.activityChange,
                    formatFigure(g.trend.activityChange, 'ratio', locale),
                  )}
                </td>
                <td className={flags.length > 0 ? 'status-bad' : 'status-ok'}>
                  {flags.length > 0 ? flags.join('，') : t.flagOk}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ColdStartTable({ data, locale }: { data: Community; locale: Locale }) {
  const t = useMessages(communityMessages);
  if (data.coldStart.length === 0) return <p className="muted">{t.noColdStart}</p>;
  const rate = (span: Community['coldStart'][number]['first48h']) =>
    `${formatPercent(span.activityRate.value, locale)}${span.complete ? '' : t.incomplete}`;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.coldStart}>
      <table className="figure-table">
        <caption className="sr-only">{t.coldStart}</caption>
        <thead>
          <tr>
            <th scope="col">{t.group}</th>
            <th scope="col">{t.firstSeen}</th>
            <th scope="col">{t.first48h}</th>
            <th scope="col">{t.first3Days}</th>
            <th scope="col">{t.messages}</th>
            <th scope="col">{t.internal}</th>
          </tr>
        </thead>
        <tbody>
          {data.coldStart.map((c) => (
            <tr key={c.groupId}>
              <th scope="row">{c.name}</th>
              <td>{c.firstDate}</td>
              <td>{rate(c.first48h)}</td>
              <td>{rate(c.first3Days)}</td>
              <td>{formatNumber(c.first3Days.messages, locale)}</td>
              <td>{formatNumber(c.internal.per100.value, locale, { digits: 1 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
