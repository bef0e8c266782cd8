import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncrementalityResponse, ReviewResponse } from '@yugang/contract';
import { formatChartValue } from '@yugang/charts';
import { formatMultiple } from '@yugang/metrics';
import { cjkFontFile } from './chart-render.js';
import { startReviewDemo, type ReviewDemo } from './review-demo.fixture.js';

let demo: ReviewDemo;
let review: ReviewResponse;

async function download(path: string) {
  const res = await fetch(`${demo.t.url}/api/v1/workspaces/${demo.slug}${path}`, {
    headers: demo.viewer,
  });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

/** Every entry of a zip file as text, by name. */
function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  demo = await startReviewDemo();
  const res = await demo.t.call('get', `/workspaces/${demo.slug}/review`, { as: demo.viewer });
  review = res.body;
}, 120_000);

afterAll(async () => {
  await demo?.t.close();
});

describe('review exports', () => {
  it('GET /review.pptx: the slides hold the numbers, insights, footer and an appendix, within 3 s', async () => {
    const started = performance.now();
    const { res, body } = await download('/review.pptx?lang=zh-CN');
    const ms = performance.now() - started;
    console.log(`review.pptx: ${Math.round(ms)} ms, ${body.length} bytes`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('presentationml');
    expect(ms).toBeLessThan(3_000);
    const files = await unzip(body);
    const slides = [...files.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBeGreaterThanOrEqual(1 + review.sections.length + 1);
    const xml = slides.map((n) => files.get(n)!).join('\n');
    const charts = [...files.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBe(review.sections.length);
    // Numbers, as formatted on the page.
    const members = review.sections[1]!.figures.find((f) => f.key === 'private_members')!;
    expect(xml).toContain(members.current.value!.toLocaleString('en-US'));
    expect(xml).toContain('私域 48小时响应率');
    for (const insight of review.insights)
      expect(xml).toContain(insight.text['zh-CN'].slice(0, 12));
    expect(xml).toContain('窗口 2026-W39（2026-09-21 至 2026-09-27');
    expect(xml).toContain('附录：指标口径');
    expect(xml).toContain('分子');
    const notes = [...files.keys()].filter((n) => /^ppt\/notesSlides\/.*\.xml$/.test(n));
    expect(notes.length).toBeGreaterThan(0);
  });

  it('GET /review.pptx: a slide gives the matched lift with its interval beside the naive gap and the two ROIs, with notes and the footer', async () => {
    const res = await demo.t.call(
      'get',
      `/workspaces/${demo.slug}/incrementality?months=6&asOf=${review.window.to.slice(0, 7)}-01`,
      { as: demo.viewer },
    );
    expect(res.status).toBe(200);
    const inc = res.body as IncrementalityResponse;
    expect(inc.matched.members).toBeGreaterThan(0);
    const { body } = await download('/review.pptx?lang=zh-CN');
    const files = await unzip(body);
    const slide = [...files.entries()].find(
      ([n, x]) => /^ppt\/slides\/slide\d+\.xml$/.test(n) && x.includes('私域增量价值'),
    );
    expect(slide, 'the incrementality slide').toBeDefined();
    const [name, xml] = slide!;
    const money = (v: number | null) => formatChartValue(v, 'money', 'zh-CN');
    const gp = inc.matched.perMember.grossProfit;
    expect(xml).toContain(inc.summary['zh-CN']);
    expect(xml).toContain(money(gp.estimate));
    expect(xml).toContain(`${money(gp.low)} – ${money(gp.high)}`);
    expect(xml).toContain(money(inc.naive.perMember.grossProfit.estimate));
    if (inc.roi) {
      expect(xml).toContain(formatMultiple(inc.roi.incremental.estimate, 'zh-CN', { digits: 2 }));
      expect(xml).toContain(formatMultiple(inc.roi.naive.estimate, 'zh-CN', { digits: 2 }));
      expect(xml).toContain(inc.roi.whichToUse['zh-CN'].slice(0, 12));
    }
    expect(xml).toContain('窗口 2026-W39（2026-09-21 至 2026-09-27');
    const n = /slide(\d+)\.xml$/.exec(name)![1];
    const rels = files.get(`ppt/slides/_rels/slide${n}.xml.rels`)!;
    const notesFile = /notesSlides\/(notesSlide\d+\.xml)/.exec(rels)![1];
    expect(files.get(`ppt/notesSlides/${notesFile}`)).toContain(inc.summary['zh-CN']);
  });

  it('GET /review.pptx?lang=en: English slides', async () => {
    const { res, body } = await download('/review.pptx?lang=en&week=2026-W38');
    expect(res.status).toBe(200);
    const xml = [...(await unzip(body)).entries()]
      .filter(([n]) => n.startsWith('ppt/slides/slide'))
      .map(([, x]) => x)
      .join('\n');
    expect(xml).toContain('Appendix: metric definitions');
    expect(xml).toContain('2026-W38 (2026-09-14 to 2026-09-20');
  });

  it.skipIf(!cjkFontFile())('GET /review/charts/:name.png: a PNG with CJK text', async () => {
    const { res, body } = await download('/review/charts/credited_gmv_private.png?lang=zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(body.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(body.length).toBeGreaterThan(20_000);
    const missing = await download('/review/charts/nothing.png');
    expect(missing.res.status).toBe(404);
  });
});
