import { describe, expect, it } from 'vitest';
import type { AccountDayRecord, AccountRecord } from './records.js';
import {
  DEFAULT_RISK_SETTINGS,
  accountDayAlerts,
  accountRedLines,
  backupCoverage,
  checkSensitiveText,
  complianceRate,
  riskAlertDays,
  riskAlerts,
} from './risk.js';

function account(
  id: string,
  registeredAt: string | null,
  backupOf: string | null = null,
): AccountRecord {
  return { id, kind: 'personal_wechat', registeredAt, backupOf };
}

function accountDay(
  p: Partial<AccountDayRecord> & Pick<AccountDayRecord, 'accountId'>,
): AccountDayRecord {
  return { date: '2024-03-10', activeAdds: 0, passiveAdds: 0, massSends: 0, complaints: 0, ...p };
}

const NEW = account('new', '2024-03-01');
const OLD = account('old', '2023-01-01');

describe('account red lines', () => {
  it('when a new account actively adds 11 people in a day, then it is an alert; 10 is not', () => {
    expect(accountDayAlerts(accountDay({ accountId: 'new', activeAdds: 11 }), NEW)).toEqual([
      {
        accountId: 'new',
        date: '2024-03-10',
        rule: 'active_adds',
        level: 'alert',
        value: 11,
        limit: 10,
        newAccount: true,
      },
    ]);
    const ten = accountDayAlerts(accountDay({ accountId: 'new', activeAdds: 10 }), NEW);
    expect(ten.map((a) => a.level)).toEqual(['advice']);
  });

  it('when a new account actively adds 6 people, then it gets advice (3–5 recommended); 5 gets nothing', () => {
    expect(accountDayAlerts(accountDay({ accountId: 'new', activeAdds: 6 }), NEW)[0]).toMatchObject(
      {
        rule: 'active_adds',
        level: 'advice',
        limit: 5,
      },
    );
    expect(accountDayAlerts(accountDay({ accountId: 'new', activeAdds: 5 }), NEW)).toEqual([]);
  });

  it('when a new account has 31 passive adds, then it is an alert; 30 is within the limit', () => {
    expect(
      accountDayAlerts(accountDay({ accountId: 'new', passiveAdds: 31 }), NEW)[0],
    ).toMatchObject({
      rule: 'passive_adds',
      level: 'alert',
    });
    expect(accountDayAlerts(accountDay({ accountId: 'new', passiveAdds: 30 }), NEW)).toEqual([]);
  });

  it('when a new account mass-sends twice in a day, then it is an alert; once is fine', () => {
    expect(accountDayAlerts(accountDay({ accountId: 'new', massSends: 2 }), NEW)[0]).toMatchObject({
      rule: 'mass_sends',
      level: 'alert',
      limit: 1,
      newAccount: true,
    });
    expect(accountDayAlerts(accountDay({ accountId: 'new', massSends: 1 }), NEW)).toEqual([]);
  });

  it('when an old account mass-sends twice, then only the widened all-accounts setting alerts', () => {
    const twice = accountDay({ accountId: 'old', massSends: 2 });
    expect(accountDayAlerts(twice, OLD)).toEqual([]);
    const settings = { ...DEFAULT_RISK_SETTINGS, massSendScope: 'all_accounts' as const };
    expect(accountDayAlerts(twice, OLD, settings)[0]).toMatchObject({
      rule: 'mass_sends',
      newAccount: false,
    });
  });

  it('when an account is 90 days old, then the add limits no longer apply; at 89 days they do', () => {
    const day89 = accountDay({ accountId: 'new', date: '2024-05-29', activeAdds: 50 });
    const day90 = accountDay({ accountId: 'new', date: '2024-05-30', activeAdds: 50 });
    expect(accountDayAlerts(day89, NEW)).toHaveLength(1);
    expect(accountDayAlerts(day90, NEW)).toEqual([]);
  });

  it('when the registration date is unknown, then the account is not judged as new unless configured', () => {
    const unknown = account('u', null);
    const busy = accountDay({ accountId: 'u', activeAdds: 50 });
    expect(accountDayAlerts(busy, unknown)).toEqual([]);
    expect(
      accountDayAlerts(busy, unknown, { ...DEFAULT_RISK_SETTINGS, treatUnknownAgeAsNew: true }),
    ).toHaveLength(1);
  });

  it('when days come in any order, then alerts are sorted by date, account and rule', () => {
    const alerts = riskAlerts(
      [NEW, OLD],
      [
        accountDay({ accountId: 'old', date: '2024-03-11', massSends: 3 }),
        accountDay({ accountId: 'new', date: '2024-03-10', passiveAdds: 40, activeAdds: 20 }),
        accountDay({ accountId: 'ghost', date: '2024-03-10', massSends: 2 }),
      ],
      { ...DEFAULT_RISK_SETTINGS, massSendScope: 'all_accounts' },
    );
    expect(alerts.map((a) => `${a.date} ${a.accountId} ${a.rule}`)).toEqual([
      '2024-03-10 ghost mass_sends',
      '2024-03-10 new active_adds',
      '2024-03-10 new passive_adds',
      '2024-03-11 old mass_sends',
    ]);
  });
});

