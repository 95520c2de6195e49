import { useQuery } from '@tanstack/react-query';
import type { RectificationDetail } from '@xuncha/contracts';
import { Button } from 'antd';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.ts';

/** From an inspection to its rectification case, once feedback has opened one. */
export function RectificationLink({ inspection }: { inspection: { id: string; feedbackDate: string | null } }) {
  const can = useCan();
  const enabled = can('rectification.read') && inspection.feedbackDate !== null;
  const query = useQuery({
    queryKey: ['rectification', 'of-inspection', inspection.id],
    queryFn: () => api.get<RectificationDetail>(`/api/inspections/${inspection.id}/rectification`),
    enabled,
    retry: false,
  });
  if (!enabled || !query.data) return null;
  return (
    <Link to={`/rectifications/${query.data.id}`} data-testid="inspection-rectification-link">
      <Button size="small">整改监督</Button>
    </Link>
  );
}
