/**
 * WeCom customer list (企业微信管理后台 → 客户联系 → 客户 → 导出): one row per customer × staff
 * member who added them. The customer becomes a private member from the earliest add time; the
 * stable id is a mobile number (备注手机号) when one is there, else the external contact id.
 */
import { mainlandMobile } from '../identity.js';
import { definePreset } from './preset.js';

export const wecomCustomers = definePreset({
  name: 'wecom_customers',
  label: { zh: '企业微信 客户列表', en: 'WeCom customer list' },
  kind: 'customers',
  columns: {
    name: ['客户名称', '客户', '客户昵称', '微信昵称'],
    remark: ['客户备注', '备注', '备注名'],
    staff: ['添加人', '所属员工', '添加人(员工)', '跟进人', '所属成员'],
    staffId: ['添加人账号', '员工账号', '成员账号'],
    addedAt: ['添加时间', '添加好友时间', '成为客户时间'],
    tags: ['标签', '企业标签', '客户标签'],
    phone: ['备注手机号', '手机号', '电话', '客户手机号', '描述手机号'],
    externalId: ['客户ID', '外部联系人ID', 'external_userid', 'unionid'],
    source: ['来源', '添加渠道', '添加方式'],
  },
  required: ['name', 'staff', 'addedAt'],
  outputs: ['customer_id', 'joined_private_at'],
  sources: { customer_id: 'phone', joined_private_at: 'addedAt' },
  toRow(get) {
    const phones = get('phone')
      .split(/[,，;；/]+/)
      .map(mainlandMobile)
      .filter((p) => p !== null);
    const external = get('externalId');
    const id = phones[0] ?? (external ? `wecom:${external}` : '');
    if (!id) return { skip: 'no_stable_id' };
    return { fields: { customer_id: id, joined_private_at: get('addedAt') } };
  },
  fold: { key: 'customer_id', min: ['joined_private_at'], skip: 'duplicate_contact' },
});
