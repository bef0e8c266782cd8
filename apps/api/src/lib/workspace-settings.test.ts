import { DEFAULT_WORKSPACE_SETTINGS } from '@yugang/contract';
import { describe, expect, it } from 'vitest';
import { readModelSettings } from '../read-model/read-model.settings.js';
import { workspaceSettingsOf } from './workspace-settings.js';

describe('workspace settings reader', () => {
  it('when settings are stored in camelCase, then every reader sees the same values', () => {
    const workspace = {
      time_zone: 'Asia/Shanghai',
      settings: { defaultMargin: 0.3, privateShare: 0.6, commissionRate: 0.08 },
    };
    const all = workspaceSettingsOf(workspace);
    expect(readModelSettings(workspace)).toEqual({
      timeZone: 'Asia/Shanghai',
      defaultMargin: all.defaultMargin,
      privateShare: all.privateShare,
      commissionRate: all.commissionRate,
    });
    expect(all).toMatchObject({ defaultMargin: 0.3, privateShare: 0.6, commissionRate: 0.08 });
  });

  it('when a value is another spelling, a string or out of range, then it takes its default alone', () => {
    const all = workspaceSettingsOf({
      settings: {
        default_margin: 0.3,
        privateShare: '0.6',
        commissionRate: 2,
        tiers: { recentDays: 30, lookbackDays: -1 },
      },
    });
    expect(all.defaultMargin).toBe(DEFAULT_WORKSPACE_SETTINGS.defaultMargin);
    expect(all.privateShare).toBe(DEFAULT_WORKSPACE_SETTINGS.privateShare);
    expect(all.commissionRate).toBe(DEFAULT_WORKSPACE_SETTINGS.commissionRate);
    expect(all.tiers).toEqual({
      ...DEFAULT_WORKSPACE_SETTINGS.tiers,
      recentDays: 30,
    });
  });
});
