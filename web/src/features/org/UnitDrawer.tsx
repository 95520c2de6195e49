import type { UnitDetail } from '@xuncha/contracts';
import { unitKind } from '@xuncha/contracts';
import { Breadcrumb, Descriptions, Divider, Drawer, Flex, Tag, Typography } from 'antd';
import { formatDate } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useUnit } from './api.ts';
import { UnitActions } from './UnitActions.tsx';
import { UnitHistory } from './UnitHistory.tsx';
import { VillageClassTag } from './VillageClassTag.tsx';

const orDash = (value: string | number | null) => (value === null || value === '' ? '—' : value);
const yesNo = (value: boolean) => (value ? '有' : '无');

function status(unit: UnitDetail) {
  if (unit.active) return <Tag color="green">正常</Tag>;
  if (unit.mergedIntoName) return <Tag>已并入“{unit.mergedIntoName}”</Tag>;
  return <Tag>已撤销</Tag>;
}

function Attributes({ unit }: { unit: UnitDetail }) {
  return (
    <Descriptions column={2} size="small" bordered>
      <Descriptions.Item label="单位代码">{orDash(unit.code)}</Descriptions.Item>
      <Descriptions.Item label="单位类别">{unitKind.labels[unit.kind]}</Descriptions.Item>
      <Descriptions.Item label="主要负责人">{orDash(unit.headName)}</Descriptions.Item>
      <Descriptions.Item label="书记">{orDash(unit.secretaryName)}</Descriptions.Item>
      <Descriptions.Item label="社会关注度">
        {unit.socialAttention === null ? '—' : `${unit.socialAttention} / 5`}
      </Descriptions.Item>
      <Descriptions.Item label="资金量（万元）">{orDash(unit.fundVolume)}</Descriptions.Item>
      <Descriptions.Item label="工程项目数">{orDash(unit.projectCount)}</Descriptions.Item>
      <Descriptions.Item label="审批权 / 执法权">
        {yesNo(unit.hasApprovalPower)} / {yesNo(unit.hasEnforcementPower)}
      </Descriptions.Item>
      <Descriptions.Item label="最近巡察">{formatDate(unit.lastInspectedOn)}</Descriptions.Item>
      <Descriptions.Item label="系统外巡察记录">{formatDate(unit.manualLastInspectedOn)}</Descriptions.Item>
      {unit.kind === 'village' && (
        <Descriptions.Item label="村居分类" span={2}>
          {unit.villageClass ? <VillageClassTag value={unit.villageClass} withApproach /> : '未分类'}
        </Descriptions.Item>
      )}
      {!unit.active && (
        <Descriptions.Item label="撤销" span={2}>
          {formatDate(unit.deactivatedOn)} {unit.deactivationReason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** A unit's attributes, the changes the user may make, and its history. */
export function UnitDrawer({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const unit = useUnit(unitId);
  return (
    <Drawer open width={760} onClose={onClose} title={unit.data?.name ?? '单位详情'} data-testid="unit-drawer">
      <QueryBoundary query={unit}>
        {(data) => (
          <Flex vertical gap={16}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Breadcrumb items={[...data.ancestors.map((a) => ({ title: a.name })), { title: data.name }]} />
              {status(data)}
            </Flex>
            <UnitActions unit={data} />
            <Attributes unit={data} />
            <Divider titlePlacement="start" style={{ margin: 0 }}>
              <Typography.Text strong>变更记录</Typography.Text>
            </Divider>
            <UnitHistory unitId={data.id} />
          </Flex>
        )}
      </QueryBoundary>
    </Drawer>
  );
}
