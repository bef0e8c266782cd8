/**
 * The API writes row problems in English ("unknown customer C9: import customers first"); the
 * page shows them in the user's language. Each known sentence has a Chinese form with the same
 * values; a sentence we do not know is shown as the API wrote it rather than guessed at.
 */
import type { Locale } from '@yugang/metrics';

const WHAT: Record<string, string> = {
  customer: '客户',
  channel: '渠道',
  account: '账号',
  status: '状态',
  domain: '域',
  category: '类别',
  channels: '渠道',
  customers: '客户',
  accounts: '账号',
  orders: '订单',
};
const what = (word: string) => WHAT[word] ?? word;

type Rule = [RegExp, (...groups: string[]) => string];

const ZH: Rule[] = [
  [/^is empty$/, () => '为空'],
  [
    /^unknown (\w+) (.+): import (\w+) first$/,
    (w, v, k) => `未知的${what(w)} ${v}：请先导入${what(k)}`,
  ],
  [
    /^unknown (\w+) (.+) \((.+)\)$/,
    (w, v, allowed) => `无法识别的${what(w)} ${v}（可填：${allowed}）`,
  ],
  [
    /^duplicate (.+?) (\S+) \(first on line (\d+)\)$/,
    (key, v, line) => `重复的 ${key} ${v}（第 ${line} 行已出现）`,
  ],
  [/^not a date\/time: (.+) \(use (.+)\)$/, (v, f) => `不是日期时间：${v}（请用 ${f}）`],
  [/^not a date: (.+) \(use (.+)\)$/, (v, f) => `不是日期：${v}（请用 ${f}）`],
  [/^not a calendar date: (.+)$/, (v) => `日历上没有这一天：${v}`],
  [/^not a month: (.+) \(use (.+)\)$/, (v, f) => `不是月份：${v}（请用 ${f}）`],
  [/^not a time: (.+)$/, (v) => `不是时间：${v}`],
  [/^not a time zone offset: (.+)$/, (v) => `不是时区偏移：${v}`],
  [/^must not be negative: (.+)$/, (v) => `不能为负数：${v}`],
  [/^not an amount in yuan: (.+)$/, (v) => `不是以元为单位的金额：${v}`],
  [/^not a count: (.+)$/, (v) => `不是整数：${v}`],
  [/^too large: (.+)$/, (v) => `数值过大：${v}`],
  [/^not a rate: (.+)$/, (v) => `不是比率：${v}`],
  [
    /^a rate must be between 0 and 1 \(or 0%–100%\): (.+)$/,
    (v) => `比率须在 0 到 1 之间（或 0%–100%）：${v}`,
  ],
  [
    /^a rate has at most 4 decimals \(2 in percent\): (.+)$/,
    (v) => `比率最多 4 位小数（百分数 2 位）：${v}`,
  ],
  [/^not yes\/no: (.+) \(use .+\)$/, (v) => `不是“是/否”：${v}（请用 是/否 或 1/0）`],
  [/^longer than (\d+) characters$/, (n) => `超过 ${n} 个字符`],
  [/^refund is larger than the amount paid$/, () => '退款金额大于实付金额'],
  [/^left the private domain before joining it$/, () => '离开私域的时间早于加入私域的时间'],
  [/^first reply is before the first inbound message$/, () => '首次回复早于首次咨询'],
  [/^more active members than members$/, () => '活跃成员数大于群成员数'],
  [/^more internal members than members$/, () => '内部成员数大于群成员数'],
  [/^an account cannot back itself up$/, () => '账号不能做自己的备用号'],
  [/^arm must be treatment .+$/, () => '分组须为 实验组（treatment）或 对照组（holdout）'],
];

/** A row problem in the user's language. */
export function rowReason(reason: string, locale: Locale): string {
  if (locale === 'en') return reason;
  for (const [pattern, zh] of ZH) {
    const match = pattern.exec(reason);
    if (match) return zh(...match.slice(1));
  }
  return reason;
}
