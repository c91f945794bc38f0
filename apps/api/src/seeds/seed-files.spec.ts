import { misplacedSeedRoles, readDemoUsers, readSongjiangSeed } from './seed-files';

describe('seed files and the role-grant rule', () => {
  const { tenant } = readSongjiangSeed();

  it('gives every demo user only roles that belong at their organisation', () => {
    const users = readDemoUsers();
    expect(users.map((u) => u.username).sort()).toEqual([
      'admin',
      'auditor',
      'filer',
      'finance',
      'reviewer',
      'supervisor',
    ]);
    expect(misplacedSeedRoles(tenant.organizations, users)).toEqual([]);
  });

  it('names a seed user whose role does not belong where they sit', () => {
    expect(
      misplacedSeedRoles(tenant.organizations, [
        { username: 'x', displayName: 'x', roles: ['filer', 'supervisor'], organization: '松江区科学技术委员会' },
        { username: 'y', displayName: 'y', roles: ['finance'], organization: '松江区财政局' },
      ]),
    ).toEqual(['seed user x: filer not valid at a department']);
  });
});
