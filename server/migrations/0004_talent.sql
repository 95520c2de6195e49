-- Talent pool (人才库, DOMAIN.md §2): cadres a committee draws its teams from, with what the 回避
-- rules need (past posts, relatives in leadership) and the incentive records (培训, 表彰, 综合鉴定).

-- 回避: a cadre may not inspect a unit they worked in within this many years (DOMAIN.md §2, default 5)
ALTER TABLE committee ADD COLUMN avoidance_years int NOT NULL DEFAULT 5 CHECK (avoidance_years BETWEEN 0 AND 30);

CREATE TABLE cadre (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  -- a cadre may have a login; team grants go to this account once the discipline pledge is signed
  user_id uuid UNIQUE REFERENCES app_user(id),
  name text NOT NULL,
  gender text CHECK (gender IN ('male', 'female')),
  birth_year int,
  -- the unit the cadre works in now, when it is in this deployment's org tree
  home_unit_id uuid REFERENCES org_unit(id),
  -- always filled: cadres also come from outside the tree (市审计局, 检察院 …)
  home_unit_name text NOT NULL,
  post text NOT NULL,
  rank text,
  phone text,
  skills text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cadre_committee_name_idx ON cadre (committee_id, name);
CREATE INDEX cadre_skills_idx ON cadre USING gin (skills);
CREATE INDEX cadre_home_unit_idx ON cadre (home_unit_id);

-- 可抽调时间: windows when the cadre can (or cannot) be seconded
CREATE TABLE cadre_availability (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadre(id),
  start_date date NOT NULL,
  end_date date NOT NULL,
  available boolean NOT NULL DEFAULT true,
  note text,
  CHECK (start_date <= end_date)
);
CREATE INDEX cadre_availability_cadre_idx ON cadre_availability (cadre_id, start_date);

-- 工作经历: where the cadre worked; 回避 when it was the target within N years
CREATE TABLE cadre_past_post (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadre(id),
  unit_id uuid REFERENCES org_unit(id),
  unit_name text NOT NULL,
  post text NOT NULL,
  start_date date,
  end_date date
);
CREATE INDEX cadre_past_post_cadre_idx ON cadre_past_post (cadre_id);
CREATE INDEX cadre_past_post_unit_idx ON cadre_past_post (unit_id);

-- 亲属关系: 配偶 / 直系血亲 / 三代以内旁系血亲 / 近姻亲; 回避 when one is in the target's leadership
CREATE TABLE cadre_relative (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadre(id),
  name text NOT NULL,
  relation text NOT NULL CHECK (relation IN ('spouse', 'lineal', 'collateral', 'in_law')),
  unit_id uuid REFERENCES org_unit(id),
  unit_name text NOT NULL,
  post text NOT NULL,
  is_leader boolean NOT NULL DEFAULT false
);
CREATE INDEX cadre_relative_cadre_idx ON cadre_relative (cadre_id);
CREATE INDEX cadre_relative_unit_idx ON cadre_relative (unit_id);

-- 教育培训
CREATE TABLE cadre_training (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadre(id),
  title text NOT NULL,
  organizer text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  hours numeric(6, 1),
  note text
);
CREATE INDEX cadre_training_cadre_idx ON cadre_training (cadre_id, start_date);

-- 表彰奖励
CREATE TABLE cadre_commendation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadre(id),
  title text NOT NULL,
  grantor text NOT NULL,
  granted_on date NOT NULL,
  note text
);
CREATE INDEX cadre_commendation_cadre_idx ON cadre_commendation (cadre_id, granted_on);
