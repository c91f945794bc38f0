import { InitialSchema1795776463045 } from './1795776463045-InitialSchema';
import { TenantIsolation1795776500000 } from './1795776500000-TenantIsolation';

// Every migration, in order. `npm run db:generate -- <Name>` writes a new file and prints the class to add here.
export const MIGRATIONS = [InitialSchema1795776463045, TenantIsolation1795776500000];
