/**
 * The dashboard issue (use case): load it, read the ignore rules people ticked in it, hold back the
 * updates they name, and publish the new body (`loadDashboard`, `publishDashboard`). The body's
 * markdown and its state are the core sub-room `issue-body/`.
 */
export * from './dashboard.ts';
