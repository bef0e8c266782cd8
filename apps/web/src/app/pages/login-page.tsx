import { useNavigate, useSearch } from '@tanstack/react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { useLocale, useMessages } from '../../lib/i18n';
import { appMessages } from '../messages';

export function LoginPage() {
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/login' });
  const { locale, setLocale } = useLocale();
  const t = useMessages(appMessages);
  return (
    <main className="login-page" id="content">
      <div className="login-card">
        <p className="brand-line">{t.brandLong}</p>
        <LoginForm
          onSignedIn={() =>
            redirect ? void navigate({ href: redirect }) : void navigate({ to: '/', search: {} })
          }
        />
        <button
          type="button"
          className="link-button"
          lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t.switchLanguage}
        </button>
      </div>
    </main>
  );
}
