// 粘贴导入: rows copied from Excel become new tasks. The preview asks the server to check every row (the
// same checks as the .xlsx import, nothing written) and shows each row's problems; saving is all or nothing.
import type { FieldError, LedgerImportResult, LedgerPastedRow, LedgerRowsInput } from '@xuncha/contracts';
import { Alert, App, Button, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { type ClipboardEvent, useState } from 'react';
import { ApiError, api } from '../../app/api.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { LEDGER_KEYS } from './ledger-api.ts';
import { PASTE_COLUMNS, type PastedKey, pastedRows, rowErrorOf } from './ledger-paste.ts';

type PreviewRow = LedgerPastedRow & { index: number; problems: FieldError[] };
type Checked = { rows: PreviewRow[]; general: string | null; ok: LedgerImportResult | null };

const post = (inspectionId: string, body: LedgerRowsInput) =>
  api.post<LedgerImportResult>(`/api/inspections/${inspectionId}/lists/rows`, body);

/** Spreads the server's answer over the rows: `rows.3.dueDate` belongs to the fourth row. */
function checked(rows: LedgerPastedRow[], error: unknown, ok: LedgerImportResult | null): Checked {
  const preview: PreviewRow[] = rows.map((r, index) => ({ ...r, index, problems: [] }));
  if (!error) return { rows: preview, general: null, ok };
  const details = error instanceof ApiError ? error.details : [];
  // the summary ("有 3 处错误…") and anything not about one row (too many rows, not fed back yet) go on top
  const general = [error instanceof Error ? error.message : '检查失败，请稍后重试'];
  for (const detail of details) {
    const at = rowErrorOf(detail.path);
    const row = at ? preview[at.index] : undefined;
    if (row) row.problems.push(detail);
    else if (detail.message !== general[0]) general.push(detail.message);
  }
  return { rows: preview, general: general.join('；'), ok: null };
}

function Cell({ row, field }: { row: PreviewRow; field: PastedKey }) {
  const bad = row.problems.some((p) => rowErrorOf(p.path)?.key === field);
  const value = row[field];
  return (
    <Typography.Text type={bad ? 'danger' : undefined} style={bad ? { fontWeight: 600 } : undefined}>
      {value || (bad ? '（空）' : '')}
    </Typography.Text>
  );
}

export function LedgerPasteModal({ inspectionId, onClose }: { inspectionId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Checked | null>(null);
  const [checking, setChecking] = useState(false);
  const parsed = pastedRows(text);

  const check = async (value: string) => {
    const { rows } = pastedRows(value);
    if (rows.length === 0) {
      setPreview({ rows: [], general: '没有可导入的行：请从 Excel 复制包含任务的单元格后粘贴', ok: null });
      return;
    }
    setChecking(true);
    try {
      setPreview(checked(rows, null, await post(inspectionId, { rows, dryRun: true })));
    } catch (error) {
      setPreview(checked(rows, error, null));
    } finally {
      setChecking(false);
    }
  };

  const save = useApiMutation({
    mutationFn: (rows: LedgerPastedRow[]) => post(inspectionId, { rows }),
    invalidate: [...LEDGER_KEYS, ['rectification-plan']],
    onSuccess: (result) => {
      message.success(`已导入 ${result.created} 项整改任务`);
      onClose();
    },
  });
  const saveAll = (rows: LedgerPastedRow[]) =>
    // the ledger may have changed since the preview (another user, a finding closed): show the rows again
    save.mutate(rows, { onError: (error) => setPreview(checked(rows, error, null)) });

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    // the textarea takes the text itself; check it right away as the preview
    const value = event.clipboardData.getData('text/plain');
    if (value && text.trim() === '') void check(value);
  };

  const bad = preview?.rows.filter((r) => r.problems.length > 0).length ?? 0;
  const ready = preview?.ok !== null && preview?.ok !== undefined && bad === 0;

  return (
    <Modal
      open
      title="粘贴导入整改任务"
      width={1100}
      onCancel={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button loading={checking} disabled={!text.trim()} onClick={() => void check(text)} data-testid="paste-check">
            预览并检查
          </Button>
          <Button
            type="primary"
            disabled={!ready}
            loading={save.isPending}
            onClick={() => preview && saveAll(preview.rows.map(({ index: _i, problems: _p, ...row }) => row))}
            data-testid="paste-save"
          >
            {ready ? `保存 ${preview?.rows.length ?? 0} 项任务` : '保存'}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          在 Excel 中选中任务行（可连同表头）复制后粘贴到下方。列的顺序：
          {PASTE_COLUMNS.map((c) => (
            <Tag key={c.key} style={{ marginInlineEnd: 4 }}>
              {c.header}
            </Tag>
          ))}
          完成时限写作 2026-08-31 或 2026/8/31，长期坚持填“是”或“否”（空为否）。任何一行有错误时整批不导入。
        </Typography.Text>
        <Input.TextArea
          value={text}
          rows={6}
          placeholder={'1\t完善审批制度\t修订审批流程…\t吴建国\t局办公室\t冯伟\t2026-08-31\t否'}
          onChange={(e) => {
            setText(e.target.value);
            setPreview(null);
          }}
          onPaste={onPaste}
          style={{ fontFamily: 'monospace' }}
          data-testid="paste-text"
        />
        {parsed.extraColumns && (
          <Alert type="warning" showIcon title="有的行超过 8 列：多出的列不会导入，请检查列的顺序" />
        )}
        {preview?.general && <Alert type="error" showIcon title={preview.general} data-testid="paste-error" />}
        {preview?.ok && bad === 0 && (
          <Alert
            type="success"
            showIcon
            title={`检查通过：共 ${preview.rows.length} 行，将新建 ${preview.ok.created} 项整改任务`}
            data-testid="paste-ok"
          />
        )}
        {preview && preview.rows.length > 0 && (
          <Table<PreviewRow>
            size="small"
            bordered
            rowKey="index"
            dataSource={preview.rows}
            scroll={{ x: 1300, y: 360 }}
            pagination={preview.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            rowClassName={(r) => (r.problems.length ? 'paste-row-bad' : '')}
            columns={[
              { title: '行', width: 50, render: (_, r) => r.index + 1 },
              ...PASTE_COLUMNS.map((c) => ({
                title: c.header,
                key: c.key,
                width: c.key === 'measures' ? 220 : c.key === 'title' ? 180 : 100,
                render: (_: unknown, r: PreviewRow) => <Cell row={r} field={c.key} />,
              })),
              {
                title: '问题',
                width: 280,
                // always in view, however wide the pasted columns are
                fixed: 'right' as const,
                render: (_, r) =>
                  r.problems.length ? (
                    <Flex vertical>
                      {r.problems.map((p) => (
                        <Typography.Text key={p.path + p.message} type="danger">
                          {p.message}
                        </Typography.Text>
                      ))}
                    </Flex>
                  ) : (
                    preview.ok && <Typography.Text type="success">可导入</Typography.Text>
                  ),
              },
            ]}
            data-testid="paste-preview"
          />
        )}
      </Flex>
    </Modal>
  );
}
