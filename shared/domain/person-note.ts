// A note about a person, shared with one team (the tenant-wide team by default): what a
// colleague wants the others to know ("prefers phone; met at the March summit"). Typed in by a
// user, never mined; audited like every other change.
import { z } from 'zod';

export const NOTE_MAX_LENGTH = 2000;

export const personNoteSchema = z.object({
  id: z.string(),
  personId: z.string(),
  text: z.string(),
  /** The team the note is shared with ("tenant": everyone in the organization). */
  teamId: z.string(),
  teamName: z.string(),
  author: z.object({ email: z.string(), name: z.string().nullable() }),
  createdAt: z.string(),
  /** Whether the caller may remove it: its author, or a tenant admin. */
  canRemove: z.boolean(),
});
export type PersonNote = z.infer<typeof personNoteSchema>;

export const addNoteBodySchema = z.object(
  {
    text: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(NOTE_MAX_LENGTH, { error: `is longer than ${NOTE_MAX_LENGTH} characters` }),
    /** Defaults to the tenant-wide team. */
    teamId: z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' }).max(100, { error: 'is longer than 100 characters' }).optional(),
  },
  { error: 'must be a JSON object' },
);
export type AddNoteBody = z.input<typeof addNoteBodySchema>;
