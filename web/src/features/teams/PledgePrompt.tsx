import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useMyMemberships } from './api.ts';
import { PledgeModal } from './PledgeModal.tsx';

/** On the dashboard: a team member who has not signed the 八个严禁 is asked to, before anything else. */
export function PledgePrompt() {
  const memberships = useMyMemberships();
  const [open, setOpen] = useState(false);
  const pending = memberships.data?.items.find((m) => !m.pledgedAt);
  if (!memberships.data || !pending) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="pledge-prompt"
        title={`您已被编入${pending.roundName}${pending.teamName}，请先签署“八个严禁”承诺`}
        description="签署前无法查看本组巡察对象的任何工作内容。"
        action={
          <Button type="primary" onClick={() => setOpen(true)} data-testid="pledge-open">
            签署承诺
          </Button>
        }
      />
      {open && <PledgeModal memberId={pending.id} text={memberships.data.pledge} onClose={() => setOpen(false)} />}
    </>
  );
}
