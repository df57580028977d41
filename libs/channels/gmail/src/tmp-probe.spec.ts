import EmailReplyParser from 'email-reply-parser';
it('probe', () => {
  const text = new EmailReplyParser().parseReply('Hello there\n\nOn Mon, Jan 1, 2024 at 10:00 AM Bob <bob@x.com> wrote:\n> old stuff\n');
  console.log(JSON.stringify(text));
});
