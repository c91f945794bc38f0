import { SetMetadata } from '@nestjs/common';
import type { Role } from '@jxt/contracts';
import type { SessionRestriction } from '../tenancy/request-context';

export const ACCESS_RULE = 'jxt:access-rule';

/** Every route declares who may call it; a route without a rule stops the app at boot. */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** No login needed (login itself, health). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any logged-in user; what they see is still limited to their organisation subtree. */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);

/** Only users holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

export const ALLOWED_RESTRICTIONS = 'jxt:allowed-restrictions';

/**
 * A route a restricted session may still call (me, logout, changing the password, enrolling TOTP); every other route
 * answers such a session 403 with the restriction's code, which the SPA turns into the screen that lifts it.
 */
export const AllowRestricted = (...restrictions: SessionRestriction[]) =>
  SetMetadata(ALLOWED_RESTRICTIONS, restrictions);
