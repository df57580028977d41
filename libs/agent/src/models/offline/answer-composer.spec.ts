import { composeAnswer, passageSentences } from './answer-composer';
import type { SearchResultView } from './model-input';

const RESTORE =
  'Deleted batches are not removed immediately. They move to **Production > Batches > Recently deleted** and stay there for 60 days. ' +
  'Open the deleted batch and click **Restore** to bring it back with all its readings, tank history and packaging runs. ' +
  "After 60 days they are permanently removed and can't be recovered by you or by our team.\n\n" +
  'Tip: if you only want to hide an old batch from the main list, use **... > Archive** instead of deleting it. ' +
  'Archived batches stay under **Production > Batches > Archived** indefinitely and still count in reports.';

function passage(over: Partial<SearchResultView> & Pick<SearchResultView, 'text'>): SearchResultView {
  return { chunkId: 'c1', article: 'batch-logs', heading: 'Batch logs › Restoring a deleted batch', score: 0.5, relevant: true, ...over };
}

describe('passageSentences', () => {
  it('ends a sentence only where the next one starts, so menu paths and abbreviations stay whole', () => {
    expect(passageSentences('Tip: to hide it, use **... > Archive** instead. Archived batches stay.')).toEqual([
      'Tip: to hide it, use **... > Archive** instead.',
      'Archived batches stay.',
    ]);
    expect(passageSentences('Add a note, e.g. for a client. Then save it. Version 2.5 is out.')).toEqual(['Add a note, e.g. for a client.', 'Then save it.', 'Version 2.5 is out.']);
  });
});

describe('composeAnswer', () => {
  it('sends the run of sentences that holds the answer, with the sentence it continues, in the article order', () => {
    const { text, citedChunkIds } = composeAnswer('accidentally deleted a batch yesterday, is it gone for good?', [passage({ text: RESTORE })], 'whatsapp');
    expect(text).toContain('They move to **Production > Batches > Recently deleted** and stay there for 60 days.');
    expect(text.indexOf('Deleted batches are not removed immediately.')).toBeLessThan(text.indexOf('They move to'));
    expect(text.startsWith('From our help article "Restoring a deleted batch":\n')).toBe(true);
    expect(citedChunkIds).toEqual(['c1']);
  });

  it('keeps WhatsApp near 300 characters and gives email room for the whole section', () => {
    const question = 'how do I restore a deleted batch and where are archived batches?';
    const wa = composeAnswer(question, [passage({ text: RESTORE })], 'whatsapp').text;
    const email = composeAnswer(question, [passage({ text: RESTORE })], 'email').text;
    expect(wa.length).toBeLessThanOrEqual(300);
    expect(email).toContain('Archived batches stay under **Production > Batches > Archived**');
    expect(email).toContain('Deleted batches are not removed immediately.');
  });

  it('adds a close passage of the same article when it holds question words the first does not', () => {
    const steps = passage({ chunkId: 'c2', heading: 'Report cards › Sending cards', score: 0.47, text: 'To send every completed card at once, click **Send all completed**.\n- Cards still in Draft are skipped.' });
    const about = passage({ chunkId: 'c1', heading: 'Report cards › What a report card is', score: 0.5, text: 'A report card tells owners how their dog spent the day. Staff fill one in for every dog.' });
    const { text, citedChunkIds } = composeAnswer('can we send all the report cards at once?', [about, steps], 'web_form');
    expect(citedChunkIds).toContain('c2');
    expect(text).toContain('click **Send all completed**.\n- Cards still in Draft are skipped.');
  });

  it('sends table rows as their cells, one row per line, without the rule under the header', () => {
    const table = 'The default schedule is:\n\n| Day | Stage | Action |\n|---|---|---|\n| 1 | Past Due | Reminder text and email |\n| 6 | Late Fee | Late fee of $20 or 10% of monthly rent |';
    const { text } = composeAnswer('when does the late fee stage start?', [passage({ heading: 'Delinquency › The schedule', text: table })], 'whatsapp');
    expect(text).toContain('\n6 | Late Fee | Late fee of $20 or 10% of monthly rent');
    expect(text).not.toMatch(/---|\| \||^\|/m);
  });

  it('never takes a passage from another article', () => {
    const other = passage({ chunkId: 'x', article: 'billing', heading: 'Billing › Invoices', score: 0.49, text: 'Invoices for batches are sent monthly.' });
    const { citedChunkIds } = composeAnswer('is a deleted batch invoiced?', [passage({ text: RESTORE }), other], 'email');
    expect(citedChunkIds).toEqual(['c1']);
  });
});
