package dev.bulwark.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the AWS CLI (Debian package awscli) as a user would, with no AWS_* variables of the
 * machine's environment and no configuration but what a test passes.
 */
public final class AwsCli {
    private AwsCli() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static boolean installed() {
        try {
            return new ProcessBuilder("aws", "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The environment that points the CLI at a server through the files the server writes. */
    public static Map<String, String> filesOf(BulwarkTestServer server) {
        return Map.of("AWS_SHARED_CREDENTIALS_FILE", server.credentialsFile().toString(),
                "AWS_CONFIG_FILE", server.dataDir().resolve("config").toString());
    }

    public static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** {@code aws --output json <args>} with the server's credentials and config files. */
    public static Result against(BulwarkTestServer server, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--output", "json"));
        command.addAll(List.of(args));
        return run(command, filesOf(server));
    }
}
