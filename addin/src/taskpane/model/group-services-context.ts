// The pane's GroupServices for components deep in the people list (a person's card shows the
// audit trail about them) without threading them through every list between. Null where no
// provider is: the card then leaves its History out.
import { createContext } from 'react';
import type { GroupServices } from './group-services.ts';

export const GroupServicesContext = createContext<GroupServices | null>(null);
