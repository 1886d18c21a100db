// What privacy operations need: the repositories (with the privacy one) and a clock.
import { AppError } from '../errors/app-error.ts';
import type { Repositories } from '../store/repositories.ts';
import type { PrivacyRepository } from './privacy-repository.ts';

export interface PrivacyDependencies {
  repositories: Repositories;
  now: () => Date;
}

/** The privacy repository, which every real store has (Repositories marks it optional for test fakes). */
export function requirePrivacyRepository(repositories: Repositories): PrivacyRepository {
  if (!repositories.privacy) throw new AppError('unavailable', 'privacy controls are not available on this deployment');
  return repositories.privacy;
}

/** Who asked, as the audit trail records actors. */
export interface PrivacyActor {
  email: string;
  name: string | null;
}
