// One month as a Monday-first grid; holidays red with 休, 调休 working weekends blue with 班.
import type { CalendarDay } from '@xuncha/contracts';
import { Tooltip } from 'antd';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');

type Props = {
  year: number;
  month: number;
  byDay: Map<string, CalendarDay>;
  onPick: ((day: string) => void) | undefined;
};

const cell = { width: '14.28%', textAlign: 'center' as const, padding: '2px 0', fontSize: 12 };

export function MonthGrid({ year, month, byDay, onPick }: Props) {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const leading = (first + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // blank slots before the 1st are numbered 0, −1, … so every slot has its own key
  const slots = [...Array.from({ length: leading }, (_, i) => -i), ...Array.from({ length: days }, (_, i) => i + 1)];
  const weeks = Array.from({ length: Math.ceil(slots.length / 7) }, (_, w) => slots.slice(w * 7, w * 7 + 7));
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          {WEEKDAYS.map((w) => (
            <th key={w} style={{ ...cell, color: '#888', fontWeight: 400 }}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.join('-')}>
            {week.map((d, i) => {
              if (d <= 0) return <td key={`blank${d}`} style={cell} />;
              const day = `${year}-${pad(month + 1)}-${pad(d)}`;
              const entry = byDay.get(day);
              const weekend = i >= 5;
              const color = entry ? (entry.kind === 'holiday' ? '#cf1322' : '#0958d9') : weekend ? '#999' : undefined;
              const background = entry ? (entry.kind === 'holiday' ? '#fff1f0' : '#e6f4ff') : undefined;
              const content = (
                <td
                  key={day}
                  data-testid={`calendar-day-${day}`}
                  style={{ ...cell, color, background, cursor: onPick ? 'pointer' : 'default', borderRadius: 4 }}
                  onClick={onPick && (() => onPick(day))}
                  onKeyDown={onPick && ((e) => e.key === 'Enter' && onPick(day))}
                  tabIndex={onPick ? 0 : undefined}
                >
                  {d}
                  {entry && <sup style={{ fontSize: 9 }}>{entry.kind === 'holiday' ? '休' : '班'}</sup>}
                </td>
              );
              return entry ? (
                <Tooltip key={day} title={entry.name}>
                  {content}
                </Tooltip>
              ) : (
                content
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
