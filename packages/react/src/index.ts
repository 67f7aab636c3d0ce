/** @getimmutable/react — React components and hooks for the Immutable audit-log viewer (in progress). */
export {};
