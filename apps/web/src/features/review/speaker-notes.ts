/** What the presenter says for a section: each figure with its changes, then the insights on it. */
import type { ReviewResponse } from '@yugang/contract';
import type { Locale } from '@yugang/metrics';
import { figureView } from './figure-view';

type Section = ReviewResponse['sections'][number];

export function sectionInsights(section: Section, insights: ReviewResponse['insights']) {
  const keys = new Set(section.figures.map((f) => f.key));
  return insights.filter((i) => i.figures.some((f) => keys.has(f.key)));
}

export function speakerNotes(
  section: Section,
  insights: ReviewResponse['insights'],
  locale: Locale,
): string[] {
  const zh = locale === 'zh-CN';
  const lines = section.figures.map((f) => {
    const v = figureView(f, locale);
    const parts = [zh ? `${v.title}：${v.value}` : `${v.title}: ${v.value}`];
    if (v.previous) parts.push(zh ? `环比 ${v.previous.text}` : `${v.previous.text} on last week`);
    if (v.yearAgo) parts.push(zh ? `同比 ${v.yearAgo.text}` : `${v.yearAgo.text} on last year`);
    if (v.goal) parts.push(v.goal.text);
    return parts.join(zh ? '，' : ', ');
  });
  return [...sectionInsights(section, insights).map((i) => i.text[locale]), ...lines];
}
