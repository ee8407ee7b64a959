/**
 * The merger registry: the YAML file ({@code ocmw.registry.file}, {@code OCMW_REGISTRY}, {@code --registry}; by default
 * {@code jobs/mergers-2025.yml}) that lists every merger with its scenario, effective date, submission deadline,
 * merged OCMW and participants. The loader reads it strictly, because coordinators and scripts write it, and checks
 * every invariant of the scenarios; each violation is a value naming the merger, the rule and the line, so that all
 * of them can be shown at once. {@link be.ocmw.merge.registry.Registry} is the one registry of a process, read again
 * only when the file changed; {@link be.ocmw.merge.registry.Merger} says per scenario which OCMWs disappear and whose
 * dossiers move.
 */
package be.ocmw.merge.registry;
