-- 整改不实预警 (issue 9 §4): one row per flagged task, written by a scan of the committee's tasks
-- (rectification-signal/signal.scan.repository.ts) and handled by the office (已核实 / 已排除 with a note).
-- Rows are never deleted: a task a later scan no longer flags becomes 'cleared' and reopens if flagged again.
CREATE TABLE rectification_signal (
  task_id uuid PRIMARY KEY REFERENCES task(id),
  committee_id uuid NOT NULL REFERENCES committee(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  thin_evidence boolean NOT NULL DEFAULT false,
  bulk_close boolean NOT NULL DEFAULT false,
  rebound boolean NOT NULL DEFAULT false,
  -- what each rule saw: {thin: {reasons, files, kb, …}, bulk: {day, count, deadline, …}, rebound: {…}}
  details jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed', 'cleared')),
  note text,
  handled_by uuid REFERENCES app_user(id),
  handled_at timestamptz,
  scan_id uuid NOT NULL,
  first_detected_at timestamptz NOT NULL DEFAULT now(),
  detected_at timestamptz NOT NULL DEFAULT now(),
  -- the Shanghai day of the 销号 at detection, for sorting without joining the task
  closed_on date,
  CHECK ((status IN ('confirmed', 'dismissed')) = (handled_at IS NOT NULL))
);
-- the list and the per-unit summary of a committee: its signals not cleared, newest closings first
CREATE INDEX rectification_signal_committee_idx ON rectification_signal (committee_id, closed_on DESC NULLS LAST, task_id)
  WHERE status <> 'cleared';
-- the counts (cards, per-unit summary, list total): index-only, grouped by inspection and unit before any join
CREATE INDEX rectification_signal_count_idx ON rectification_signal (committee_id, inspection_id, unit_id)
  INCLUDE (thin_evidence, bulk_close, rebound, status) WHERE status <> 'cleared';

CREATE TABLE rectification_signal_scan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  scanned_at timestamptz NOT NULL DEFAULT now(),
  scanned_by uuid REFERENCES app_user(id),
  flagged int NOT NULL,
  cleared int NOT NULL
);
CREATE INDEX rectification_signal_scan_committee_idx ON rectification_signal_scan (committee_id, scanned_at DESC);

-- The scan's 回访反弹 rule reads the reopened tasks of a committee: few among a million.
CREATE INDEX task_reopened_idx ON task (committee_id) WHERE reopened_count > 0;
-- The scan's 突击销号 rule groups a committee's closed tasks by inspection and closing day.
CREATE INDEX task_closed_day_idx ON task (committee_id, inspection_id, closed_at) WHERE status = 'closed';
