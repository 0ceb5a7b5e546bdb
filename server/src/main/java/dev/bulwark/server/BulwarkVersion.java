package dev.bulwark.server;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version. */
final class BulwarkVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"bulwark " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version()};
    }
}
