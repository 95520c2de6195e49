import dayjs, { type Dayjs } from 'dayjs';

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today's calendar date in Asia/Shanghai, the day the server judges deadlines by. `dayjs()` is the
 * browser's own day: a laptop set to another time zone would propose yesterday's or tomorrow's date.
 */
export function todayInShanghai(now: Date = new Date()): Dayjs {
  return dayjs(SHANGHAI_DATE.format(now));
}
