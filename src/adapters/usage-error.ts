// The use cases' errors (src/check/errors.ts), for the adapters that throw them too and the
// entry points that word them. The dependency points from the adapters to the use case.
export { PolicyFileError, UsageError } from "../check/errors.ts";
