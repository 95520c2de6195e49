// 三张清单 as one keyboard-friendly grid: text cells edit in place (Enter saves and moves down, Tab moves
// right as in any form), the 责任人 is picked from the unit's people, selected rows take a bulk change, rows
// copied from Excel are pasted in as new tasks, and the sheet exports and imports as .xlsx.
import { PlusOutlined } from '@ant-design/icons';
import type { FindingCompletion, LedgerRow, TaskUpdate } from '@xuncha/contracts';
import { findingCompletion } from '@xuncha/contracts';
import { Button, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ImportModal } from '../../shared/ImportModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { serverPagination } from '../../shared/pagination.ts';
import { OverdueTag, TaskStatusTag } from '../../shared/tags.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useLocalPage } from '../../shared/useLocalPage.ts';
import { LedgerBulkModal } from './LedgerBulkModal.tsx';
import { LedgerPasteModal } from './LedgerPasteModal.tsx';
import { LEDGER_KEYS, updateFindingLedger, updateTask, useLedger } from './ledger-api.ts';
import { type NewTaskFinding, TaskCreateModal } from './TaskCreateModal.tsx';
import { useOwnerOptions } from './useOwnerOptions.ts';

type Row = LedgerRow & { key: string };
type TextField = 'title' | 'measures' | 'responsibleLeader' | 'responsibleDepartment' | 'dueDate';

/** Enter moves to the same column one row down, like a spreadsheet. */
function moveDown(event: KeyboardEvent<HTMLInputElement>) {
  const cell = event.currentTarget.closest('td');
  const row = cell?.parentElement;
  const index = cell && row ? [...row.children].indexOf(cell) : -1;
  const next = row?.nextElementSibling?.children[index]?.querySelector('input');
  (next as HTMLInputElement | undefined)?.focus();
}

function TextCell({ row, field }: { row: Row; field: TextField }) {
  const task = row.task;
  const mutation = useApiMutation({
    mutationFn: (body: TaskUpdate) => updateTask(task?.id ?? '', body),
    invalidate: LEDGER_KEYS,
    successMessage: '已保存',
  });
  if (!task) return null;
  const value = task[field];
  if (!task.abilities.update) return <span>{value}</span>;
  const save = (next: string) => {
    if (next.trim() !== value && next.trim() !== '') mutation.mutate({ [field]: next.trim() });
  };
  return (
    <Input
      key={`${task.id}:${value}`}
      defaultValue={value}
      variant="borderless"
      placeholder={field === 'dueDate' ? 'YYYY-MM-DD' : undefined}
      onBlur={(e) => save(e.currentTarget.value)}
      onPressEnter={(e) => {
        save(e.currentTarget.value);
        moveDown(e);
      }}
      data-testid={`ledger-cell-${field}`}
    />
  );
}

function OwnerCell({ row }: { row: Row }) {
  const task = row.task;
  const editable = Boolean(task?.abilities.update);
  const owners = useOwnerOptions(
    editable ? row.unitId : undefined,
    task ? { id: task.ownerUserId, name: task.ownerName } : undefined,
  );
  const mutation = useApiMutation({
    mutationFn: (ownerUserId: string) => updateTask(task?.id ?? '', { ownerUserId }),
    invalidate: LEDGER_KEYS,
    successMessage: '责任人已更换',
  });
  if (!task) return null;
  if (!editable) return <span>{task.ownerName}</span>;
  return (
    <Select
      variant="borderless"
      value={task.ownerUserId}
      showSearch={{ optionFilterProp: 'label' }}
      options={owners.options}
      loading={owners.loading || mutation.isPending}
      popupMatchSelectWidth={false}
      onChange={(ownerUserId: string) => {
        if (ownerUserId !== task.ownerUserId) mutation.mutate(ownerUserId);
      }}
      style={{ width: '100%' }}
      data-testid="ledger-cell-owner"
    />
  );
}

function FindingCells({ row }: { row: Row }) {
  const mutation = useApiMutation({
    mutationFn: (body: Parameters<typeof updateFindingLedger>[1]) => updateFindingLedger(row.findingId, body),
    invalidate: LEDGER_KEYS,
    successMessage: '台账信息已保存',
  });
  const editable = row.findingAbilities.ledger;
  return (
    <Space direction="vertical" size={2}>
      <Select<FindingCompletion>
        size="small"
        value={row.completion}
        disabled={!editable}
        options={optionsOf(findingCompletion.labels)}
        onChange={(completion) => mutation.mutate({ completion })}
        style={{ width: 110 }}
        data-testid="ledger-completion"
      />
      <Checkbox
        checked={row.keyFocus}
        disabled={!editable}
        onChange={(e) => mutation.mutate({ keyFocus: e.target.checked })}
      >
        重点关注
      </Checkbox>
      <Checkbox
        checked={row.ongoing}
        disabled={!editable}
        onChange={(e) => mutation.mutate({ ongoing: e.target.checked })}
      >
        常态化坚持
      </Checkbox>
    </Space>
  );
}

