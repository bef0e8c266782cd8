import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { HealthStatus } from '../features/health/health-status';
import { LocaleContext, type Locale } from '../lib/i18n';
import { Header } from './header';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: 1 } },
});

export function App() {
  const [locale, setLocale] = useState<Locale>(() =>
    navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
  );
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleContext.Provider value={locale}>
        <Header onToggleLocale={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} />
        <main>
          <HealthStatus />
        </main>
      </LocaleContext.Provider>
    </QueryClientProvider>
  );
}
