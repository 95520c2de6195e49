// Sensitivity labels (等保 安全标记, issue 8 §9) on records with confidential content: clue, fieldwork
// record, finding. The access layer keys on them (clue content, fieldwork notes); lists show them as a tag.
import { z } from 'zod';

export const SENSITIVITIES = ['public', 'internal', 'sensitive'] as const;
export const Sensitivity = z.enum(SENSITIVITIES, { error: '密级标记应为 公开、内部 或 敏感' });
export type Sensitivity = z.infer<typeof Sensitivity>;
export const sensitivityLabel: Record<Sensitivity, string> = { public: '公开', internal: '内部', sensitive: '敏感' };
export const SensitivityChange = z.object({ sensitivity: Sensitivity });
export type SensitivityChange = z.infer<typeof SensitivityChange>;
