import type { ProfileKind } from '../../core/connection/profileKinds';

/** A line of the Select AWS Profile pick. */
export type ProfileChoice =
  | { readonly kind: 'profile'; readonly name: string; readonly profileKind: ProfileKind; readonly files: string }
  | { readonly kind: 'defaultChain' }
  | { readonly kind: 'localEmulator' };

export type ConnectionActionId = 'selectProfile' | 'testConnection' | 'signIn' | 'useLocalEmulator' | 'showLog';

/** A line of the connection menu. */
export interface ConnectionAction {
  readonly id: ConnectionActionId;
  readonly label: string;
  readonly detail?: string;
}
