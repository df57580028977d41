export * from './infra-env';
export * from './describe-with-infra';
