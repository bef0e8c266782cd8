import { defineMessages } from '../../lib/i18n';

export const summaryMessages = defineMessages({
  'zh-CN': {
    privateLabel: '私域',
    publicLabel: '公域',
    previous: '环比',
    yearAgo: '同比',
  },
  en: {
    privateLabel: 'Private',
    publicLabel: 'Public',
    previous: 'vs previous',
    yearAgo: 'vs last year',
  },
});
