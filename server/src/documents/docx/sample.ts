// A complete 公文 with every optional part set, long enough for two pages: the layout tests and the
// PDF preview test both use it, so what is asserted in XML is also what is looked at as a picture.
import type { OfficialDocumentSpec } from './layout.ts';

const paragraph =
  '巡察组将围绕被巡察党组织贯彻落实党的路线方针政策和党中央决策部署情况，落实全面从严治党战略部署情况，' +
  '落实新时代党的组织路线情况，落实巡视巡察、审计等监督发现问题整改情况开展监督检查。';

export const SAMPLE_DOCUMENT: OfficialDocumentSpec = {
  issuer: '中共示例市东城区委巡察工作领导小组',
  docNumber: '区巡组〔2026〕3号',
  secrecy: '秘密★1年',
  urgency: '加急',
  title: '关于区委第三轮巡察进驻区住房和城乡建设局的公告',
  recipients: ['区住房和城乡建设局党组'],
  body: [
    { kind: 'paragraph', text: '根据区委巡察工作统一部署，区委第一巡察组进驻区住房和城乡建设局开展常规巡察。' },
    { kind: 'heading1', text: '一、巡察时间' },
    { kind: 'paragraph', text: '巡察组进驻时间为2026年3月2日至2026年4月30日，约两个月。' },
    { kind: 'heading1', text: '二、巡察内容' },
    { kind: 'heading2', text: '（一）主要任务' },
    { kind: 'paragraph', text: paragraph },
    { kind: 'paragraph', text: paragraph },
    { kind: 'heading2', text: '（二）受理范围' },
    {
      kind: 'list',
      items: [
        '区住房和城乡建设局领导班子及其成员的问题反映；',
        '重要岗位领导干部的问题反映；',
        '选人用人方面的问题反映。',
      ],
    },
    { kind: 'heading1', text: '三、联系方式' },
    { kind: 'paragraph', text: '值班电话：0731-12345678（工作日8:30—17:30）；邮政信箱：东城区A001号信箱。' },
    { kind: 'paragraph', text: paragraph },
    { kind: 'paragraph', text: paragraph },
  ],
  attachments: ['巡察组联系方式', '来信来访受理须知'],
  signature: '区委第一巡察组',
  date: '2026-11-23',
  copyTo: ['区纪委监委', '区委组织部'],
  printedBy: '区委巡察工作领导小组办公室',
  printedOn: '2026-11-24',
};
