export * from './app-error';
export * from './redaction';
export * from './reply-format';
export * from './ticket-number';
export * from './escalation';
export * from './language';
