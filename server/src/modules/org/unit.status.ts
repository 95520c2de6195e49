// The life of an org unit as a transition table. A unit is never deleted: it is deactivated (撤销,
// may come back) or merged into another (final: its children and history went to the target).
export const UNIT_STATES = ['active', 'inactive', 'merged'] as const;
export type UnitState = (typeof UNIT_STATES)[number];
export const UNIT_CHANGES = ['update', 'rename', 'move', 'merge', 'deactivate', 'reactivate'] as const;
export type UnitChange = (typeof UNIT_CHANGES)[number];

export const unitTransitions = {
  active: { update: 'active', rename: 'active', move: 'active', merge: 'merged', deactivate: 'inactive' },
  inactive: { reactivate: 'active' },
  merged: {},
} as const satisfies Record<UnitState, Partial<Record<UnitChange, UnitState>>>;

export function nextUnitState(from: UnitState, change: UnitChange): UnitState | undefined {
  return (unitTransitions[from] as Partial<Record<UnitChange, UnitState>>)[change];
}

export function unitState(unit: { active: boolean; mergedIntoId: string | null }): UnitState {
  if (unit.mergedIntoId) return 'merged';
  return unit.active ? 'active' : 'inactive';
}

export const unitStateLabel: Record<UnitState, string> = { active: '正常', inactive: '已撤销', merged: '已合并' };
export const unitChangeLabel: Record<UnitChange, string> = {
  update: '修改属性',
  rename: '更名',
  move: '调整隶属',
  merge: '合并',
  deactivate: '撤销',
  reactivate: '恢复',
};
