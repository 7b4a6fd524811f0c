import type { ReportEvent, ReportInput, ReportOrder } from './report-input.ts';
import { byText, spread } from './report-stats.ts';
import { replayTicket } from './replay-ticket.ts';

const seconds = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 1000) || 0;

/** The hour of the day an instant falls in, in the store's zone. */
export type HourOf = (at: Date) => number;

/** Times to ready, by station, item and hour, and a delivery's legs, from each order's story. */
export function ticketTimesOf(input: ReportInput, sold: ReportOrder[], hourOf: HourOf) {
  const eventsBy = new Map<string, ReportEvent[]>();
  for (const e of input.events) {
    const list = eventsBy.get(e.orderId) ?? [];
    list.push(e);
    eventsBy.set(e.orderId, list);
  }
  const times = {
    station: new Map<string, number[]>(),
    item: new Map<string, number[]>(),
    hour: new Map<number, number[]>(),
    ready: [] as number[],
    toDispatch: [] as number[],
    onTheRoad: [] as number[],
  };
  for (const o of sold) {
    const story = replayTicket(eventsBy.get(o.id) ?? []);
    if (!story.placedAt || story.canceled) continue;
    addStory(times, story, story.placedAt, input.stationNames, hourOf);
  }
  return {
    timeToReady: spread(times.ready),
    deliveries: {
      timeToDispatch: spread(times.toDispatch),
      timeOnTheRoad: spread(times.onTheRoad),
    },
    ticketTimes: {
      byStation: [...times.station]
        .map(([station, v]) => ({ station, ...spread(v) }))
        .sort((a, b) => byText(a.station, b.station)),
      byItem: [...times.item]
        .map(([item, v]) => ({ item, ...spread(v) }))
        .sort((a, b) => byText(a.item, b.item)),
      byHour: [...times.hour]
        .sort(([a], [b]) => a - b)
        .map(([hour, v]) => ({ hour, ...spread(v) })),
    },
  };
}

interface Times {
  station: Map<string, number[]>;
  item: Map<string, number[]>;
  hour: Map<number, number[]>;
  ready: number[];
  toDispatch: number[];
  onTheRoad: number[];
}

const push = <K>(map: Map<K, number[]>, key: K, value: number) =>
  map.set(key, [...(map.get(key) ?? []), value]);

/** One placed order's times, added to the report's. */
function addStory(
  times: Times,
  story: ReturnType<typeof replayTicket>,
  placedAt: Date,
  stationNames: Map<string, string>,
  hourOf: HourOf,
) {
  if (story.dispatchedAt) {
    if (story.readyAt) times.toDispatch.push(seconds(story.readyAt, story.dispatchedAt));
    if (story.completedAt) times.onTheRoad.push(seconds(story.dispatchedAt, story.completedAt));
  }
  const perStation = new Map<string, Date[]>();
  let complete = true;
  for (const item of story.items) {
    if (!item.doneAt) {
      complete = false;
      continue;
    }
    perStation.set(item.stationId, [...(perStation.get(item.stationId) ?? []), item.doneAt]);
    push(times.item, item.name, seconds(placedAt, item.doneAt));
  }
  for (const [stationId, dones] of perStation) {
    const allDone = story.items.filter((i) => i.stationId === stationId).every((i) => i.doneAt);
    if (!allDone) continue;
    const last = dones.reduce((a, b) => (a > b ? a : b));
    push(times.station, stationNames.get(stationId) ?? stationId, seconds(placedAt, last));
  }
  if (story.readyAt && complete) {
    const t = seconds(placedAt, story.readyAt);
    times.ready.push(t);
    push(times.hour, hourOf(placedAt), t);
  }
}
