import { render, screen } from '@testing-library/react';
import { createMemoryHistory } from '@tanstack/react-router';
import { App } from '../app/app.tsx';
import { createQueryClient } from '../app/providers.tsx';
import { setCsrfToken } from '../lib/api-client.ts';

/** Renders the whole app at a path, as a user would open it (the API is mocked by the test). */
export async function renderApp(path: string) {
  setCsrfToken(null);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const history = createMemoryHistory({ initialEntries: [path] });
  const result = render(<App queryClient={queryClient} history={history} />);
  // The page is loaded with import(); wait for its heading.
  await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
  return { ...result, history, queryClient };
}
