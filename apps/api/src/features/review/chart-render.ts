/**
 * Server-side chart images: the same @yugang/charts option builders the web draws, rendered by
 * ECharts' SSR to SVG, then to PNG by resvg with a CJK font (Debian fonts-noto-cjk), so a
 * slide, a push message or a download shows exactly what the page shows.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { AppError } from '../../errors/app-error.js';

const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/truetype/noto',
  '/usr/share/fonts/opentype',
  '/usr/share/fonts/truetype',
  '/usr/share/fonts',
];
export const CJK_FAMILY = 'Noto Sans CJK SC';

let cachedFont: string | null | undefined;

/** The Noto Sans CJK font file (.ttc or .otf), or null when fonts-noto-cjk is not installed. */
export function cjkFontFile(): string | null {
  if (cachedFont !== undefined) return cachedFont;
  cachedFont = null;
  for (const dir of FONT_DIRS) {
    if (!existsSync(dir)) continue;
    const hit = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /NotoSansCJK.*-Regular\.(ttc|otf)$|NotoSansCJKsc-Regular\.otf$/.test(f))
      .sort()[0];
    if (hit) {
      cachedFont = path.join(dir, hit);
      break;
    }
  }
  return cachedFont;
}

export interface ChartSize {
  width: number;
  height: number;
}

/** An option rendered to an SVG string (no DOM). */
export function renderSvg(option: EChartsOption, { width, height }: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CJK_FAMILY },
      ...option,
      animation: false,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** An option rendered to PNG at `scale` × its size; 501 when no CJK font is installed. */
export function renderPng(option: EChartsOption, size: ChartSize, scale = 2): Buffer {
  const font = cjkFontFile();
  if (!font) {
    throw new AppError(
      501,
      'no_cjk_font',
      'chart images need a CJK font: install fonts-noto-cjk (apt-get install fonts-noto-cjk)',
    );
  }
  const svg = renderSvg(option, size);
  const resvg = new Resvg(svg, {
    font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: CJK_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
