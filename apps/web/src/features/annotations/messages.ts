import { defineMessages } from '../../lib/i18n';

export const annotationMessages = defineMessages({
  'zh-CN': {
    add: '添加标注',
    date: '日期',
    text: '标注内容',
    save: '保存标注',
    cancel: '取消',
    saving: '保存中…',
    saved: '已添加标注',
    failed: '标注没有保存',
  },
  en: {
    add: 'Add annotation',
    date: 'Date',
    text: 'Annotation',
    save: 'Save annotation',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'Annotation added',
    failed: 'The annotation was not saved',
  },
});
