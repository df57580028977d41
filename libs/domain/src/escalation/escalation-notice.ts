import type { Channel } from '@cs/contracts';

/** The short note a customer gets when a person takes over; the channel formatter adds greeting and ticket. */
export function escalationNotice(channel: Channel, reason: string): string {
  const opening =
    reason === 'negative_sentiment' ? "I'm sorry for the trouble this has caused." : reason === 'human_requested' ? 'Of course.' : 'Thank you for your message.';
  if (channel === 'whatsapp') return `${opening} A member of our team will pick this up and reply to you here shortly.`;
  if (channel === 'email') return `${opening} I have passed your request to a member of our support team, who will follow up with you personally by email.`;
  return `${opening} I have passed your request to a member of our support team, who will follow up with you personally.`;
}
