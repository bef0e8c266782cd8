import { useEffect } from 'react';
import { useContext } from 'react';
import { LocaleContext, useT } from '../lib/i18n';

export function Header({ onToggleLocale }: { onToggleLocale: () => void }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('title');
  }, [locale, t]);
  return (
    <header>
      <h1>{t('title')}</h1>
      <p>{t('tagline')}</p>
      <button type="button" onClick={onToggleLocale} lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}>
        {t('switchLanguage')}
      </button>
    </header>
  );
}
