import { area, aspect, discipline, focus, majorProblem, powerType } from '@xuncha/contracts';
import { Flex, Tag } from 'antd';
import type { Finding } from '../../app/types.ts';

/** The finding's taxonomy (四个方面, 六项纪律 …) as tags, one colour per dimension. */
export function ClassificationTags({ finding }: { finding: Finding }) {
  return (
    <Flex wrap gap={6}>
      <Tag color="red">{aspect.labels[finding.aspect]}</Tag>
      {finding.discipline && <Tag color="volcano">{discipline.labels[finding.discipline]}</Tag>}
      {finding.majorProblem && <Tag color="orange">{majorProblem.labels[finding.majorProblem]}</Tag>}
      {finding.focus && <Tag color="gold">{focus.labels[finding.focus]}</Tag>}
      {finding.powerType && <Tag color="purple">{powerType.labels[finding.powerType]}</Tag>}
      {finding.areas.map((code) => (
        <Tag key={code} color="blue">
          {area.labels[code]}
        </Tag>
      ))}
      {finding.eightRules && <Tag color="magenta">八项规定/"四风"</Tag>}
      <Tag color={finding.isCommon ? 'cyan' : 'default'}>{finding.isCommon ? '共性问题' : '个性问题'}</Tag>
      {finding.immediate && <ImmediateTag />}
    </Flex>
  );
}

export function ImmediateTag() {
  return <Tag color="error">立行立改</Tag>;
}
