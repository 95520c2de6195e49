// Response and request types derived from the shared zod contracts (never hand-written copies).
// Responses use the parsed (output) shape; request bodies use the input shape, so fields with
// defaults stay optional for the caller.
import type {
  Committee,
  Evidence,
  Finding,
  FindingCreate,
  FindingPage,
  Inspection,
  InspectionCreate,
  InspectionPage,
  PersonList,
  Round,
  RoundCreate,
  RoundPage,
  Task,
  TaskCreate,
  TaskDetail,
  TaskHistoryEntry,
  TaskListQuery,
  TaskPage,
  Unit,
  UnitCreate,
  UnitPage,
} from '@xuncha/contracts';
import type { z } from 'zod';

export type { Committee, Evidence, Finding, Inspection, Round, Task, TaskDetail, Unit };
export type CommitteeList = { items: Committee[] };
export type UnitPageData = z.infer<typeof UnitPage>;
export type RoundPageData = z.infer<typeof RoundPage>;
export type InspectionPageData = z.infer<typeof InspectionPage>;
export type FindingPageData = z.infer<typeof FindingPage>;
export type TaskPageData = z.infer<typeof TaskPage>;
export type PersonListData = z.infer<typeof PersonList>;
export type Person = PersonListData['items'][number];
export type TaskHistory = z.infer<typeof TaskHistoryEntry>;
export type TaskSort = z.infer<typeof TaskListQuery>['sort'];

export type UnitCreateBody = z.input<typeof UnitCreate>;
export type RoundCreateBody = z.input<typeof RoundCreate>;
export type InspectionCreateBody = z.input<typeof InspectionCreate>;
export type FindingCreateBody = z.input<typeof FindingCreate>;
export type TaskCreateBody = z.input<typeof TaskCreate>;
