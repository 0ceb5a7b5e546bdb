package dev.bulwark.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bulwark} command line. */
@Command(name = "bulwark",
        mixinStandardHelpOptions = true,
        versionProvider = BulwarkVersion.class,
        description = {
                "Bulwark: a self-hosted security plane that speaks the AWS wire protocols.",
                "Point the AWS CLI or any AWS SDK at it with --endpoint-url."},
        subcommands = {ServeCommand.class, TrailCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new Main()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
