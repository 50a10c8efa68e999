export * from './accessKeyMask';
export * from './connectionLabel';
export * from './connectionReport';
export * from './partnerAccount';
export * from './profileKinds';
export * from './ssoSignIn';
