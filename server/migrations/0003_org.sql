-- Organisation (issue 4, DOMAIN.md §2): the committee tree, planning attributes and history of org
-- units, and the leading group (领导小组) and office (巡察办) whose posts drive default roles.

-- Committees form a tree (省委 → 市委 → 区县委 → 部门党组) for roll-up. path is materialised like
-- org_unit.path ('/<root>/<child>/'), so "this committee and everything under it" is one LIKE prefix.
ALTER TABLE committee ADD COLUMN path text;
ALTER TABLE committee ADD COLUMN short_name text;
ALTER TABLE committee ADD COLUMN active boolean NOT NULL DEFAULT true;

WITH RECURSIVE tree AS (
  SELECT id, '/' || id || '/' AS path FROM committee WHERE parent_id IS NULL
  UNION ALL
  SELECT c.id, t.path || c.id || '/' FROM committee c JOIN tree t ON c.parent_id = t.id
)
UPDATE committee SET path = tree.path FROM tree WHERE committee.id = tree.id;
ALTER TABLE committee ALTER COLUMN path SET NOT NULL;
CREATE INDEX committee_path_idx ON committee (path text_pattern_ops);
CREATE UNIQUE INDEX committee_sibling_name_idx ON committee (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), name);

-- Callers insert committees without a path (seeds, tests, the API): the database derives it from
-- the parent, so a committee can never carry a path that disagrees with its parent_id.
CREATE FUNCTION committee_fill_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := gen_random_uuid();
  END IF;
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.id || '/';
  ELSE
    SELECT path || NEW.id || '/' INTO NEW.path FROM committee WHERE id = NEW.parent_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER committee_fill_path BEFORE INSERT ON committee FOR EACH ROW EXECUTE FUNCTION committee_fill_path();

-- Planning attributes (社会关注度, 廉政风险 factors, last inspected before the system existed) and the
-- life of a unit: it is never deleted, only merged into another or deactivated.
ALTER TABLE org_unit ADD COLUMN code text;
ALTER TABLE org_unit ADD COLUMN secretary_name text;
ALTER TABLE org_unit ADD COLUMN social_attention int CHECK (social_attention BETWEEN 1 AND 5);
ALTER TABLE org_unit ADD COLUMN fund_volume numeric(14, 2) CHECK (fund_volume >= 0);
ALTER TABLE org_unit ADD COLUMN project_count int CHECK (project_count >= 0);
ALTER TABLE org_unit ADD COLUMN has_approval_power boolean NOT NULL DEFAULT false;
ALTER TABLE org_unit ADD COLUMN has_enforcement_power boolean NOT NULL DEFAULT false;
ALTER TABLE org_unit ADD COLUMN last_inspected_on date;
-- 重点 / 关注 / 一般 (村情档案): only villages and communities are classified
ALTER TABLE org_unit ADD COLUMN village_class text;
ALTER TABLE org_unit ADD CONSTRAINT org_unit_village_class_check
  CHECK (village_class IS NULL OR (village_class IN ('key', 'attention', 'general') AND kind = 'village'));
ALTER TABLE org_unit ADD COLUMN merged_into_id uuid REFERENCES org_unit(id);
ALTER TABLE org_unit ADD COLUMN deactivated_on date;
ALTER TABLE org_unit ADD COLUMN deactivation_reason text;
ALTER TABLE org_unit ADD COLUMN sort_order int NOT NULL DEFAULT 0;
-- 单位代码 is the import key: unique within a committee when given
CREATE UNIQUE INDEX org_unit_code_idx ON org_unit (committee_id, code) WHERE code IS NOT NULL;
-- the tree loads children lazily (25,000 units): children of one parent, in display order
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id, sort_order, name);
CREATE INDEX org_unit_committee_roots_idx ON org_unit (committee_id, sort_order, name) WHERE parent_id IS NULL;
-- "last inspected" = the latest start of an inspection that reached 进驻 (see unit.sql.ts)
CREATE INDEX inspection_unit_start_idx ON inspection (unit_id, start_date DESC);

-- Every change of a unit, in order; before/after hold the changed attributes.
CREATE TABLE org_unit_event (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  event text NOT NULL CHECK (event IN ('create', 'update', 'rename', 'move', 'merge', 'deactivate', 'reactivate', 'import')),
  before jsonb,
  after jsonb,
  reason text,
  actor_id uuid REFERENCES app_user(id),
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_unit_event_unit_idx ON org_unit_event (unit_id, seq);

-- 领导小组 (组长/常务副组长/副组长/成员) and 巡察办 (主任/副主任/工作人员). A member with an account
-- gets the default role of the post; granted_role/grant_id record the grant this membership created
-- (NULL when the user already held the role), so ending it revokes exactly that grant.
CREATE TABLE committee_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  body text NOT NULL CHECK (body IN ('leading_group', 'office')),
  post text NOT NULL CHECK (
    body = 'leading_group' AND post IN ('leader', 'executive_deputy', 'deputy', 'member')
    OR body = 'office' AND post IN ('director', 'deputy_director', 'staff')
  ),
  name text NOT NULL,
  title text,
  user_id uuid REFERENCES app_user(id),
  started_on date NOT NULL,
  ended_on date,
  end_reason text,
  granted_role text REFERENCES role(code),
  -- no foreign key: the user_role row is removed when the grant is revoked; the id stays as history
  grant_id uuid,
  sort_order int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX committee_member_committee_idx ON committee_member (committee_id, body, ended_on);
-- a person holds at most one current post in each body
CREATE UNIQUE INDEX committee_member_current_user_idx ON committee_member (committee_id, body, user_id)
  WHERE ended_on IS NULL AND user_id IS NOT NULL;
