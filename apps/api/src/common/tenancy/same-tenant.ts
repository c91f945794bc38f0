import { JoinColumn } from 'typeorm';

/**
 * The join of a reference that must stay inside its tenant: a composite foreign key
 * (`<column>`, tenant_id) → parent (id, tenant_id), so the database itself refuses a row whose parent belongs to
 * another tenant. A plain key on `<column>` would not: PostgreSQL checks foreign keys as the table owner, past
 * row-level security, so it would accept any tenant's id. The parent entity declares `UNIQUE (id, tenant_id)`.
 */
export function JoinSameTenant(column: string, constraintName: string): PropertyDecorator {
  return JoinColumn([
    { name: column, referencedColumnName: 'id', foreignKeyConstraintName: constraintName },
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: constraintName },
  ]);
}