export function LedgerGrid({ inspectionId }: { inspectionId: string }) {
  const paging = useLocalPage(10);
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState(false);
  const [importing, setImporting] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [splitting, setSplitting] = useState<NewTaskFinding | null>(null);
  const ledger = useLedger(inspectionId, { page: paging.page, pageSize: paging.pageSize, q: q || undefined });
  const rows: Row[] = (ledger.data?.items ?? []).map((r) => ({ ...r, key: r.task?.id ?? `finding:${r.findingId}` }));
  const editableIds = new Set(rows.filter((r) => r.task?.abilities.update).map((r) => r.task?.id ?? ''));
  const canEdit = editableIds.size > 0;
  // new tasks may be pasted wherever a finding of the page may be split (also before any task exists)
  const canSplit = rows.some((r) => r.findingAbilities.createTask);
  // a finding's own columns show once, on its first row
  const firstOfFinding = new Set(rows.filter((r, i) => rows[i - 1]?.findingId !== r.findingId).map((r) => r.key));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          placeholder="按问题搜索"
          allowClear
          onSearch={setQ}
          style={{ width: 220 }}
          data-testid="ledger-search"
        />
        <ExportButton
          path="/api/task-lists/export"
          query={{ inspectionId }}
          label="导出三张清单"
          testId="ledger-export"
        />
        {canEdit && (
          <Button onClick={() => setImporting(true)} data-testid="ledger-import">
            导入
          </Button>
        )}
        {canSplit && (
          <Button onClick={() => setPasting(true)} data-testid="ledger-paste">
            粘贴导入
          </Button>
        )}
        {canEdit && (
          <Button disabled={selected.length === 0} onClick={() => setBulk(true)} data-testid="ledger-bulk">
            批量修改（{selected.length}）
          </Button>
        )}
        <Typography.Text type="secondary">单元格内回车保存并跳到下一行，Tab 跳到下一列</Typography.Text>
      </Space>
      <Table<Row>
        size="small"
        bordered
        rowKey="key"
        loading={ledger.isFetching}
        dataSource={rows}
        scroll={{ x: 1500 }}
        pagination={serverPagination(paging.page, paging.pageSize, ledger.data?.total, paging.setPage)}
        rowSelection={
          canEdit
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({ disabled: !editableIds.has(r.task?.id ?? '') }),
              }
            : undefined
        }
        columns={[
          { title: '序号', width: 60, render: (_, r) => (firstOfFinding.has(r.key) ? r.findingSeq : '') },
          {
            title: '问题清单',
            width: 220,
            render: (_, r) =>
              firstOfFinding.has(r.key) && (
                <Space direction="vertical" size={4}>
                  <span>{r.findingTitle}</span>
                  {/* the 任务清单 grows here: one finding → many tasks, each with its 责任清单 */}
                  {r.findingAbilities.createTask && (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setSplitting({ id: r.findingId, unitId: r.unitId })}
                      data-testid="ledger-create-task"
                    >
                      分解任务
                    </Button>
                  )}
                </Space>
              ),
          },
          {
            title: '台账信息',
            width: 150,
            render: (_, r) => (firstOfFinding.has(r.key) ? <FindingCells row={r} /> : null),
          },
          { title: '整改任务', width: 220, render: (_, r) => <TextCell row={r} field="title" /> },
          { title: '整改措施', width: 260, render: (_, r) => <TextCell row={r} field="measures" /> },
          { title: '责任领导', width: 110, render: (_, r) => <TextCell row={r} field="responsibleLeader" /> },
          { title: '责任部门', width: 140, render: (_, r) => <TextCell row={r} field="responsibleDepartment" /> },
          { title: '责任人', width: 110, render: (_, r) => <OwnerCell row={r} /> },
          { title: '完成时限', width: 130, render: (_, r) => <TextCell row={r} field="dueDate" /> },
          {
            title: '状态',
            width: 140,
            render: (_, r) =>
              r.task ? (
                <Space size={4}>
                  <TaskStatusTag status={r.task.status} />
                  <OverdueTag overdue={r.task.overdue} />
                </Space>
              ) : (
                <Typography.Text type="secondary">未分解任务</Typography.Text>
              ),
          },
        ]}
        data-testid="ledger-grid"
      />
      {bulk && (
        <LedgerBulkModal
          ids={selected}
          unitId={rows.find((r) => r.task && selected.includes(r.task.id))?.unitId}
          onClose={() => setBulk(false)}
          onDone={() => {
            setBulk(false);
            setSelected([]);
          }}
        />
      )}
      {pasting && <LedgerPasteModal inspectionId={inspectionId} onClose={() => setPasting(false)} />}
      {splitting && <TaskCreateModal finding={splitting} onClose={() => setSplitting(null)} />}
      {importing && (
        <ImportModal
          title="导入三张清单"
          uploadPath={`/api/inspections/${inspectionId}/lists/import`}
          templatePath="/api/task-lists/import-template"
          onImported={() => void ledger.refetch()}
          onClose={() => setImporting(false)}
        />
      )}
    </Space>
  );
}
