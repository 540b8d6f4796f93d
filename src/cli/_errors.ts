/** A mistake in how the command was called (exit 2). */
export class UsageError extends Error {}

/** The command was called correctly but its input is invalid or unreadable (exit 1). */
export class CliError extends Error {}
