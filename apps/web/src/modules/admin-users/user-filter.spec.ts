import type { Organization, User } from '@jxt/contracts';
import { filterUsers, userStatus } from './user-filter';

const org = (id: string, parentId: string | null): Organization => ({
  id,
  parentId,
  kind: parentId ? 'unit' : 'department',
  name: id,
  unitTypeCode: null,
  sortOrder: 0,
  disabled: false,
});
const ORGS = [org('d', null), org('u1', 'd'), org('u2', 'd')];
const user = (username: string, displayName: string, organizationId: string, extra: Partial<User> = {}): User => ({
  id: username,
  username,
  displayName,
  phone: null,
  organizationId,
  roles: ['filer'],
  disabled: false,
  passwordChangeRequired: false,
  ...extra,
});
const USERS = [
  user('zhang.san', '张三', 'u1'),
  user('li.si', '李四', 'u2', { disabled: true }),
  user('wang.wu', '王五', 'd', { roles: ['supervisor'], passwordChangeRequired: true }),
];
const names = (users: User[]) => users.map((u) => u.username);

describe('the 用户 search', () => {
  it('finds by part of the user name (any case) or the 姓名', () => {
    expect(names(filterUsers(USERS, ORGS, { text: 'ZHANG' }))).toEqual(['zhang.san']);
    expect(names(filterUsers(USERS, ORGS, { text: ' 李 ' }))).toEqual(['li.si']);
    expect(names(filterUsers(USERS, ORGS, { text: '' }))).toHaveLength(3);
  });

  it('narrows to an organisation and everything below it, a role and a status', () => {
    expect(names(filterUsers(USERS, ORGS, { text: '', organizationId: 'd' }))).toHaveLength(3);
    expect(names(filterUsers(USERS, ORGS, { text: '', organizationId: 'u2' }))).toEqual(['li.si']);
    expect(names(filterUsers(USERS, ORGS, { text: '', role: 'supervisor' }))).toEqual(['wang.wu']);
    expect(names(filterUsers(USERS, ORGS, { text: '', status: 'disabled' }))).toEqual(['li.si']);
    expect(names(filterUsers(USERS, ORGS, { text: '', status: 'password_change' }))).toEqual(['wang.wu']);
  });

  it('says 已停用 before 待修改初始密码', () => {
    expect(userStatus(user('x', 'x', 'd', { disabled: true, passwordChangeRequired: true }))).toBe('disabled');
  });
});
