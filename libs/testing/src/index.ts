export * from './infra-env';
export * from './describe-with-infra';
export * from './fakes/fake-http-server';
export * from './fakes/fake-google-oidc';
export * from './fakes/fake-gmail-server';
export * from './fakes/fake-twilio-server';
export * from './eventually';
export * from './pipeline-test-env';
