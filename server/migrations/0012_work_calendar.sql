-- The official holiday calendar for 2025 and 2026, so working-day time limits (整改方案 15 个工作日,
-- 督办单 10 个工作日) count correctly from the first start. Sources:
--   2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）
--   2026: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社发布）
-- Each 放假 range is stored whole (weekend days included, so the calendar page shows the holiday as
-- announced); each 调休上班 weekend day is stored as 'workday'. Later years are added by the office
-- on the 工作日历 page when the State Council publishes them (usually in November).
INSERT INTO work_calendar_day (day, kind, name)
SELECT d::date, 'holiday', h.name
FROM (VALUES
  ('2025-01-01', '2025-01-01', '元旦'),
  ('2025-01-28', '2025-02-04', '春节'),
  ('2025-04-04', '2025-04-06', '清明节'),
  ('2025-05-01', '2025-05-05', '劳动节'),
  ('2025-05-31', '2025-06-02', '端午节'),
  ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  ('2026-01-01', '2026-01-03', '元旦'),
  ('2026-02-15', '2026-02-23', '春节'),
  ('2026-04-04', '2026-04-06', '清明节'),
  ('2026-05-01', '2026-05-05', '劳动节'),
  ('2026-06-19', '2026-06-21', '端午节'),
  ('2026-09-25', '2026-09-27', '中秋节'),
  ('2026-10-01', '2026-10-07', '国庆节')
) AS h (first_day, last_day, name)
CROSS JOIN LATERAL generate_series(h.first_day::date, h.last_day::date, interval '1 day') AS d
ON CONFLICT (day) DO NOTHING;

INSERT INTO work_calendar_day (day, kind, name) VALUES
  ('2025-01-26', 'workday', '春节调休上班'),
  ('2025-02-08', 'workday', '春节调休上班'),
  ('2025-04-27', 'workday', '劳动节调休上班'),
  ('2025-09-28', 'workday', '国庆节、中秋节调休上班'),
  ('2025-10-11', 'workday', '国庆节、中秋节调休上班'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-10-10', 'workday', '国庆节调休上班')
ON CONFLICT (day) DO NOTHING;
