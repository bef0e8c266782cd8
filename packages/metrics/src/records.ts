/**
 * Plain records the reference functions read. The API maps database rows to these; tests build
 * them by hand. Money is integer fen. Local dates are 'YYYY-MM-DD' in the workspace time zone.
 */
export type Domain = 'public' | 'private';
export type Segment = Domain | 'all';
export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'completed' | 'cancelled';
export type CostCategory = 'labor' | 'tools' | 'traffic' | 'trial' | 'fixed';

export interface CustomerRecord {
  id: string;
  acquiredAt: Date | null;
  acquisitionChannel: string | null;
  joinedPrivateAt: Date | null;
  leftPrivateAt: Date | null;
}

export interface OrderRecord {
  id: string;
  customerId: string;
  channel: string;
  /** The channel's domain, fixed when the order was loaded. */
  domain: Domain;
  orderedAt: Date;
  /** ordered_at as a date in the workspace time zone. */
  localDate: string;
  amountFen: number;
  /** null: use amount × the workspace default margin. */
  grossProfitFen: number | null;
  commissionFen: number | null;
  status: OrderStatus;
  returned: boolean;
  refundFen: number;
}

export interface CostRecord {
  /** 'YYYY-MM' */
  month: string;
  domain: Domain;
  category: CostCategory;
  amountFen: number;
}

export interface ConversationRecord {
  id: string;
  customerId: string | null;
  accountId: string | null;
  firstInboundAt: Date;
  firstResponseAt: Date | null;
}

export interface GroupDayRecord {
  groupId: string;
  date: string;
  members: number;
  activeMembers: number;
  messages: number;
  joins: number;
  leaves: number;
  internalMembers: number;
  /** Messages written by internal (staff) members; null when the export does not give it. */
  internalMessages: number | null;
}

export interface AccountRecord {
  id: string;
  kind: string;
  /** 'YYYY-MM-DD' or null when unknown. */
  registeredAt: string | null;
  /** The main account this one backs up; null for a main account. */
  backupOf: string | null;
}

export interface AccountDayRecord {
  accountId: string;
  date: string;
  activeAdds: number;
  passiveAdds: number;
  massSends: number;
  complaints: number;
}

export interface LiveSessionRecord {
  id: string;
  channel: string;
  startedAt: Date;
  viewers: number;
  privateAdds: number;
}

/** A half-open range of local dates [from, to) in the workspace time zone. */
export interface DateWindow {
  from: string;
  to: string;
}
