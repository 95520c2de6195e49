// The inspections of a round or of a team, each linking to its own page. The round's list also names
// the team each target went to; a team's list does not need to.
import { type InspectionPhase, type InspectionType, inspectionType } from '@xuncha/contracts';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { PhaseTag } from '../../shared/tags.tsx';

interface Target {
  id: string;
  unitName: string;
  type: InspectionType;
  phase: InspectionPhase;
  teamName?: string | null;
}

export function TargetsTable({ targets, withTeam = false }: { targets: Target[]; withTeam?: boolean }) {
  const columns: TableColumnsType<Target> = [
    {
      title: '被巡察单位',
      dataIndex: 'unitName',
      render: (n: string, t) => <Link to={`/inspections/${t.id}`}>{n}</Link>,
    },
    { title: '巡察类型', dataIndex: 'type', render: (t: InspectionType) => inspectionType.labels[t] },
    ...(withTeam ? [{ title: '巡察组', dataIndex: 'teamName', render: (n: string | null) => n ?? '未指定' }] : []),
    { title: '阶段', dataIndex: 'phase', render: (p: InspectionPhase) => <PhaseTag phase={p} /> },
  ];
  return (
    <Table<Target>
      rowKey="id"
      pagination={{ pageSize: 20, showSizeChanger: false }}
      dataSource={targets}
      columns={columns}
    />
  );
}
