/** The colours every chart shares, so private and public read the same on every page and export. */
export const COLORS = {
  private: '#1f6feb',
  public: '#8b949e',
  goal: '#d29922',
  band: 'rgba(210, 153, 34, 0.12)',
  annotation: '#6e40c9',
} as const;

export type Side = 'private' | 'public';

export const SIDE_LABELS = {
  'zh-CN': { private: '私域', public: '公域' },
  en: { private: 'Private', public: 'Public' },
} as const;
