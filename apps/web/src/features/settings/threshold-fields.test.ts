import { DEFAULT_WORKSPACE_SETTINGS, type SettingsView } from '@yugang/contract';
import { describe, expect, it } from 'vitest';
import { parseWords, toForm, toPatch, type ThresholdForm } from './threshold-fields';

const view: SettingsView = {
  slug: 'demo',
  name: '演示品牌',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  privateLaunchedOn: null,
  settings: { ...DEFAULT_WORKSPACE_SETTINGS, commissionRate: 0.05, privateShare: 0.5 },
  defaults: DEFAULT_WORKSPACE_SETTINGS,
};

describe('threshold form', () => {
  it('when nothing is changed, then the patch is empty', () => {
    expect(toPatch(view, toForm(view.settings))).toEqual({ patch: {}, problems: [] });
  });

  it('when rates are typed in percent and a tier day count changes, then only those go, as rates and numbers', () => {
    const form: ThresholdForm = {
      ...toForm(view.settings),
      commissionRate: '6.5%',
      'tiers.recentDays': '60',
    };
    expect(form.privateShare).toBe('50');
    expect(toPatch(view, form)).toEqual({
      patch: { settings: { commissionRate: 0.065, tiers: { recentDays: 60 } } },
      problems: [],
    });
  });

  it('when complaints are left empty or the flag flips, then null and false are sent', () => {
    const withAlert = {
      ...view,
      settings: {
        ...view.settings,
        risk: { ...view.settings.risk, complaintsAlert: 3, treatUnknownAgeAsNew: true },
      },
    };
    const form = {
      ...toForm(withAlert.settings),
      'risk.complaintsAlert': '',
      'risk.treatUnknownAgeAsNew': false,
    };
    expect(toPatch(withAlert, form).patch).toEqual({
      settings: { risk: { complaintsAlert: null, treatUnknownAgeAsNew: false } },
    });
  });

  it('when a value is not a number, out of range or not whole, then it is named and not sent', () => {
    const form = {
      ...toForm(view.settings),
      defaultMargin: 'abc',
      privateShare: '120',
      'tiers.lookbackDays': '1.5',
    };
    expect(toPatch(view, form)).toEqual({
      patch: {},
      problems: [
        { id: 'defaultMargin', kind: 'number' },
        { id: 'privateShare', kind: 'range' },
        { id: 'tiers.lookbackDays', kind: 'whole' },
      ],
    });
  });

  it('reads sensitive words one per line or by commas, without blanks or repeats', () => {
    expect(parseWords('加微信\n 返现 ,返现，刷单、\n\n')).toEqual(['加微信', '返现', '刷单']);
  });
});
