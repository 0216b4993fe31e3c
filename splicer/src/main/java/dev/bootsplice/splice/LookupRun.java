package dev.bootsplice.splice;

/** The boot accesses of one replay: the hops each page read walked and the replay's wall time. */
public record LookupRun(HopDistribution hops, long measuredNs) {}
