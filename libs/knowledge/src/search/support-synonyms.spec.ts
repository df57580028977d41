import { everydayReadings, withPhraseMeanings } from './support-synonyms';

describe('withPhraseMeanings', () => {
  it.each([
    ['band didnt show, its been 40 min. what do i do in the app', 'no-show'],
    ['the client never turned up for her 3pm', 'no-show'],
    ['ran out of elote mid service, how do i take it off', 'sold out'],
    ['How do I move the job to her and keep what Luis has done?', 'reassign'],
    ['I want to hand the account over to my colleague', 'transfer ownership owner'],
    ['think i removed the wrong client by accident, can i get her back?', 'restore recently deleted'],
    ['second floor walk-up, how do I add the extra for carrying up', 'stairs'],
    ['Our old dog Max was put to sleep yesterday; how do I stop his reminders?', 'deceased'],
  ])('adds the meaning of %j', (query, meaning) => {
    expect(withPhraseMeanings(query)).toBe(`${query} ${meaning}`);
  });

  it('leaves a query without such a phrase as it is', () => {
    expect(withPhraseMeanings('the show starts at 8, can guests check in early?')).toBe('the show starts at 8, can guests check in early?');
    expect(withPhraseMeanings('how do I move the booking to Friday?')).toBe('how do I move the booking to Friday?');
    expect(withPhraseMeanings("the invoice didn't show in the list")).toBe("the invoice didn't show in the list");
    expect(withPhraseMeanings('I deleted the old price list on purpose')).toBe('I deleted the old price list on purpose');
  });
});

describe('everydayReadings', () => {
  it('reads chat filler as no topic and shorthand as the words it stands for', () => {
    expect(everydayReadings('lol')).toEqual([]);
    expect(everydayReadings('xero')).toEqual(['xero']);
  });
});
