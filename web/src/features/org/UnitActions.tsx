import type { UnitDetail } from '@xuncha/contracts';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import type { UnitChangeAction } from './api.ts';
import { UnitAttributesModal } from './UnitAttributesModal.tsx';
import { UnitChangeModal } from './UnitChangeModal.tsx';

const changeButtons: { action: UnitChangeAction; label: string; danger?: boolean }[] = [
  { action: 'rename', label: '更名' },
  { action: 'move', label: '调整隶属' },
  { action: 'merge', label: '合并到…' },
  { action: 'deactivate', label: '撤销', danger: true },
  { action: 'reactivate', label: '恢复' },
];

/** Only the changes the server would accept now (abilities come with the unit). */
export function UnitActions({ unit }: { unit: UnitDetail }) {
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<UnitChangeAction>();
  const buttons = changeButtons.filter((b) => unit.abilities[b.action]);
  if (!unit.abilities.update && buttons.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      {unit.abilities.update && (
        <Button type="primary" onClick={() => setEditing(true)} data-testid="unit-edit">
          编辑属性
        </Button>
      )}
      {buttons.map((b) => (
        <Button key={b.action} danger={b.danger} onClick={() => setAction(b.action)} data-testid={`unit-${b.action}`}>
          {b.label}
        </Button>
      ))}
      {editing && <UnitAttributesModal unit={unit} onClose={() => setEditing(false)} />}
      {action && <UnitChangeModal unit={unit} action={action} onClose={() => setAction(undefined)} />}
    </Flex>
  );
}
