// The contract's validation: what a request may carry, and how a refusal names the field.
import { describeValidationError } from '../../../functions/src/http/handle-api-request.ts';
import { addMembersBodySchema, createGroupBodySchema, MAX_RECIPIENTS_PER_MESSAGE, updateGroupBodySchema, updateMemberBodySchema } from '../../../shared/domain/group.ts';
import type { z } from 'zod';

function problem(schema: z.ZodType, body: unknown): string | null {
  const parsed = schema.safeParse(body);
  return parsed.success ? null : describeValidationError(parsed.error);
}

it.each([
  [{ name: '  Shelter Network  ', kind: 'coalition' }, null],
  [{ name: '   ', kind: 'coalition' }, 'name: must not be empty'],
  [{ name: 'a'.repeat(201), kind: 'board' }, 'name: must be at most 200 characters'],
  [{ name: 'a\u0000b', kind: 'board' }, 'name: must not contain control characters'],
  [{ name: 'a\u0085b', kind: 'board' }, 'name: must not contain control characters'],
  [{ name: 'ok', kind: 'board', description: 'line one\nline two' }, null],
  [{ name: 'ok' }, 'kind: must be one of initiative, working-group, board, coalition, distribution-list, other'],
  ['nope', 'body: must be a JSON object'],
])('createGroup %j → %s', (body, expected) => {
  expect(problem(createGroupBodySchema, body)).toBe(expected);
});

it('trims names', () => {
  expect(createGroupBodySchema.parse({ name: '  Shelter Network ', kind: 'board' }).name).toBe('Shelter Network');
});

it.each([
  [{ members: [{ email: 'Jess@X.gov' }] }, null],
  [{ members: [] }, 'members: must name at least one member'],
  [{ members: [{ email: 'not-an-address' }] }, 'members[0].email: is not a valid email address'],
  [{ members: [{ email: 'a@x.gov', role: '' }] }, 'members[0].role: must not be empty'],
  [{ members: [{ email: 'a@x.gov', role: 'r'.repeat(101) }] }, 'members[0].role: must be at most 100 characters'],
  [{ members: [{ email: 'a@x.gov', start: '2025-13-01' }] }, 'members[0].start: must be a date written YYYY-MM-DD'],
  [{ members: [{ email: 'a@x.gov', notes: 'n'.repeat(1001) }] }, 'members[0].notes: must be at most 1000 characters'],
  [{ members: [{ email: 'a@x.gov', start: '2025-02-01', end: '2025-01-31' }] }, 'members[0].end: must not be before start'],
  [{ members: [{ email: 'a@x.gov' }, { email: ' A@X.GOV ' }] }, 'members[1].email: a@x.gov appears more than once in this request'],
])('addMembers %j → %s', (body, expected) => {
  expect(problem(addMembersBodySchema, body)).toBe(expected);
});

it('defaults the role to member and lower-cases addresses', () => {
  expect(addMembersBodySchema.parse({ members: [{ email: 'Jess@X.gov' }] }).members[0]).toEqual({ email: 'jess@x.gov', role: 'member' });
});

it.each([
  [updateGroupBodySchema, { etag: 'e' }, 'body: names nothing to change'],
  [updateGroupBodySchema, { name: 'x' }, 'etag: must be the etag of the version you are changing'],
  [updateGroupBodySchema, { etag: 'e', status: 'deleted' }, 'status: must be "active" or "archived"'],
  [updateMemberBodySchema, { etag: 'e', end: null }, null],
  [updateMemberBodySchema, { etag: 'e', start: '2025-02-01', end: '2025-01-01' }, 'end: must not be before start'],
] as const)('%#: %j → %s', (schema, body, expected) => {
  expect(problem(schema, body)).toBe(expected);
});

it("Exchange Online's recipient limit is 500 per message", () => {
  expect(MAX_RECIPIENTS_PER_MESSAGE).toBe(500);
});
