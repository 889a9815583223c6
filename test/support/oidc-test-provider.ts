/**
 * A real OpenID Connect provider (panva's oidc-provider) on a random local port, for the
 * sign-in tests. Its accounts are a map the test fills; the login and consent screens are
 * replaced by a handler that signs in whichever account the test chose (`signInAs`), so a
 * test drives the whole browser flow with plain HTTP requests and cookies.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  email_verified: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** The account the next login interaction signs in, and the methods (amr) it reports. */
  signInAs(accountId: string, amr?: string[]): void;
  /** Attaches the provider, now that the app's callback address is known. */
  register(redirectUri: string): void;
  close(): Promise<void>;
}

/** Listens first (the issuer needs the port); `register` then builds the provider itself. */
export async function startTestProvider(): Promise<TestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end('provider not registered yet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'openirm-test';
  const clientSecret = 'a-test-client-secret-of-decent-length';
  const accounts = new Map<string, TestAccount>();
  let next = { accountId: '', amr: ['pwd'] };

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs(accountId, amr = ['pwd']) {
      next = { accountId, amr };
    },
    register(redirectUri) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], response_types: ['code'], grant_types: ['authorization_code'] }],
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
        cookies: { keys: ['a-test-cookie-key'] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'] },
        pkce: { required: () => true },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        findAccount: (_ctx, id) => {
          const account = accounts.get(id);
          return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
        },
      });
      const providerCallback = provider.callback();
      handler = (req, res) => {
        if (!req.url?.startsWith('/interaction/')) return void providerCallback(req, res);
        void (async () => {
          const details = await provider.interactionDetails(req, res);
          if (details.prompt.name === 'login') {
            await provider.interactionFinished(req, res, { login: { accountId: next.accountId, amr: next.amr } }, { mergeWithLastSubmission: false });
            return;
          }
          const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
          const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
          if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
          if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
          await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        })().catch((error: unknown) => {
          res.writeHead(500).end(String(error));
        });
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
