import type { OrdersReport } from '@kds/api';
import { BODY_BOTTOM, PageFlow } from './page-flow.ts';

// The orders report's blocks, in points: fixed heights, so pages break where the count says.
export const BODY_TOP = 112;
export const ROW = 15;
const DAY_HEADING = 24;
const DAY_TOTAL = 24;
const RANGE_TOTAL = 44;

/**
 * The report's blocks down its pages. A day's name is kept with its first order, and repeated
 * when its orders go on over a page; its last order is kept with the day's total (and the last
 * day's with the range's). Run over the counts alone, it tells how many pages there will be.
 */
export class ReportFlow {
  private readonly flow: PageFlow;
  private day = -1;
  private row = 0;

  constructor(
    private readonly days: OrdersReport['days'],
    onPage?: (page: number) => void,
  ) {
    this.flow = new PageFlow(BODY_TOP, BODY_BOTTOM, onPage);
  }

  get pages(): number {
    return this.flow.page;
  }

  empty(): number {
    return this.flow.place(DAY_HEADING);
  }

  nextDay(): number {
    this.day += 1;
    this.row = 0;
    return this.flow.place(DAY_HEADING, ROW);
  }

  /** Where the next order goes, and the repeated day name above it on a new page, if any. */
  nextOrder(): { y: number; continued: number | null } {
    this.row += 1;
    const last = this.row === this.days[this.day]?.orders;
    const keep =
      ROW + (last ? DAY_TOTAL + (this.day === this.days.length - 1 ? RANGE_TOTAL : 0) : 0);
    const continued = this.flow.fits(keep) ? null : this.flow.place(DAY_HEADING, keep);
    return { y: this.flow.place(ROW), continued };
  }

  dayTotal(): number {
    return this.flow.place(DAY_TOTAL);
  }

  rangeTotal(): number {
    return this.flow.place(RANGE_TOTAL);
  }
}

/** The pages `days` take: the report's flow run over the counts alone. */
export function countPages(days: OrdersReport['days']): number {
  const flow = new ReportFlow(days);
  if (days.length === 0) flow.empty();
  for (const day of days) {
    flow.nextDay();
    for (let i = 0; i < day.orders; i++) flow.nextOrder();
    flow.dayTotal();
  }
  if (days.length > 0) flow.rangeTotal();
  return flow.pages;
}
