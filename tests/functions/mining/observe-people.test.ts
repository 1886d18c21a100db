// What an interaction says about the people in it: name, title from the name, when seen.
import type { Interaction, InteractionParticipant } from '../../../shared/domain/interaction.ts';
import { observePeople } from '../../../functions/src/mining/observe-people.ts';

function interaction(at: string, participants: InteractionParticipant[]): Interaction {
  return {
    id: `id-${at}`,
    tenantId: 't',
    ownerKey: 't|jess.morgan@housing.cascadia.gov',
    ownerEmail: 'jess.morgan@housing.cascadia.gov',
    kind: 'email',
    at,
    direction: 'received',
    subject: 's',
    threadId: null,
    seriesKey: null,
    meetingKey: null,
    participants,
    bulk: false,
    cancelled: false,
    source: { folder: 'inbox', graphId: 'g' },
  };
}

describe('observePeople', () => {
  it('observes every participant with the parsed name and title, at the interaction time', () => {
    const observations = observePeople([
      interaction('2024-03-04T15:00:00.000Z', [
        { email: 'pat.okafor@health.cascadia.gov', displayName: 'Pat Okafor - Director', role: 'from' },
        { email: 'jess.morgan@housing.cascadia.gov', displayName: 'Morgan, Jess (HOUSING)', role: 'to' },
      ]),
    ]);
    expect(observations).toEqual([
      { email: 'pat.okafor@health.cascadia.gov', displayName: 'Pat Okafor', titleFromName: 'Director', observedAt: '2024-03-04T15:00:00.000Z' },
      { email: 'jess.morgan@housing.cascadia.gov', displayName: 'Jess Morgan', titleFromName: null, observedAt: '2024-03-04T15:00:00.000Z', unitFromName: 'HOUSING' },
    ]);
  });

  it('skips robots and mailing lists', () => {
    const observations = observePeople([
      interaction('2024-03-04T15:00:00.000Z', [
        { email: 'no-reply@permits.cascadia.gov', displayName: 'Permits', role: 'from' },
        { email: 'housing-partners@lists.cascadia.gov', displayName: 'Housing Partners', role: 'to' },
        { email: 'alice.allen@health.cascadia.gov', displayName: 'Alice Allen', role: 'cc' },
      ]),
    ]);
    expect(observations.map((o) => o.email)).toEqual(['alice.allen@health.cascadia.gov']);
  });

  it('observes one person once per interaction they appear in, in order', () => {
    const pat = { email: 'pat.okafor@health.cascadia.gov', displayName: 'Okafor, Pat', role: 'from' as const };
    const observations = observePeople([
      interaction('2024-03-01T00:00:00.000Z', [pat]),
      interaction('2024-03-02T00:00:00.000Z', [{ ...pat, displayName: 'Pat Okafor | Deputy Director' }]),
    ]);
    expect(observations).toEqual([
      { email: pat.email, displayName: 'Pat Okafor', titleFromName: null, observedAt: '2024-03-01T00:00:00.000Z' },
      { email: pat.email, displayName: 'Pat Okafor', titleFromName: 'Deputy Director', observedAt: '2024-03-02T00:00:00.000Z' },
    ]);
  });

  it('observes nobody in no interactions', () => {
    expect(observePeople([])).toEqual([]);
  });
});
