import type { CadreRecordKind } from '@xuncha/contracts';
import { Button, Form, Table, type TableColumnsType } from 'antd';
import { type ReactNode, useState } from 'react';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { addRecord, correctRecord, TALENT_KEYS } from './api.ts';

export type RecordRow = { id: string } & Record<string, unknown>;

type Props = {
  cadreId: string;
  kind: CadreRecordKind;
  label: string;
  rows: RecordRow[];
  columns: TableColumnsType<RecordRow>;
  /** the form fields of one record (antd Form.Items) */
  fields: ReactNode;
  /** stored values → form values (dates to dayjs) and back */
  toForm?: (row: RecordRow) => Record<string, unknown>;
  fromForm?: (values: Record<string, unknown>) => Record<string, unknown>;
  editable: boolean;
};

const identity = (v: Record<string, unknown>) => v;

/** One tab of the cadre's file: the records, 登记 a new one, 更正 an existing one (never deleted). */
export function RecordTab({
  cadreId,
  kind,
  label,
  rows,
  columns,
  fields,
  toForm = identity,
  fromForm = identity,
  editable,
}: Props) {
  const [editing, setEditing] = useState<RecordRow | 'new' | null>(null);
  const [form] = Form.useForm();
  const save = useApiMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const body = Object.fromEntries(Object.entries(fromForm(values)).filter(([, v]) => v !== undefined && v !== ''));
      return editing && editing !== 'new' ? correctRecord(kind, editing.id, body) : addRecord(cadreId, kind, body);
    },
    invalidate: TALENT_KEYS,
    successMessage: '已保存',
    form,
    onSuccess: () => setEditing(null),
  });
  const actions: TableColumnsType<RecordRow> = editable
    ? [
        {
          title: '操作',
          width: 80,
          render: (_: unknown, row) => (
            <Button type="link" size="small" onClick={() => setEditing(row)} data-testid={`${kind}-correct`}>
              更正
            </Button>
          ),
        },
      ]
    : [];
  return (
    <>
      {editable && (
        <Button style={{ marginBottom: 12 }} onClick={() => setEditing('new')} data-testid={`${kind}-add`}>
          登记{label}
        </Button>
      )}
      <Table<RecordRow>
        rowKey="id"
        size="small"
        columns={[...columns, ...actions]}
        dataSource={rows}
        pagination={false}
      />
      {editing && (
        <FormModal
          form={form}
          loading={save.isPending}
          onClose={() => setEditing(null)}
          title={editing === 'new' ? `登记${label}` : `更正${label}`}
        >
          <Form
            form={form}
            layout="vertical"
            initialValues={editing === 'new' ? undefined : toForm(editing)}
            onFinish={save.mutate}
          >
            {fields}
          </Form>
        </FormModal>
      )}
    </>
  );
}
