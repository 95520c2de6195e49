// Time is injectable so deadline logic can be tested by time travel.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests move by hand. */
export function fixedClock(start: Date): Clock & { set(date: Date): void } {
  let current = start;
  return {
    now: () => current,
    set: (date) => {
      current = date;
    },
  };
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Asia/Shanghai, as 'YYYY-MM-DD': the date every deadline is judged against. */
export function shanghaiToday(clock: Clock): string {
  return shanghaiDate.format(clock.now());
}
