export * from './http-app';
export * from './validation';
