import { type Appraisal, type AppraisalGrade, appraisalGradeLabel, type CadreDetail } from '@xuncha/contracts';
import { Form, Input, Select, type TableColumnsType, Tag } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDate } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { appraise, TALENT_KEYS } from './api.ts';

const gradeColor: Record<AppraisalGrade, string> = {
  excellent: 'gold',
  competent: 'green',
  basic: 'orange',
  incompetent: 'red',
};

export function GradeTag({ grade }: { grade: AppraisalGrade }) {
  return <Tag color={gradeColor[grade]}>{appraisalGradeLabel[grade]}</Tag>;
}

export const appraisalColumns: TableColumnsType<Appraisal> = [
  { title: '巡察轮次', dataIndex: 'roundName' },
  { title: '巡察组', dataIndex: 'teamName' },
  { title: '等次', dataIndex: 'grade', width: 90, render: (grade: AppraisalGrade) => <GradeTag grade={grade} /> },
  { title: '鉴定意见', dataIndex: 'comment' },
  { title: '鉴定人', dataIndex: 'appraisedByName', width: 90 },
  { title: '日期', dataIndex: 'appraisedOn', width: 110, render: formatDate },
];

/** 综合鉴定 for one team the cadre served on; the server refuses before the team has reported. */
export function AppraisalModal({ cadre, onClose }: { cadre: CadreDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation({
    mutationFn: (values: Record<string, unknown>) => appraise(cadre.id, values),
    invalidate: TALENT_KEYS,
    successMessage: '综合鉴定已记入档案',
    form,
    onSuccess: onClose,
  });
  const appraised = new Set(cadre.appraisals.map((a) => a.teamId));
  const teams = cadre.participations
    .filter((p) => !p.leftAt && !appraised.has(p.teamId))
    .map((p) => ({ value: p.teamId, label: `${p.roundName} · ${p.teamName}` }));
  return (
    <FormModal form={form} loading={save.isPending} onClose={onClose} title={`综合鉴定：${cadre.name}`}>
      <Form form={form} layout="vertical" onFinish={save.mutate}>
        <Form.Item
          name="teamId"
          label="巡察组"
          rules={[{ required: true, message: '请选择巡察组' }]}
          extra={teams.length ? undefined : '没有待鉴定的巡察组'}
        >
          <Select options={teams} data-testid="appraisal-team" />
        </Form.Item>
        <Form.Item name="grade" label="鉴定等次" rules={[{ required: true, message: '请选择鉴定等次' }]}>
          <Select options={optionsOf(appraisalGradeLabel)} data-testid="appraisal-grade" />
        </Form.Item>
        <Form.Item name="comment" label="鉴定意见" rules={[{ required: true, message: '请填写鉴定意见' }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="appraisal-comment" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
