/**
 * Comment commands (use case): a `/basepin …` comment on a pull request or the dashboard is
 * checked (who may, on what), run (pin, ignore, help) and answered (`handleComment`). The command
 * language itself is the core sub-room `commands/`.
 */
export * from './handle-comment.ts';
