import type { MyTeamMemberships } from '@xuncha/contracts';
import { Modal, Typography } from 'antd';
import type { z } from 'zod';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { pledge } from './api.ts';

type Props = {
  memberId: string;
  text: z.infer<typeof MyTeamMemberships>['pledge'];
  onClose: () => void;
};

/** The 八个严禁: the member reads and accepts them; the time is recorded and the team's work opens. */
export function PledgeModal({ memberId, text, onClose }: Props) {
  const accept = useApiMutation({
    mutationFn: pledge,
    invalidate: [['my-team-memberships'], ['inspections']],
    successMessage: '已签署“八个严禁”承诺，可以查看本组巡察工作',
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={text.title}
      okText="我已阅读并承诺遵守"
      okButtonProps={{ loading: accept.isPending, ...({ 'data-testid': 'pledge-accept' } as Record<string, string>) }}
      onOk={() => accept.mutate(memberId)}
      onCancel={onClose}
    >
      <Typography.Paragraph>作为巡察干部，我郑重承诺在巡察工作中做到：</Typography.Paragraph>
      <ol data-testid="pledge-items">
        {text.items.map((item) => (
          <li key={item}>{item}；</li>
        ))}
      </ol>
      <Typography.Text type="secondary">承诺时间将被记录；签署后方可查看本组巡察工作。</Typography.Text>
    </Modal>
  );
}
