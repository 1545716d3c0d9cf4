import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '../../../src-shared/contract/committee';
import { useLanguage } from '../../app/language';
import { formatCount } from '../interview/format-number';

/** The colour of a clock level: green on time, orange in the warning window, red past the deadline. */
export const LEVEL_COLOURS: Record<BoardItem['level'], string> = { on_time: 'green', warning: 'orange', overdue: 'red', decided: 'blue' };

/** Days left on the 14-day clock in its own unit, coloured by how close the deadline is. */
export function ClockTag({ level, daysLeft, mode }: { level: BoardItem['level']; daysLeft: number | null; mode: BoardItem['clockMode'] }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  let text: string;
  if (daysLeft === null) text = t('committee.board.decided');
  else if (daysLeft < 0) text = t('committee.board.overdue', { days: formatCount(-daysLeft, lang) });
  else if (daysLeft === 0) text = t('committee.board.dueToday');
  else text = t(mode === 'working' ? 'committee.board.daysLeftWorking' : 'committee.board.daysLeft', { days: formatCount(daysLeft, lang) });
  return (
    <Tag color={LEVEL_COLOURS[level]} data-testid="clock-tag" data-level={level}>
      {text}
    </Tag>
  );
}
