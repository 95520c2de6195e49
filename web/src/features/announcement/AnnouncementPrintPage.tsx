import { Button } from 'antd';
import { useParams } from 'react-router';
import { formatDate } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { type Announcement, publicUrl, useAnnouncement } from './api.ts';
import './print.css';

const longDate = (d: string | null) =>
  d
    ? formatDate(d).replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, day) => `${y}年${Number(m)}月${Number(day)}日`)
    : '____年__月__日';

function Sheet({ announcement: a }: { announcement: Announcement }) {
  const team = a.teamName ?? '区委巡察组';
  // one string: JSX would put a space at every source line break, which Chinese text must not have
  const body =
    `根据区委巡察工作统一部署，${team}于${longDate(a.periodStart)}至${longDate(a.periodEnd)}对${a.unitName}党组织开展巡察。` +
    `巡察期间，巡察组主要受理反映${a.unitName}领导班子及其成员、下一级党组织主要负责人和重要岗位领导干部问题的来信来电来访，` +
    '重点是违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律等方面的举报和反映。' +
    '其他不属于巡察受理范围的信访问题，将按规定转交有关部门处理。';
  return (
    <article className="a4-sheet" data-testid="announcement-sheet">
      <h1>巡察公告</h1>
      <p>{body}</p>
      <dl>
        <dt>联系电话</dt>
        <dd>{a.phone ?? '—'}</dd>
        <dt>邮政信箱</dt>
        <dd>{a.mailbox ?? '—'}</dd>
        <dt>接待地点</dt>
        <dd>{a.address ?? '—'}</dd>
        <dt>接待时间</dt>
        <dd>{a.receptionHours ?? '—'}</dd>
        {a.email && (
          <>
            <dt>电子邮箱</dt>
            <dd>{a.email}</dd>
          </>
        )}
        <dt>网上举报</dt>
        <dd>{publicUrl(a)}</dd>
      </dl>
      <p className="signature">
        {team}
        <br />
        {longDate(a.publishedAt ?? a.periodStart)}
      </p>
    </article>
  );
}

/** A clean A4 page of the announcement for printing and posting at the unit (the .docx is the 公文 version). */
export function AnnouncementPrintPage() {
  const { id } = useParams();
  const announcement = useAnnouncement(id);
  return (
    <div className="print-page">
      <div className="no-print print-toolbar">
        <Button type="primary" onClick={() => window.print()} data-testid="announcement-print-button">
          打印
        </Button>
      </div>
      <QueryBoundary query={announcement}>{(a) => <Sheet announcement={a} />}</QueryBoundary>
    </div>
  );
}
