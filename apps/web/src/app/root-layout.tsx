import { Link, Outlet, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LocaleProvider, useLocale, useMessages } from '../lib/i18n';
import { UpColorProvider } from '../lib/up-down';
import { appMessages } from './messages';

function DocumentLanguage() {
  const { locale } = useLocale();
  const t = useMessages(appMessages);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.brandLong;
  }, [locale, t]);
  return null;
}

export function RootLayout() {
  const { lang } = useSearch({ strict: false });
  return (
    <LocaleProvider forced={lang}>
      <UpColorProvider>
        <DocumentLanguage />
        <Outlet />
      </UpColorProvider>
    </LocaleProvider>
  );
}

export function NotFoundPage() {
  const t = useMessages(appMessages);
  return (
    <main className="centered" id="content">
      <h1>{t.notFound}</h1>
      <Link to="/">{t.backHome}</Link>
    </main>
  );
}
