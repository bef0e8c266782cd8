import { defineMessages } from '../../lib/i18n';

export const uiMessages = defineMessages({
  'zh-CN': {
    loading: '加载中…',
    empty: '暂无数据',
    error: '加载失败',
    retry: '重试',
    up: '上升',
    down: '下降',
    flat: '持平',
  },
  en: {
    loading: 'Loading…',
    empty: 'No data yet',
    error: 'Could not load',
    retry: 'Retry',
    up: 'up',
    down: 'down',
    flat: 'unchanged',
  },
});
