/**
 * A browser reduced to what a redirect-based sign-in needs: cookies per host and
 * redirects followed by hand, so a test sees (and can stop at, or tamper with) every hop.
 */
export interface Hop {
  url: string;
  status: number;
  location?: string;
}

export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  private cookieHeader(url: URL): string {
    return [...(this.jars.get(url.host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(url: URL, setCookies: string[]): void {
    const jar = this.jars.get(url.host) ?? new Map<string, string>();
    this.jars.set(url.host, jar);
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  /** One request, no redirect followed. */
  async request(href: string): Promise<Response> {
    const url = new URL(href);
    const cookie = this.cookieHeader(url);
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    this.remember(url, response.headers.getSetCookie());
    return response;
  }

  /**
   * Follows redirects from `href` until a page answers, or until `stopBefore` says the next
   * address should not be visited (the test then visits it itself, changed or not).
   */
  async follow(href: string, stopBefore: (next: URL) => boolean = () => false): Promise<{ hops: Hop[]; next?: URL }> {
    const hops: Hop[] = [];
    let current = href;
    for (let i = 0; i < 20; i++) {
      const response = await this.request(current);
      const location = response.headers.get('location') ?? undefined;
      hops.push({ url: current, status: response.status, location });
      await response.arrayBuffer();
      if (response.status < 300 || response.status >= 400 || !location) return { hops };
      const next = new URL(location, current);
      if (stopBefore(next)) return { hops, next };
      current = next.href;
    }
    throw new Error(`More than 20 redirects from ${href}: ${hops.map((h) => h.url).join(' → ')}`);
  }
}
