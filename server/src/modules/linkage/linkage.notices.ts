// The in-app notice kinds of 上下联动: 指导意见 published, 提级/交叉 launched into a lower committee's area.
import type { NotificationKind } from '@xuncha/contracts';

export const GUIDANCE_NOTICE_KIND: NotificationKind = 'guidance';
export const LAUNCH_NOTICE_KIND: NotificationKind = 'lower_inspection';
