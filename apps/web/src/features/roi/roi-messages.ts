import { defineMessages } from '../../lib/i18n';

export const roiAnalysisMessages = defineMessages({
  'zh-CN': {
    title: '投入产出与预算',
    intro:
      '私域 ROI 及其公式、养客成本与 3 倍获客成本上限、预算 60/20/20 分配，以及自私域启动以来的累计曲线。',
    formula: '私域 ROI 公式',
    formulaText: (gp: string, fixed: string, variable: string, roi: string) =>
      `（私域毛利 ${gp} − 固定成本 ${fixed}）÷ 变动成本（人力 + 工具 + 流量 + 试用）${variable} = ${roi}`,
    margin: (rate: string, gmv: string) => `私域 GMV ${gmv}，毛利率 ${rate}`,
    cac: '公域获客成本（CAC）',
    cacText: (cost: string, n: string) => `公域流量费用 ${cost} ÷ 新公域客户 ${n} 人`,
    nurture: '养客成本 vs 上限',
    nurtureTitle: '养客成本（每位新私域成员）',
    ceiling: (multiple: string) => `上限（${multiple} × 获客成本）`,
    within: '在上限以内',
    over: '超过上限',
    unknown: '无法判断（缺少获客成本或新成员）',
    budget: '预算分配 vs 60/20/20 规则',
    actual: '实际',
    rule: '60/20/20 规则',
    ruleApplies: (gmv: string) => `近一年 GMV ${gmv}：规则适用（年销售额低于 5000 万元的品牌）。`,
    ruleNotApplies: (gmv: string) =>
      `近一年 GMV ${gmv}：规则是为年销售额低于 5000 万元的品牌设计的，本店仅作参考。`,
    cumulative: '累计私域成本 vs 毛利',
    cost: '累计私域成本',
    grossProfit: '累计私域毛利',
    roiCurves: '累计 ROI：私域 vs 公域',
    privateRoi: '私域 ROI',
    publicRoi: '公域 ROI',
    noMarks: '尚未出现回本月或 ROI 收敛月。',
    figures: '关键数字',
  },
  en: {
    title: 'ROI and budget',
    intro:
      'Private ROI with its formula, nurture cost against the 3 × CAC ceiling, the 60/20/20 budget split, and cumulative curves since the private launch.',
    formula: 'Private ROI formula',
    formulaText: (gp: string, fixed: string, variable: string, roi: string) =>
      `(private gross profit ${gp} − fixed cost ${fixed}) ÷ variable cost (labour + tools + traffic + trial) ${variable} = ${roi}`,
    margin: (rate: string, gmv: string) => `Private GMV ${gmv}, gross margin ${rate}`,
    cac: 'Public CAC',
    cacText: (cost: string, n: string) => `Public traffic cost ${cost} ÷ ${n} new public customers`,
    nurture: 'Nurture cost vs ceiling',
    nurtureTitle: 'Nurture cost (per new private member)',
    ceiling: (multiple: string) => `ceiling (${multiple} × CAC)`,
    within: 'within the ceiling',
    over: 'over the ceiling',
    unknown: 'cannot tell (no CAC or no new members)',
    budget: 'Budget split vs the 60/20/20 rule',
    actual: 'Actual',
    rule: '60/20/20 rule',
    ruleApplies: (gmv: string) =>
      `GMV of the last year ${gmv}: the rule applies (brands under ¥50M a year).`,
    ruleNotApplies: (gmv: string) =>
      `GMV of the last year ${gmv}: the rule is meant for brands under ¥50M a year; here it is only a reference.`,
    cumulative: 'Cumulative private cost vs gross profit',
    cost: 'Cumulative private cost',
    grossProfit: 'Cumulative private gross profit',
    roiCurves: 'Cumulative ROI: private vs public',
    privateRoi: 'Private ROI',
    publicRoi: 'Public ROI',
    noMarks: 'No cost-balance or ROI-convergence month yet.',
    figures: 'Key figures',
  },
});
