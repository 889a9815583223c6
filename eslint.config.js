import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Layering (docs/ARCHITECTURE.md): domain ← policies ← db ← server ← cli; web may import
 * only types from the domain. Each rule below forbids the imports that would break it.
 */
const layer = (files, forbidden, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.test-tmp/**', 'test-results/**', 'playwright-report/**', 'src/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['scripts/*.mjs'], languageOptions: { globals: { process: 'readonly' } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  { files: ['src/web/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: { ...reactHooks.configs.recommended.rules } },
  layer(['src/domain/**'], ['**/policies/**', '**/db/**', '**/server/**', '**/cli/**', '**/web/**', 'node:*', 'pg', 'drizzle-orm*', 'fastify*', '@electric-sql/*'], 'The domain is pure: no I/O and no outer layer.'),
  layer(['src/policies/**'], ['**/db/**', '**/server/**', '**/cli/**', '**/web/**', 'node:*'], 'Policies are pure: they import only the domain.'),
  layer(['src/db/**'], ['**/server/**', '**/cli/**', '**/web/**'], 'The database layer does not know the server, CLI or web.'),
  layer(['src/server/**'], ['**/cli/**', '**/web/**'], 'The server does not import the CLI or web app.'),
  layer(['src/web/**'], ['**/server/**', '**/db/**', '**/cli/**', '**/policies/**', 'node:*'], 'The web app talks to the API; it may import only domain types.'),
);
