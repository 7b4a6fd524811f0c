/** What a report is computed from: rows of the store's orders, events and messages. */

export interface ReportEvent {
  orderId: string;
  seq: number;
  type: string;
  stationId: string | null;
  at: Date;
  payload: Record<string, unknown>;
}

export interface ReportOrder {
  id: string;
  status: string;
  paymentMethod: string;
  paymentStatus: string;
  placedAt: Date | null;
  createdAt: Date;
  subtotalCents: number;
  discountCents: number;
  /** The code the discount came from, if any. */
  discountCode: string | null;
  tipCents: number;
  totalCents: number;
  costCents: number;
}

export interface ReportLine {
  orderId: string;
  name: string;
  quantity: number;
  lineTotalCents: number;
}

export interface ReportMoney {
  orderId: string;
  feeCents: number;
  refundedCents: number;
}

export interface ReportMessage {
  channel: string;
  status: string;
  providerStatus: string | null;
  costMicros: number | null;
}

export interface ReportInput {
  timeZone: string;
  orders: ReportOrder[];
  events: ReportEvent[];
  lines: ReportLine[];
  payments: ReportMoney[];
  messages: ReportMessage[];
  stationNames: Map<string, string>;
}
