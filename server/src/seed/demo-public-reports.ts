// Two 群众 reports through the public channel to the 区教育局 inspection (on site in the demo): one named
// 举报 the team leader has already answered, one anonymous 意见 still waiting (its code is random: nobody holds it). Sealed like real ones. The
// answered one has a fixed receipt code (README) so that a demo visitor can try the status page.
import { insertReport } from '../modules/public-report/public-channel.repository.ts';
import { newReceiptCode, receiptDigest } from '../modules/public-report/receipt.ts';
import { type Keyring, seal, sealJson } from '../platform/crypto/sealed.ts';
import type { Tx } from '../platform/db.ts';
import type { DistrictContext } from './demo-district.ts';

export const DEMO_RECEIPT_CODE = 'XCHA-2026-DEM0-0000-0000-0000-0001';

export async function seedDemoPublicReports(tx: Tx, keyring: Keyring, { ids, today }: DistrictContext): Promise<void> {
  const inspectionId = ids.jiaoyuInspectionId;
  const at = (daysAgo: number, hour: number) =>
    new Date(Date.parse(`${today}T00:00:00+08:00`) - daysAgo * 86_400_000 + hour * 3_600_000).toISOString();
  const answered = await insertReport(tx, {
    committeeId: ids.committeeId,
    inspectionId,
    kind: 'report',
    receiptDigest: receiptDigest(DEMO_RECEIPT_CODE.replaceAll('-', '')),
    contentSealed: seal(
      keyring,
      '城关中学食堂今年起由一家新公司承包，饭菜价格上涨近三成，分量却减少；听说承包公司与学校某位副校长有亲属关系，请巡察组核实。',
    ),
    contactSealed: sealJson(keyring, { name: '李女士', phone: '13905710000' }),
    filedAt: at(6, 9),
  });
  const replyAt = at(4, 15);
  await tx
    .updateTable('public_report')
    .set({
      status: 'replied',
      reply_sealed: seal(
        keyring,
        '您反映的问题已收悉，巡察组已调阅食堂承包合同和采购台账，正在核实，核实情况将按规定处理。感谢您的监督。',
      ),
      replied_at: replyAt,
      updated_at: replyAt,
    })
    .where('id', '=', answered.id)
    .execute();
  await tx
    .insertInto('public_report_event')
    .values({
      report_id: answered.id,
      event: 'reply',
      from_status: 'received',
      to_status: 'replied',
      actor_id: ids.users.zuzhang as string,
      at: replyAt,
    })
    .execute();
  await insertReport(tx, {
    committeeId: ids.committeeId,
    inspectionId,
    kind: 'opinion',
    receiptDigest: receiptDigest(newReceiptCode()),
    contentSealed: seal(keyring, '建议区教育局公开各校收费项目和标准，家长很难弄清“资料费”“托管费”都收的是什么。'),
    contactSealed: null,
    filedAt: at(1, 20),
  });
}
