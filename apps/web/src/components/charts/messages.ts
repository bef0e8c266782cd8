import { defineMessages } from '../../lib/i18n';

export const chartMessages = defineMessages({
  'zh-CN': {
    showTable: '以表格查看',
    showChart: '以图表查看',
    downloadPng: '下载 PNG',
    chartTools: '图表操作',
    empty: '这段时间没有数据',
    period: '时期',
  },
  en: {
    showTable: 'Show as table',
    showChart: 'Show as chart',
    downloadPng: 'Download PNG',
    chartTools: 'Chart tools',
    empty: 'No data in this period',
    period: 'Period',
  },
});
