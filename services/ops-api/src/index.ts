export * from './ops-api.component';
export * from './ops-api.env';
export * from './ops-auth';
export * from './ops.router';
