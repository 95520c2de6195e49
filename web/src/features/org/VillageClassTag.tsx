import { type VillageClass, villageApproach, villageClass } from '@xuncha/contracts';
import { Space, Tag } from 'antd';

const classColor: Record<VillageClass, string> = { key: 'red', attention: 'orange', general: 'default' };

/** 重点/关注/一般 and the approach each implies (提级巡察, 巡镇带村, 纪巡联动). */
export function VillageClassTag({
  value,
  withApproach = false,
}: {
  value: VillageClass | null;
  withApproach?: boolean;
}) {
  if (!value) return null;
  return (
    <Space size={4} wrap>
      <Tag color={classColor[value]}>{villageClass.labels[value]}</Tag>
      {withApproach &&
        villageApproach[value].map((approach) => (
          <Tag key={approach} color="blue" variant="outlined">
            {approach}
          </Tag>
        ))}
    </Space>
  );
}
