import { createContext, useContext } from 'react';

export type Locale = 'zh-CN' | 'en';

const messages = {
  'zh-CN': {
    title: '鱼缸 · 私域经营看板',
    tagline: '公域是鱼塘,私域是鱼缸:证明鱼缸在赚钱。',
    health: '服务状态',
    engine: '数据库',
    ok: '正常',
    unavailable: '不可用',
    loading: '加载中…',
    switchLanguage: 'English',
  },
  en: {
    title: 'Yugang · private-domain dashboard',
    tagline: 'Public platforms are the pond, the private domain is the tank: prove the tank pays.',
    health: 'Service status',
    engine: 'Database',
    ok: 'OK',
    unavailable: 'Unavailable',
    loading: 'Loading…',
    switchLanguage: '中文',
  },
} as const;

export type MessageKey = keyof (typeof messages)['en'];

export const LocaleContext = createContext<Locale>('zh-CN');

export function useT(): (key: MessageKey) => string {
  const locale = useContext(LocaleContext);
  return (key) => messages[locale][key];
}
