// What the bench page uses beyond the DOM library: the kit's stylesheet import (esbuild bundles
// it) and Chromium's console.profile/profileEnd (the page ends a mount's CPU profile itself).
declare module '*.css';

interface Console {
  profile(label?: string): void;
  profileEnd(label?: string): void;
}
