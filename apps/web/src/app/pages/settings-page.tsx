/**
 * 设置: the workspace (owners edit, leads and viewers read): name, time zone, launch date,
 * currency and colours; channels and their domain; thresholds; sensitive words; annotations; and
 * for owners members and roles, API keys and the audit log.
 */
import { useParams } from '@tanstack/react-router';
import { AddAnnotation } from '../../features/annotations/components/add-annotation';
import { ApiKeysPanel } from '../../features/api-keys/components/api-keys-panel';
import { apiKeysMessages } from '../../features/api-keys/messages';
import { AuditLog } from '../../features/audit/components/audit-log';
import { auditMessages } from '../../features/audit/messages';
import { MembersPanel } from '../../features/members/components/members-panel';
import { membersMessages } from '../../features/members/messages';
import { useSettings } from '../../features/settings/api/settings';
import { AnnotationsPanel } from '../../features/settings/components/annotations-panel';
import { ChannelsPanel } from '../../features/settings/components/channels-panel';
import { ThresholdsPanel } from '../../features/settings/components/thresholds-panel';
import { WordsPanel } from '../../features/settings/components/words-panel';
import { WorkspacePanel } from '../../features/settings/components/workspace-panel';
import { settingsMessages } from '../../features/settings/messages';
import { ErrorState, Loading } from '../../components/ui/status';
import { useMessages } from '../../lib/i18n';
import { useMembership } from '../use-membership';
import './admin.css';

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function SettingsPage() {
  const t = useMessages(settingsMessages);
  const members = useMessages(membersMessages);
  const keys = useMessages(apiKeysMessages);
  const audit = useMessages(auditMessages);
  const { ws } = useParams({ from: '/w/$ws' });
  const { membership, me, canEdit } = useMembership();
  const isOwner = membership?.role === 'owner';
  const settings = useSettings(ws);
  const today = localToday();

  const sections: [string, string, boolean][] = [
    ['workspace', t.workspaceTitle, true],
    ['channels', t.channelsTitle, true],
    ['members', members.title, isOwner],
    ['api-keys', keys.title, isOwner],
    ['thresholds', t.thresholdsTitle, true],
    ['sensitive-words', t.wordsTitle, true],
    ['annotations', t.annotationsTitle, true],
    ['audit', audit.title, isOwner],
  ];

  return (
    <div className="page settings-page" data-testid="settings-page">
      <div className="page-head">
        <div>
          <h1>{t.title}</h1>
          {!isOwner ? <p className="muted">{t.readOnly}</p> : null}
        </div>
      </div>
      <nav className="settings-nav" aria-label={t.sections}>
        <ul>
          {sections
            .filter(([, , shown]) => shown)
            .map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
        </ul>
      </nav>
      <div className="settings-stack">
        {settings.isPending ? (
          <Loading />
        ) : settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <WorkspacePanel
            key={`ws-${settings.dataUpdatedAt}`}
            ws={ws}
            view={settings.data}
            canEdit={isOwner}
          />
        )}
        <ChannelsPanel ws={ws} />
        {isOwner ? <MembersPanel ws={ws} myUserId={me?.user?.id ?? null} /> : null}
        {isOwner ? <ApiKeysPanel ws={ws} /> : null}
        {settings.data ? (
          <>
            <ThresholdsPanel ws={ws} view={settings.data} canEdit={isOwner} />
            <WordsPanel ws={ws} view={settings.data} canEdit={isOwner} />
          </>
        ) : null}
        <AnnotationsPanel
          ws={ws}
          today={today}
          canEdit={canEdit}
          addControl={<AddAnnotation ws={ws} defaultDate={today} />}
        />
        {isOwner ? <AuditLog ws={ws} /> : null}
      </div>
    </div>
  );
}
