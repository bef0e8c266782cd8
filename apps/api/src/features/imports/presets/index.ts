/**
 * The platform presets: one file per export layout, and this registry (order matters only for
 * ties in detection). Adding a preset is one file and one line in PRESETS.
 */
import { douyin } from './douyin.js';
import { jd } from './jd.js';
import { pinduoduo } from './pinduoduo.js';
import type { Preset } from './preset.js';
import { tmall } from './tmall.js';
import { wecomCustomers } from './wecom-customers.js';
import { wecomContactsApi, wecomGroups, wecomGroupsApi } from './wecom-groups.js';
import { youzan } from './youzan.js';

export const PRESETS: readonly Preset[] = [
  tmall,
  douyin,
  jd,
  youzan,
  pinduoduo,
  wecomCustomers,
  wecomGroups,
  wecomGroupsApi,
  wecomContactsApi,
];

export const PRESET_NAMES = PRESETS.map((p) => p.name);

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

export { type Preset, type PresetContext, type SkipReason } from './preset.js';
