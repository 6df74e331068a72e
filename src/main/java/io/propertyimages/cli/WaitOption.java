package io.propertyimages.cli;

import picocli.CommandLine.Option;

/** {@code --wait} (the default) follows the execution to its end; {@code --no-wait} returns once it is started. */
final class WaitOption {
    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait for the execution to end (default), or with --no-wait return once the server has the request.")
    boolean wait;
}
