export * from './detect-language';
export * from './text-tokens';
