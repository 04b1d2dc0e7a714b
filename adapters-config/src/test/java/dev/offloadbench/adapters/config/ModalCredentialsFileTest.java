package dev.offloadbench.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.port.out.ModalCredentials.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModalCredentialsFileTest {
    private static final String TWO_PROFILES = """
            [default]
            token_id = "ak-default"
            token_secret = "as-default"

            [work]
            token_id = "ak-work"
            token_secret = "as-work"
            active = true
            """;

    @TempDir
    Path home;

    private Path modalToml;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() {
        env.put("HOME", home.toString());
        modalToml = home.resolve(".modal.toml");
    }

    private Status status() {
        return new ModalCredentialsFile(env).status();
    }

    private void writeModalToml(String text) throws IOException {
        Files.writeString(modalToml, text);
    }

    @Test
    void environmentTokensAreEnoughWithoutAFile() {
        env.put("MODAL_TOKEN_ID", "ak-1");
        env.put("MODAL_TOKEN_SECRET", "as-1");

        assertThat(status()).isEqualTo(new Status(true,
                "the MODAL_TOKEN_ID/MODAL_TOKEN_SECRET environment variables"));
    }

    @Test
    void emptyEnvironmentTokensDoNotCount() {
        env.put("MODAL_TOKEN_ID", "");
        env.put("MODAL_TOKEN_SECRET", "");

        assertThat(status().present()).isFalse();
    }

    @Test
    void profileWithActiveTrueIsUsed() throws IOException {
        writeModalToml(TWO_PROFILES);

        assertThat(status()).isEqualTo(new Status(true, "profile `work` in " + modalToml));
    }

    @Test
    void modalProfileEnvironmentVariableWinsOverActiveTrue() throws IOException {
        writeModalToml(TWO_PROFILES);
        env.put("MODAL_PROFILE", "default");

        assertThat(status()).isEqualTo(new Status(true, "profile `default` (MODAL_PROFILE) in " + modalToml));
    }

    @Test
    void defaultProfileIsUsedWhenNoneIsActive() throws IOException {
        writeModalToml("""
                [other]
                token_id = "ak"
                [default]
                token_id = "ak"
                token_secret = "as"
                """);

        assertThat(status()).isEqualTo(new Status(true, "profile `default` in " + modalToml));
    }

    @Test
    void activeProfileWithoutSecretIsNotPresent() throws IOException {
        writeModalToml("[default]\ntoken_id = \"ak\"\ntoken_secret = \"\"\n");

        assertThat(status()).isEqualTo(new Status(false, "profile `default` in " + modalToml
                + " has no token_secret"));
    }

    @Test
    void modalProfileNamingAMissingTableIsNotPresent() throws IOException {
        writeModalToml(TWO_PROFILES);
        env.put("MODAL_PROFILE", "staging");

        assertThat(status()).isEqualTo(new Status(false, modalToml + " has no profile `staging` (MODAL_PROFILE)"));
    }

    @Test
    void missingFileAndNoEnvironmentIsNotPresent() {
        assertThat(status()).isEqualTo(new Status(false, "no " + modalToml
                + " and no MODAL_TOKEN_ID/MODAL_TOKEN_SECRET in the environment"));
    }

    @Test
    void malformedFileIsNotPresentWithTheErrorPosition() throws IOException {
        writeModalToml("[default]\ntoken_id = \"ak\ntoken_secret = \"as\"\n");

        Status status = status();

        assertThat(status.present()).isFalse();
        assertThat(status.where()).startsWith(modalToml + " is not valid TOML: " + modalToml + ":2:15: ");
    }

    @Test
    void modalConfigPathReplacesTheHomeFile() throws IOException {
        writeModalToml(TWO_PROFILES);
        Path other = Files.writeString(home.resolve("modal-ci.toml"), """
                [ci]
                token_id = "ak"
                token_secret = "as"
                active = true
                """);
        env.put("MODAL_CONFIG_PATH", other.toString());

        assertThat(status()).isEqualTo(new Status(true, "profile `ci` in " + other + " (MODAL_CONFIG_PATH)"));
    }

    @Test
    void environmentTokenCompletesAProfileThatLacksIt() throws IOException {
        writeModalToml("[default]\ntoken_id = \"ak\"\n");
        env.put("MODAL_TOKEN_SECRET", "as-env");

        assertThat(status()).isEqualTo(new Status(true, "profile `default` in " + modalToml
                + " (token_secret from MODAL_TOKEN_SECRET)"));
    }
}
