// 责任人 choices for the 三张清单: the people of the task's unit (the same list 分解任务 offers).
import { useUnitPeople } from '../org/api.ts';

/** The unit's people as Select options; the current owner stays listed even if no longer among them. */
export function useOwnerOptions(unitId: string | undefined, current?: { id: string; name: string }) {
  const people = useUnitPeople(unitId);
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return { options, loading: people.isFetching };
}
