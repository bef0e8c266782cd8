import { describe, expect, it } from 'vitest';
import { reviewInsights, type InsightFigure, type ReviewInsightInput } from './insights.js';

const f = (
  metric: string,
  value: number | null,
  numerator = 0,
  denominator = 100,
): InsightFigure => ({
  metric,
  value,
  numerator,
  denominator,
});

const only = (input: ReviewInsightInput, rule: string) =>
  reviewInsights(input).find((i) => i.rule === rule);

describe('reviewInsights', () => {
  it('compares purchase frequency of private and public customers', () => {
    const i = only(
      {
        figures: {
          purchase_frequency_private: f('purchase_frequency', 2.1, 210, 100),
          purchase_frequency_public: f('purchase_frequency', 1.2, 480, 400),
        },
      },
      'purchase_frequency',
    );
    expect(i?.text['zh-CN']).toBe('私域用户近一年人均购买 2.1 次，公域 1.2 次');
    expect(i?.text.en).toBe(
      'Over the last year private customers bought 2.1 orders each, public 1.2 orders',
    );
    expect(i?.figures).toEqual([
      { metric: 'purchase_frequency', key: 'purchase_frequency_private', value: 2.1 },
      { metric: 'purchase_frequency', key: 'purchase_frequency_public', value: 1.2 },
    ]);
  });

  it('when too few buyers or a value is missing, then no frequency sentence', () => {
    const few = {
      purchase_frequency_private: f('purchase_frequency', 2.1, 21, 10),
      purchase_frequency_public: f('purchase_frequency', 1.2, 480, 400),
    };
    expect(only({ figures: few }, 'purchase_frequency')).toBeUndefined();
    const missing = { ...few, purchase_frequency_private: f('purchase_frequency', null, 0, 0) };
    expect(only({ figures: missing }, 'purchase_frequency')).toBeUndefined();
  });

  it('puts nurture cost against its 3 × CAC ceiling, below or above', () => {
    const below = only(
      { figures: { nurture_cost: f('nurture_cost', 210, 21000, 100) }, nurtureCeiling: 327 },
      'nurture_cost',
    );
    expect(below?.text['zh-CN']).toBe('养客成本 ¥210.00，低于上限 ¥327.00（3 × 公域获客成本）');
    expect(below?.text.en).toBe(
      'Nurture cost ¥210.00 per new member, below its ceiling of ¥327.00 (3 × public CAC)',
    );
    expect(below?.figures.map((x) => x.value)).toEqual([210, 327]);
    const above = only(
      { figures: { nurture_cost: f('nurture_cost', 400, 40000, 100) }, nurtureCeiling: 327 },
      'nurture_cost',
    );
    expect(above?.text['zh-CN']).toContain('高于上限');
    expect(above?.text.en).toContain('above its ceiling');
  });

  it('when the CAC ceiling is unknown, then no nurture sentence', () => {
    const figures = { nurture_cost: f('nurture_cost', 210) };
    expect(only({ figures, nurtureCeiling: null }, 'nurture_cost')).toBeUndefined();
    expect(only({ figures }, 'nurture_cost')).toBeUndefined();
  });

  it('states the return-rate gap in percentage points, and not a gap under half a point', () => {
    const figures = {
      return_rate_private: f('return_rate', 0.031, 31, 1000),
      return_rate_public: f('return_rate', 0.073, 292, 4000),
    };
    const i = only({ figures }, 'return_rate');
    expect(i?.text['zh-CN']).toBe('私域退货率 3.1%，公域 7.3%，私域低 4.2 个百分点');
    expect(i?.text.en).toBe('Private return rate 3.1% against public 7.3%, 4.2 pp lower');
    const close = { ...figures, return_rate_public: f('return_rate', 0.033, 132, 4000) };
    expect(only({ figures: close }, 'return_rate')).toBeUndefined();
  });

  it('states the repeat-purchase gap when private repeats more', () => {
    const i = only(
      {
        figures: {
          repeat_purchase_rate_private: f('repeat_purchase_rate', 0.35, 35, 100),
          repeat_purchase_rate_public: f('repeat_purchase_rate', 0.18, 72, 400),
        },
      },
      'repeat_purchase_rate',
    );
    expect(i?.text['zh-CN']).toBe('私域复购率 35.0%，公域 18.0%，私域高 17.0 个百分点');
    expect(i?.text.en).toContain('17.0 pp higher');
  });

  it('gives ROI with its gross profit and spend, but not when there was no spend', () => {
    const i = only(
      { figures: { private_roi: f('private_roi', 2.4, 24000, 10000) } },
      'private_roi',
    );
    expect(i?.text['zh-CN']).toBe('私域 ROI 2.4 倍：毛利 ¥24,000.00 ÷ 投入 ¥10,000.00');
    expect(i?.text.en).toBe('Private ROI 2.4×: gross profit ¥24,000.00 ÷ spend ¥10,000.00');
    expect(
      only({ figures: { private_roi: f('private_roi', null, 500, 0) } }, 'private_roi'),
    ).toBeUndefined();
  });

  it('gives the credited share with its change on the previous period', () => {
    const i = only(
      {
        figures: {
          credited_gmv_private: f('credited_gmv', 1_234_567, 1_234_567, 1),
          credited_gmv_private_share: f('credited_gmv', 0.3, 30, 100),
        },
        previous: { credited_gmv_private_share: f('credited_gmv', 0.28, 28, 100) },
      },
      'credited_share',
    );
    expect(i?.text['zh-CN']).toBe('私域贡献 GMV ¥123万，占全部 GMV 的 30.0%，环比 +2.0 个百分点');
    expect(i?.text.en).toBe(
      'Private earned ¥1.23M of GMV, 30.0% of all GMV (+2.0 pp on last period)',
    );
  });

  it('raises hollow-growth and red-line alerts first, and only when there are any', () => {
    const figures = {
      hollow_growth: f('hollow_growth', 2, 2, 10),
      risk_alerts: f('risk_alerts', 1, 1, 5),
      private_roi: f('private_roi', 2, 2, 1),
    };
    const out = reviewInsights({ figures });
    expect(out.map((i) => i.rule)).toEqual(['hollow_growth', 'risk_alerts', 'private_roi']);
    expect(out[0]!.text['zh-CN']).toBe('2 个社群出现虚假繁荣：成员在增加，活跃度却在下滑');
    expect(out[1]!.text.en).toBe(
      '1 account red-line alert (too many adds or mass sends) this period: check the accounts',
    );
    const calm = reviewInsights({
      figures: { hollow_growth: f('hollow_growth', 0, 0, 10), risk_alerts: f('risk_alerts', 0) },
    });
    expect(calm).toEqual([]);
  });

  it('gives the 48 h response rate only with enough conversations', () => {
    const i = only(
      { figures: { response_rate_48h: f('response_rate_48h', 0.92, 92, 100) } },
      'response_rate_48h',
    );
    expect(i?.text['zh-CN']).toBe('100 个会话中 92.0% 在 48 小时内得到回复');
    expect(i?.text.en).toBe('92.0% of 100 conversations got a reply within 48 hours');
    expect(
      only(
        { figures: { response_rate_48h: f('response_rate_48h', 1, 5, 5) } },
        'response_rate_48h',
      ),
    ).toBeUndefined();
  });

  it('writes at most five sentences', () => {
    const out = reviewInsights({
      figures: {
        hollow_growth: f('hollow_growth', 1),
        risk_alerts: f('risk_alerts', 1),
        credited_gmv_private: f('credited_gmv', 100, 100, 1),
        credited_gmv_private_share: f('credited_gmv', 0.3, 30, 100),
        purchase_frequency_private: f('purchase_frequency', 2, 200, 100),
        purchase_frequency_public: f('purchase_frequency', 1, 100, 100),
        private_roi: f('private_roi', 2, 2, 1),
      },
    });
    expect(out).toHaveLength(5);
  });
});
