import { type RoleCode, roleLabel } from '@xuncha/contracts';
import { Flex, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { optionsOf } from '../../shared/options.ts';
import type { useSearchState } from '../../shared/useSearchState.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';

export type UserFilterValues = { q?: string; role?: string; active?: string; unitId?: string };

/** The filters both account pages share (用户管理, 角色授权); they live in the URL. */
export function useUserFilters(search: ReturnType<typeof useSearchState>): UserFilterValues {
  return { q: search.get('q'), role: search.get('role'), active: search.get('active'), unitId: search.get('unitId') };
}

export function UserFilters({
  search,
  value,
  children,
}: {
  search: ReturnType<typeof useSearchState>;
  value: UserFilterValues;
  children?: ReactNode;
}) {
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder="用户名或姓名"
        style={{ width: 200 }}
        defaultValue={value.q}
        onSearch={(q) => search.setFilters({ q })}
        data-testid="user-search"
      />
      <Select<RoleCode>
        allowClear
        placeholder="角色"
        style={{ width: 180 }}
        options={optionsOf(roleLabel)}
        value={value.role as RoleCode | undefined}
        onChange={(role) => search.setFilters({ role })}
      />
      <Select<string>
        allowClear
        placeholder="状态"
        style={{ width: 110 }}
        options={[
          { value: 'true', label: '启用' },
          { value: 'false', label: '已停用' },
        ]}
        value={value.active}
        onChange={(active) => search.setFilters({ active })}
      />
      <div style={{ width: 240 }}>
        <UnitSelect value={value.unitId} onChange={(unitId) => search.setFilters({ unitId })} placeholder="所属单位" />
      </div>
      {children}
    </Flex>
  );
}