describe('accountRedLines', () => {
  it('when accounts have days in and around the window, then each gets its window days with the red lines crossed', () => {
    const days = [
      accountDay({ accountId: 'old', date: '2024-03-11', activeAdds: 40, massSends: 3 }),
      accountDay({ accountId: 'new', date: '2024-03-11', activeAdds: 11, passiveAdds: 31 }),
      accountDay({ accountId: 'new', date: '2024-03-10', activeAdds: 7, massSends: 2 }),
      accountDay({ accountId: 'new', date: '2024-03-20', activeAdds: 99 }), // after the window
    ];
    const lines = accountRedLines([NEW, OLD], days, { from: '2024-03-10', to: '2024-03-20' });
    expect(lines.map((l) => l.accountId)).toEqual(['new', 'old']);
    expect(lines[0]!.days).toEqual([
      {
        date: '2024-03-10',
        activeAdds: 7,
        passiveAdds: 0,
        massSends: 2,
        newAccount: true,
        crossed: ['mass_sends'], // 7 active adds is advice, not a red line
      },
      {
        date: '2024-03-11',
        activeAdds: 11,
        passiveAdds: 31,
        massSends: 0,
        newAccount: true,
        crossed: ['active_adds', 'passive_adds'],
      },
    ]);
    // An old account crosses no add line; mass sends count for new accounts only by default.
    expect(lines[1]!.days[0]).toMatchObject({ newAccount: false, crossed: [] });
    const wide = accountRedLines(
      [OLD],
      days,
      { from: '2024-03-10', to: '2024-03-20' },
      {
        ...DEFAULT_RISK_SETTINGS,
        massSendScope: 'all_accounts',
      },
    );
    expect(wide.find((l) => l.accountId === 'old')!.days[0]!.crossed).toEqual(['mass_sends']);
  });
});

describe('riskAlertDays', () => {
  it('when a day breaks two red lines and another only gets advice, then one alert day is counted', () => {
    const days = [
      accountDay({ accountId: 'new', date: '2024-03-10', activeAdds: 20, passiveAdds: 40 }),
      accountDay({ accountId: 'new', date: '2024-03-11', activeAdds: 7 }),
      accountDay({ accountId: 'new', date: '2024-04-01', activeAdds: 20 }),
    ];
    expect(riskAlertDays([NEW], days, { from: '2024-03-01', to: '2024-04-01' })).toBe(1);
  });
});

describe('checkSensitiveText', () => {
  it('when a text mentions 金融 and 投资 (the seed’s examples), then both are flagged with positions', () => {
    const check = checkSensitiveText('本周金融课:投资入门');
    expect(check.flagged).toBe(true);
    expect(check.matches.map((m) => [m.word, m.index])).toEqual([
      ['金融', 2],
      ['投资', 6],
    ]);
  });

  it('when a word occurs several times, then every occurrence is reported', () => {
    const check = checkSensitiveText('投资投资，再投资', ['投资']);
    expect(check.matches.map((m) => m.index)).toEqual([0, 2, 6]);
  });

  it('when a Latin word differs only in case, then it still matches and reports the text as written', () => {
    const check = checkSensitiveText('Free CRYPTO tips', ['crypto', 'Crypto']);
    expect(check.matches).toEqual([{ word: 'crypto', index: 5, length: 6, text: 'CRYPTO' }]);
  });

  it('when the text is clean or the list is blank, then nothing is flagged', () => {
    expect(checkSensitiveText('新品上市，欢迎试用').flagged).toBe(false);
    expect(checkSensitiveText('投资', ['', '  ']).flagged).toBe(false);
  });
});

describe('backupCoverage', () => {
  it('when one of two main accounts has a backup, then coverage is 50% and the other is listed', () => {
    const coverage = backupCoverage([
      account('m1', null),
      account('m2', null),
      account('b1', null, 'm1'),
      account('b2', null, 'm1'),
      account('stray', null, 'missing'),
    ]);
    expect(coverage).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, uncovered: ['m2'] });
  });

  it('when there are no main accounts, then coverage is null with a reason', () => {
    const coverage = backupCoverage([]);
    expect(coverage.value).toBeNull();
    expect(coverage.reason).toBeDefined();
  });
});

describe('complianceRate', () => {
  const accounts = [NEW, OLD, account('idle', '2023-01-01')];
  const days = [
    accountDay({ accountId: 'new', date: '2024-03-05', activeAdds: 11 }),
    accountDay({ accountId: 'new', date: '2024-04-05', activeAdds: 3 }),
    accountDay({ accountId: 'old', date: '2024-03-06', activeAdds: 8, massSends: 1 }),
    accountDay({ accountId: 'idle', date: '2024-03-06' }),
  ];

  it('when one of two active accounts crossed a red line in March, then compliance is 50%', () => {
    const rate = complianceRate(accounts, days, '2024-03');
    expect(rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, nonCompliant: ['new'] });
  });

  it('when the only issue is advice, then the account is still compliant', () => {
    const rate = complianceRate(
      accounts,
      [accountDay({ accountId: 'new', activeAdds: 7 })],
      '2024-03',
    );
    expect(rate.value).toBe(1);
  });

  it('when no account was active in the month, then the rate is null', () => {
    expect(complianceRate(accounts, days, '2024-05').value).toBeNull();
  });
});
