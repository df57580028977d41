/** One Jest run over every project: unit specs beside the code, integration specs in test/. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: '<rootDir>/libs/testing/src/jest-node-environment.js',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/eval', '<rootDir>/deploy'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.[cm]?[tj]s$': swc },
  // Some dependencies ship ESM only; let swc turn them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@electric-sql|cockatiel|email-reply-parser)/)'],
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
  reporters: ['default', '<rootDir>/libs/testing/src/infra-skip.reporter.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
