package vn.childsafe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Spectral's {@code spectral:oas} ruleset (docs/openapi/.spectral.yaml) reports no error on any committed document.
 * The test installs the Spectral CLI from the npm registry into target/spectral itself, so a fresh clone needs
 * nothing but Node.js; without {@code npm} on the PATH (or with {@code -Dspectral.skip}) it is skipped and
 * {@link OpenApiExamplesTest} still checks the examples.
 */
class SpectralLintTest {

    private static final String SPECTRAL = "@stoplight/spectral-cli@6";

    @Test
    void spectralFindsNoErrorInAnyDocument() throws Exception {
        assumeFalse(Boolean.getBoolean("spectral.skip"), "-Dspectral.skip");
        assumeTrue(onPath("npm"), "npm is not on the PATH: Spectral not run");
        Path dir = Path.of(System.getProperty("spectral.dir", "target/spectral"));
        Path spectral = dir.resolve("node_modules/.bin/spectral");
        if (!Files.isExecutable(spectral)) {
            Files.createDirectories(dir);
            Result install = run(
                    dir,
                    600,
                    "npm",
                    "install",
                    "--prefix",
                    dir.toAbsolutePath().toString(),
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    SPECTRAL);
            assertThat(install.exit())
                    .as("npm install %s (offline? skip with -Dspectral.skip)%n%s", SPECTRAL, install.output())
                    .isZero();
        }
        Path ruleset = OpenApiDocuments.committed("intake-service").resolveSibling(".spectral.yaml");
        List<String> command = new ArrayList<>(List.of(
                spectral.toAbsolutePath().toString(),
                "lint",
                "--ruleset",
                ruleset.toAbsolutePath().toString(),
                "--fail-severity",
                "error",
                "--display-only-failures",
                "--format",
                "text"));
        OpenApiDocuments.SERVICES.forEach(
                s -> command.add(OpenApiDocuments.committed(s).toAbsolutePath().toString()));
        Result lint = run(dir, 300, command.toArray(String[]::new));
        assertThat(lint.exit())
                .as("Spectral errors in docs/openapi:%n%s", lint.output())
                .isZero();
    }

    private record Result(int exit, String output) {}

    private static Result run(Path dir, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run-", ".log");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return ended
                ? new Result(process.exitValue(), output)
                : new Result(
                        -1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n" + output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
