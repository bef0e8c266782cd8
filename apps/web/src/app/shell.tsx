/**
 * The signed-in frame: header (workspace switcher, language, sign out), the left menu grouped
 * 周报 / 趋势 / 分析 / 数据 / 设置 (collapsible on phones) and the page. `?print=1` drops the
 * frame so the review prints (and the server's PDF renders) as pages alone.
 */
import { Link, Outlet, useNavigate, useRouterState, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useLogout } from '../features/auth/api/logout';
import { authMessages } from '../features/auth/messages';
import { useLocale, useMessages } from '../lib/i18n';
import { settingsMessages } from '../features/settings/messages';
import { useWorkspaceUpColor } from '../features/settings/api/settings';
import { appMessages } from './messages';
import { analysisMessages } from './pages/analysis-messages';
import { incrementalityMessages } from '../features/incrementality/messages';
import { useMembership } from './use-membership';

export function Shell() {
  const t = useMessages(appMessages);
  const analysis = useMessages(analysisMessages);
  const incrementality = useMessages(incrementalityMessages);
  const auth = useMessages(authMessages);
  const settingsText = useMessages(settingsMessages);
  const { locale, setLocale } = useLocale();
  const { print } = useSearch({ strict: false });
  const { ws, me, membership, canEdit } = useMembership();
  useWorkspaceUpColor(ws);
  const navigate = useNavigate();
  const logout = useLogout();
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  if (print) {
    return (
      <main id="content" className="print-main">
        <Outlet />
      </main>
    );
  }

  function switchLanguage() {
    setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN');
    void navigate({ to: '.', search: (prev: object) => ({ ...prev, lang: undefined }) });
  }

  function switchWorkspace(slug: string) {
    const page = pathname.split('/').slice(3).join('/') || 'review';
    void navigate({ to: `/w/${slug}/${page}` });
  }

  function signOut() {
    logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: {} }) });
  }

  const page = (
    to: `/w/$ws/${'compare' | 'cohorts' | 'ltv' | 'roi' | 'attribution' | 'incrementality' | 'tiers' | 'community' | 'risk' | 'readiness' | 'goals'}`,
    label: string,
  ) => (
    <li>
      <Link to={to} params={{ ws }} activeProps={{ 'aria-current': 'page' }}>
        {label}
      </Link>
    </li>
  );

  return (
    <div className={`shell ${menuOpen ? 'shell--menu-open' : ''}`}>
      <a className="skip-link" href="#content">
        {t.skipToContent}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">☰</span> {t.menu}
        </button>
        <Link to="/w/$ws/review" params={{ ws }} className="brand">
          {t.brand}
        </Link>
        <label className="workspace-switcher">
          <span className="sr-only">{t.workspace}</span>
          <select value={ws} onChange={(e) => switchWorkspace(e.target.value)}>
            {(me?.memberships ?? []).map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <div className="topbar__end">
          {membership ? (
            <span className="role-badge" data-testid="role">
              {t.role(membership.role)}
            </span>
          ) : null}
          <button type="button" onClick={switchLanguage} lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}>
            {t.switchLanguage}
          </button>
          <button type="button" onClick={signOut} title={t.signedInAs(me?.user?.email ?? '')}>
            {auth.logout}
          </button>
        </div>
      </header>
      <nav
        id="main-nav"
        className="sidenav"
        aria-label={t.mainNav}
        onClick={() => setMenuOpen(false)}
      >
        <h2>{t.groupReview}</h2>
        <ul>
          <li>
            <Link to="/w/$ws/review" params={{ ws }} activeProps={{ 'aria-current': 'page' }}>
              {t.weeklyReview}
            </Link>
          </li>
        </ul>
        <h2>{t.groupTrends}</h2>
        <ul>
          <li>
            <Link to="/w/$ws/trends" params={{ ws }} activeProps={{ 'aria-current': 'page' }}>
              {t.executiveTrends}
            </Link>
          </li>
        </ul>
        <h2>{t.groupAnalysis}</h2>
        <ul>
          {page('/w/$ws/compare', analysis.compare)}
          {page('/w/$ws/cohorts', analysis.cohorts)}
          {page('/w/$ws/ltv', t.ltv)}
          {page('/w/$ws/roi', analysis.roi)}
          {page('/w/$ws/tiers', analysis.tiers)}
          {page('/w/$ws/attribution', analysis.attribution)}
          {page('/w/$ws/incrementality', incrementality.menu)}
          {page('/w/$ws/community', t.community)}
          {page('/w/$ws/risk', analysis.risk)}
          {page('/w/$ws/readiness', analysis.readiness)}
        </ul>
        {canEdit ? (
          <>
            <h2>{t.groupData}</h2>
            <ul>
              <li>
                <Link to="/w/$ws/data" params={{ ws }} activeProps={{ 'aria-current': 'page' }}>
                  {t.imports}
                </Link>
              </li>
            </ul>
          </>
        ) : null}
        <h2>{t.groupSettings}</h2>
        <ul>
          {page('/w/$ws/goals', t.goals)}
          {canEdit ? (
            <li>
              <Link to="/w/$ws/settings" params={{ ws }} activeProps={{ 'aria-current': 'page' }}>
                {settingsText.menu}
              </Link>
            </li>
          ) : null}
          <li>
            <Link
              to="/w/$ws/settings/display"
              params={{ ws }}
              activeProps={{ 'aria-current': 'page' }}
            >
              {t.display}
            </Link>
          </li>
        </ul>
      </nav>
      <main id="content" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
