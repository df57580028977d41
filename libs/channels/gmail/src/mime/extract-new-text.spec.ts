import { extractNewText } from './extract-new-text';

describe('extractNewText', () => {
  it('cuts an HTML-only Outlook reply at its reply header', () => {
    const html = '<div>Still broken after the update.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Support &lt;support@brightdesk.test&gt;<br><b>Sent:</b> Monday</div><div>Dear Tom, old text</div>';
    expect(extractNewText({ html })).toBe('Still broken after the update.');
  });

  it('keeps an Outlook forward (FW: without a marker line) whole', () => {
    const text = 'See below.\n\n________________________________\nFrom: Billing <billing@brightdesk.test>\nSent: Sunday\n\nYour invoice';
    expect(extractNewText({ text, subject: 'FW: Your invoice' })).toBe(text);
  });

  it('drops signatures and returns empty text for an empty body', () => {
    expect(extractNewText({ text: 'Is there an API for exports?\n\nSent from my iPhone' })).toBe('Is there an API for exports?');
    expect(extractNewText({})).toBe('');
  });
});
