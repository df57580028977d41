export * from './app-error';
export * from './redaction';
