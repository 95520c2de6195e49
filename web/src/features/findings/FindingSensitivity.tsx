import { SENSITIVITIES, type Sensitivity, sensitivityLabel } from '@xuncha/contracts';
import { Select, Space, Typography } from 'antd';
import type { Finding } from '../../app/types.ts';
import { SensitivityTag } from '../../shared/tags.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { relabelFinding } from './api.ts';

const OPTIONS = SENSITIVITIES.map((value) => ({ value, label: sensitivityLabel[value] }));

/** 密级标记: the team changes it while the finding is a draft; 敏感 keeps it out of the feedback to the unit. */
export function FindingSensitivity({ finding }: { finding: Finding }) {
  const relabel = useApiMutation({
    mutationFn: (sensitivity: Sensitivity) => relabelFinding(finding.id, sensitivity),
    invalidate: [['finding', finding.id], ['findings']],
    successMessage: '密级标记已调整',
  });
  if (!finding.abilities.update) return <SensitivityTag sensitivity={finding.sensitivity} />;
  return (
    <Space>
      <Select<Sensitivity>
        size="small"
        style={{ width: 96 }}
        value={finding.sensitivity}
        options={OPTIONS}
        loading={relabel.isPending}
        onChange={(value) => relabel.mutate(value)}
        data-testid="finding-sensitivity"
      />
      <Typography.Text type="secondary">敏感问题不向被巡察单位反馈，经移交办理</Typography.Text>
    </Space>
  );
}
