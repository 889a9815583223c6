import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** Whether this instance offers sign-in with an OpenID Connect provider, and the button text its operator chose. */
export interface OidcConfig {
  enabled: boolean;
  label: string | null;
}

export const OIDC_START_PATH = '/api/auth/oidc/start';

export const oidcConfigQueryOptions = queryOptions({
  queryKey: ['auth', 'oidc', 'config'],
  queryFn: () => apiRequest<OidcConfig>('/api/auth/oidc/config'),
  staleTime: Infinity,
  retry: false,
});

export function useOidcConfig() {
  return useQuery(oidcConfigQueryOptions);
}

/** The provider's redirect is a browser navigation, not a fetch: the server answers with a 302. */
export function oidcStartHref(returnTo: string | undefined): string {
  return returnTo ? `${OIDC_START_PATH}?${new URLSearchParams({ returnTo }).toString()}` : OIDC_START_PATH;
}
