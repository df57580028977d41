import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

/**
 * Dependency direction (STYLE.md): contracts <- domain <- ports <- application (use cases) / adapters / platform <- apps.
 * Tags live in each project's package.json ("nx": { "tags": [...] }).
 */
const depConstraints = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
  { sourceTag: 'type:ports', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:ports'] },
  {
    sourceTag: 'type:application',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:ports', 'type:platform'],
  },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform'] },
  {
    sourceTag: 'type:adapters',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:ports', 'type:platform', 'type:adapters', 'type:testing'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:ports', 'type:platform', 'type:application', 'type:adapters', 'type:testing'],
  },
  {
    sourceTag: 'type:runtime',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:ports', 'type:platform', 'type:application', 'type:adapters', 'type:runtime'],
  },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/coverage/**', '**/*.js', '**/*.mjs', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/cli/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests compose real adapters around the code under test; production code keeps the strict direction.
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }] },
      ],
    },
  },
);
