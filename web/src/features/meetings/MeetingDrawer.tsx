import { decisionKind, meetingKind } from '@xuncha/contracts';
import { Descriptions, Drawer, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { type MeetingDetail, useMeeting } from './api.ts';

function MeetingView({ meeting: m }: { meeting: MeetingDetail }) {
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'kind', label: '会议类型', children: meetingKind.labels[m.kind] },
          { key: 'heldOn', label: '会议日期', children: formatDate(m.heldOn) },
          { key: 'place', label: '地点', children: m.place ?? '—' },
          { key: 'host', label: '主持人', children: m.host },
          { key: 'attendees', label: '出席', children: m.attendees.join('、') },
          { key: 'absentees', label: '缺席', children: m.absentees.length ? m.absentees.join('、') : '—' },
          { key: 'recorder', label: '记录人', children: m.recorder ?? '—' },
          { key: 'created', label: '登记', children: `${m.createdByName} · ${formatDateTime(m.createdAt)}` },
        ]}
      />
      {m.summary && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            会议纪要
          </Typography.Title>
          <div className="pre-wrap">{m.summary}</div>
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        会议决定
      </Typography.Title>
      <List
        dataSource={m.decisions}
        renderItem={(d) => (
          <List.Item key={d.id}>
            <List.Item.Meta
              title={
                <>
                  {d.seq}. <Tag color="blue">{decisionKind.labels[d.kind]}</Tag>
                  {d.inspectionId && <Link to={`/inspections/${d.inspectionId}`}>{d.unitName}</Link>}
                </>
              }
              description={<span className="pre-wrap">{d.content}</span>}
            />
          </List.Item>
        )}
        data-testid="meeting-decisions"
      />
    </>
  );
}

/** One meeting with its attendees, minutes and decisions. */
export function MeetingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const meeting = useMeeting(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={640}
      data-testid="meeting-drawer"
      title={meeting.data?.title ?? '会议记录'}
    >
      {id && <QueryBoundary query={meeting}>{(m) => <MeetingView meeting={m} />}</QueryBoundary>}
    </Drawer>
  );
}
