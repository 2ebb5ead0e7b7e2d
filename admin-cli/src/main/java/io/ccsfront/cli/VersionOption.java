package io.ccsfront.cli;

import picocli.CommandLine.Option;

/** {@code --expected-version N}: the configuration version a change was computed from (sent as If-Match; stale: 412). */
public final class VersionOption {

    @Option(names = {"--expected-version", "--if-match"}, paramLabel = "VERSION",
            description = "refuse the change unless the configuration is at this version (otherwise the node applies it on top of the current one)")
    Long expectedVersion;

    public Long get() {
        return expectedVersion;
    }
}
