export * from './role-grants';
