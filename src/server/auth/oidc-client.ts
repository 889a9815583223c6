/**
 * @module oidc-client
 * The identity provider as this server sees it: discovery, the authorization URL (code flow
 * with PKCE, state and nonce) and the code exchange with ID-token validation. A thin wrapper
 * over openid-client, which does the protocol checks (issuer, audience, signature, expiry,
 * nonce, PKCE); this file only decides what to keep and how failures are named.
 */
import * as oidc from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What the browser must bring back to the callback; kept in a signed cookie in between. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The identity the provider vouched for. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  /** Authentication methods the provider reports (amr), e.g. ["pwd", "mfa"]. */
  methods: string[];
}

/** Why the provider could not be used: unreachable (or answering 5xx), or it refused / answered wrongly. */
export class OidcProviderError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'rejected',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OidcProviderError';
  }
}

/** Network failures, timeouts and provider answers that are not a protocol verdict. */
function isUnavailable(error: unknown): boolean {
  if (error instanceof TypeError) return true; // fetch failed: refused, reset, DNS
  if (error instanceof oidc.ClientError) {
    return ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON'].includes(error.code ?? '');
  }
  return false;
}

function providerError(error: unknown, during: string): OidcProviderError {
  if (error instanceof OidcProviderError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new OidcProviderError(isUnavailable(error) ? 'unavailable' : 'rejected', `${during}: ${detail}`, { cause: error });
}

const SECONDS_TO_WAIT_FOR_THE_PROVIDER = 10;

export class OidcClient {
  /** Discovery runs once and is kept; a failed discovery is forgotten so the next sign-in retries. */
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const issuer = new URL(this.settings.issuer);
      try {
        return await oidc.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
          timeout: SECONDS_TO_WAIT_FOR_THE_PROVIDER,
          // Plain HTTP is allowed by the configuration only for a provider on this machine.
          ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        });
      } catch (error) {
        this.configuration = undefined;
        throw providerError(error, 'Discovery');
      }
    })();
    return this.configuration;
  }

  async authorizationUrl(redirectUri: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.discover();
    const pending: PendingSignIn = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Exchanges the code in the callback URL for tokens and returns the validated identity.
   * The e-mail comes from the ID token, or from the userinfo endpoint when the provider
   * leaves it out of the token (as some do).
   */
  async finish(callbackUrl: URL, redirectUri: string, pending: PendingSignIn): Promise<OidcIdentity> {
    const configuration = await this.discover();
    try {
      const tokens = await oidc.authorizationCodeGrant(
        configuration,
        callbackUrl,
        { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true },
        { redirect_uri: redirectUri },
      );
      const claims = tokens.claims();
      if (!claims) throw new OidcProviderError('rejected', 'The provider returned no ID token.');
      let email = claims.email;
      let emailVerified = claims.email_verified;
      if (typeof email !== 'string') {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        email = info.email;
        emailVerified = info.email_verified;
      }
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof email === 'string' ? email : undefined,
        // Only a JSON true counts: a missing or string value is not a verification.
        emailVerified: emailVerified === true,
        methods: Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === 'string') : [],
      };
    } catch (error) {
      throw providerError(error, 'Code exchange');
    }
  }
}
