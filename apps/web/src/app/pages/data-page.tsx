/**
 * 数据: load the files a lead has (upload with preview, dry run and a progress bar that survives a
 * reload), see what landed and when (history, freshness per kind), and get sample files. Viewers
 * see history and freshness only.
 */
import { useParams } from '@tanstack/react-router';
import { useActiveImport } from '../../features/imports/active-import';
import { FreshnessCard } from '../../features/imports/components/freshness-card';
import { ImportHistory } from '../../features/imports/components/import-history';
import { ImportProgress } from '../../features/imports/components/import-progress';
import { LoadOrderNote, TemplatesCard } from '../../features/imports/components/templates-card';
import { UploadCard } from '../../features/imports/components/upload-card';
import { importsMessages } from '../../features/imports/messages';
import { useMessages } from '../../lib/i18n';
import { useMembership } from '../use-membership';
import './admin.css';

export function DataPage() {
  const t = useMessages(importsMessages);
  const { ws } = useParams({ from: '/w/$ws' });
  const { canEdit, membership, me } = useMembership();
  const [activeId, setActiveId] = useActiveImport(ws);
  return (
    <div className="page" data-testid="data-page">
      <div className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="muted">{canEdit ? t.intro : t.viewerNote}</p>
        </div>
      </div>
      <div className="data-grid">
        <div className="data-grid__main">
          {activeId !== null ? (
            <ImportProgress ws={ws} id={activeId} onDismiss={() => setActiveId(null)} />
          ) : null}
          {canEdit ? <UploadCard ws={ws} onStarted={setActiveId} /> : null}
          <ImportHistory
            ws={ws}
            myUserId={me?.user?.id ?? null}
            isOwner={membership?.role === 'owner'}
          />
        </div>
        <div className="data-grid__side">
          <LoadOrderNote />
          <FreshnessCard ws={ws} />
          <TemplatesCard ws={ws} />
        </div>
      </div>
    </div>
  );
}
