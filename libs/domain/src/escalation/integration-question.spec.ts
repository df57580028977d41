import { integrationTargets } from './integration-question';

describe('integrationTargets', () => {
  it.each([
    ['Does Stockroom integrate with QuickBooks Online or Xero?', ['QuickBooks', 'Online', 'Xero']],
    ['can it sync with salesforce??', ['salesforce']],
    ['Is there a Zendesk integration?', ['Zendesk']],
    ['Will it work with our Square terminal?', ['Square']],
    ['Can it sync our stock levels with Amazon Seller Central?', ['Amazon', 'Seller']],
  ])('names the tools in %j', (text, expected) => {
    expect(integrationTargets(text).sort()).toEqual([...expected].sort());
  });

  it('finds nothing in questions that are not about working with another tool', () => {
    expect(integrationTargets('How do I export my board to CSV?')).toEqual([]);
    expect(integrationTargets('We integrated Slack last week and it works great.')).toEqual([]);
    expect(integrationTargets('the scanner app keeps dropping, how do i fix it')).toEqual([]);
    expect(integrationTargets('How do I talk to the team about it?')).toEqual([]);
  });
});
