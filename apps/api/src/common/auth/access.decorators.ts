import { SetMetadata } from '@nestjs/common';
import type { Role } from '@jxt/contracts';

export const ACCESS_RULE = 'jxt:access-rule';

/** Every route declares who may call it; a route without a rule stops the app at boot. */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** No login needed (login itself, health). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any logged-in user; what they see is still limited to their organisation subtree. */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);

/** Only users holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);
