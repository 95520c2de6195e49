// Round names follow the committee's own pattern: "十五届区委第三轮巡察" → "十五届区委第四轮巡察".
import { chineseNumber } from '@xuncha/contracts';

const ROUND_PATTERN = /^(.*)第[零一二三四五六七八九十\d]+轮(.*)$/;

/** The next name after `previous`, or one built from the committee's short name when there is none. */
export function suggestRoundName(previous: string | undefined, seq: number, committeeShortName: string): string {
  const match = previous?.match(ROUND_PATTERN);
  if (match) return `${match[1]}第${chineseNumber(seq)}轮${match[2]}`;
  return `${committeeShortName}第${chineseNumber(seq)}轮巡察`;
}

/** 中共示例市城关区委 → 区委, 中共示例市委 → 市委: what a round name calls its committee. */
export function committeeShortName(level: string): string {
  if (level.startsWith('省')) return '省委';
  if (level.startsWith('市')) return '市委';
  if (level.startsWith('区') || level.startsWith('县')) return '区委';
  return '党组';
}
