// Side-effect stylesheet imports (preview.tsx) are handled by Vite.
declare module '*.css';
