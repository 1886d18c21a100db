// A draft's recipients at a glance, before Send: how many, how many outside the organization,
// and who has never been contacted; a warning names external first contacts.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { OrderedParticipant } from '../model/order-participants.ts';

function countPeople(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

export function RecipientSummary(props: { participants: readonly OrderedParticipant[] }) {
  const others = props.participants.filter((p) => !p.isSelf);
  const external = others.filter((p) => p.flags?.external);
  const firstContact = others.filter((p) => p.flags?.firstContact);
  const risky = others.filter((p) => p.flags?.external && p.flags.firstContact);
  const parts = [`Going to ${countPeople(others.length)}`];
  if (external.length > 0) parts.push(`${external.length} outside your organization`);
  if (firstContact.length > 0) parts.push(`${firstContact.length} first contact`);
  return (
    <MessageBar intent={risky.length > 0 ? 'warning' : 'info'} layout="multiline" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{parts.join(' · ')}</MessageBarTitle>
        {risky.length > 0 && (
          <>
            {' '}
            You have never written to {risky.map((p) => p.displayName).join(', ')}, outside your organization. Check the address before sending.
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
