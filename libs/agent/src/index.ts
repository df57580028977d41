export * from './first-response.agent';
