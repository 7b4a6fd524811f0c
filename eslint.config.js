// Layer rules (ARCHITECTURE.md), enforced per folder. A layer may only reach down.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      'drizzle/**',
      '**/.data/**',
      '**/test-results/**',
      '.tools/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        location: 'readonly',
        history: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['packages/db/src/**/*.ts'],
    rules: restrict(
      ['@kds/api', '@kds/api/*', '@trpc/*', 'fastify', '@fastify/*'],
      'packages/db is the bottom layer: no api, trpc or fastify.',
    ),
  },
  {
    files: ['packages/api/src/domain/**/*.ts', 'packages/api/src/events/**/*.ts'],
    rules: {
      ...restrict(
        ['@trpc/*', 'fastify', '@fastify/*', '../routers/*', '../trpc', '../gateways/*'],
        'The domain holds business rules only: no transport (tRPC, Fastify) imports.',
      ),
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only apps/server/src/env.ts reads process.env.',
        },
      ],
    },
  },
  {
    // Flat config: this entry's no-restricted-imports replaces the one above for events/.
    files: ['packages/api/src/events/**/*.ts'],
    rules: restrict(
      [
        '@trpc/*',
        'fastify',
        '@fastify/*',
        '../routers/*',
        '../trpc',
        '../gateways/*',
        '../domain/*',
      ],
      'The events layer sits below the domain and transport: it imports neither.',
    ),
  },
  {
    files: ['packages/api/src/routers/**/*.ts', 'packages/api/src/trpc.ts'],
    rules: restrict(
      ['@kds/db', '@kds/db/*', 'drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'],
      'Routers are transport: call a domain verb instead of touching the database.',
    ),
  },
  {
    files: ['packages/api/src/gateways/**/*.ts'],
    rules: restrict(['../routers/*', '../trpc'], 'Gateways must not depend on routers.'),
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/env.ts'],
    rules: {
      ...restrict(
        ['@kds/api/src/*', '@kds/db/src/*'],
        'Import packages through their exports map, never their sources.',
      ),
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only apps/server/src/env.ts reads process.env.',
        },
      ],
    },
  },
  {
    files: [
      'apps/kitchen/src/**/*.{ts,tsx}',
      'apps/tracker/src/**/*.{ts,tsx}',
      'apps/admin/src/**/*.{ts,tsx}',
      'packages/ui/src/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `@kds/api/client` holds types and plain constants only, no server code.
              regex: '^@kds/api(/(?!client$).*)?$',
              allowTypeImports: true,
              message:
                'Front ends may import only types (AppRouter) from the API, and @kds/api/client.',
            },
            {
              group: ['@kds/db', '@kds/db/*', '@kds/server', 'drizzle-orm', 'fastify', 'postgres'],
              message: 'Front ends never reach the database or server code.',
            },
          ],
        },
      ],
    },
  },
  // React's rules of hooks: a hook called after an early return renders once, then throws
  // ("rendered more hooks") when the data arrives.
  {
    files: [
      'apps/kitchen/src/**/*.{ts,tsx}',
      'apps/tracker/src/**/*.{ts,tsx}',
      'apps/admin/src/**/*.{ts,tsx}',
      'packages/ui/src/**/*.{ts,tsx}',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  // Tests are glue across layers by nature (a router test seeds through the database); the
  // layer rules guard production code.
  {
    files: [
      '**/*.test.ts',
      '**/*.test-helpers.ts',
      '**/test/**/*.ts',
      '**/*.config.ts',
      'scripts/**',
      'bench/**',
      'apps/server/faults/**',
      'apps/server/attacks/**',
      'e2e/**',
    ],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-properties': 'off',
      'no-console': 'off',
    },
  },
  // The `kds` command line talks to the operator on stdout.
  {
    files: ['apps/server/src/kds.ts', 'apps/server/src/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
