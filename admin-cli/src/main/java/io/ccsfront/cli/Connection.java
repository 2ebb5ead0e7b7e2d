package io.ccsfront.cli;

/**
 * What every verb takes from the root command's global options: the client for the chosen
 * server and token, and whether to print JSON. The root command implements it; verbs reach it
 * through {@link CliCommand}, so they never name the root command's class.
 */
public interface Connection {

    /** The client for the chosen server and token. */
    AdminClient client();

    /** Whether {@code --json} was given. */
    boolean json();
}
